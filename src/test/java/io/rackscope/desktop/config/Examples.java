package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public Rackscope example trees the compatibility tests read: {@code
 * ../shared/rackscope-examples} beside the clone (CI lays {@code ../shared} there; {@code
 * -Drackscope.examples=DIR} points elsewhere). A test that needs one and does not find it is
 * skipped, and says so on the console.
 */
public final class Examples {
    public static final Path ROOT =
            Path.of(System.getProperty("rackscope.examples", "../shared/rackscope-examples"));

    private Examples() {}

    /** The example {@code name}, or the calling test skipped loudly when it is absent. */
    public static Path require(String name) {
        Path dir = ROOT.resolve(name);
        if (!Files.isDirectory(dir)) {
            String why =
                    "SKIPPED: the Rackscope example "
                            + dir.toAbsolutePath().normalize()
                            + " is absent; these tests read ../shared/rackscope-examples beside"
                            + " the clone (as CI lays it) or -Drackscope.examples=DIR";
            System.err.println(why);
            if (Boolean.getBoolean("rackscope.it.require")) {
                throw new AssertionError(why);
            }
            assumeTrue(false, why);
        }
        return dir;
    }
}
