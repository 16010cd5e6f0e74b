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

    /**
     * One rack of six one-node devices (c1..c6, instances n01..n06) of a template listing {@code
     * node_up, temp, mem}, with {@code app} as app.yaml and {@code checks} as the check library;
     * loaded, and asserted to load without errors.
     */
    public static RackscopeConfig sixNodes(Path dir, String app, String checks) {
        return sixNodes(dir, app, checks, "[node_up, temp, mem]");
    }

    /** As above, the nodes' template listing {@code templateChecks} (a YAML list). */
    public static RackscopeConfig sixNodes(
            Path dir, String app, String checks, String templateChecks) {
        StringBuilder devices = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            devices.append(
                    "                      - {id: c%d, template_id: srv, u_position: %d, instance: n%02d}\n"
                            .formatted(i, i, i));
        }
        write(dir.resolve("app.yaml"), app);
        write(
                dir.resolve("topology.yaml"),
                """
                sites:
                  - id: s
                    rooms:
                      - id: r
                        aisles:
                          - id: a
                            racks:
                              - id: rk
                                devices:
                """
                        + devices);
        write(
                dir.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: " + templateChecks + "}\n");
        write(dir.resolve("checks/library/c.yaml"), checks);
        RackscopeConfig loaded = new ConfigLoader(java.util.Map.of()).load(dir);
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of(), loaded.diagnostics().errors());
        return loaded;
    }
}
