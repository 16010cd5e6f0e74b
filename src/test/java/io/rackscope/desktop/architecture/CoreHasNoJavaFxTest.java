package io.rackscope.desktop.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core must run from the command line and in tests without a toolkit: no JavaFX in its sources.
 */
class CoreHasNoJavaFxTest {
    static final List<String> CORE =
            List.of(
                    "config",
                    "topology",
                    "checks",
                    "metrics",
                    "prometheus",
                    "telemetry",
                    "simulator",
                    "cli");
    static final Path ROOT = Path.of("src/main/java/io/rackscope/desktop");

    @Test
    void corePackagesDoNotImportJavaFx() throws IOException {
        long scanned = 0;
        for (String pkg : CORE) {
            Path dir = ROOT.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scanned++;
                    List<String> offending =
                            Files.readAllLines(f).stream()
                                    .filter(
                                            l ->
                                                    l.matches(
                                                                    "\\s*import\\s+(static\\s+)?javafx\\..*")
                                                            || l.contains(
                                                                    "io.rackscope.desktop.ui."))
                                    .toList();
                    assertEquals(
                            List.of(),
                            offending,
                            f + " is core code and must not use JavaFX or the UI");
                }
            }
        }
        assertTrue(scanned > 20, "the scan found the core sources");
    }
}
