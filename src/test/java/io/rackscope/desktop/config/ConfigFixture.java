package io.rackscope.desktop.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A writable copy of the bundled demo configuration, to damage in tests. */
public final class ConfigFixture {
    public static final Path BUNDLED = Path.of("config");

    private ConfigFixture() {}

    public static Path copyOfBundled(Path into) {
        try (Stream<Path> walk = Files.walk(BUNDLED)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = into.resolve(BUNDLED.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path rackFile(Path config, String site, String room, String aisle, String rack) {
        return config.resolve("topology/datacenters")
                .resolve(site)
                .resolve("rooms")
                .resolve(room)
                .resolve("aisles")
                .resolve(aisle)
                .resolve("racks")
                .resolve(rack + ".yaml");
    }
}
