package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damages one file of each kind and checks that the message names the file and line while the rest
 * loads.
 */
class BreakageTest {
    @TempDir Path dir;

    private static final String BROKEN_TAIL = "\nbroken: [this list never closes\nnext: 1\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "app.yaml",
                "topology/sites.yaml",
                "topology/datacenters/fra1/rooms/hall-b/room.yaml",
                "topology/datacenters/fra1/rooms/hall-a/aisles/a02/aisle.yaml",
                "topology/datacenters/fra1/rooms/hall-a/aisles/a01/racks/fra1-a01-r01.yaml",
                "templates/devices/storage.yaml",
                "checks/library/storage_network.yaml",
                "metrics/library/network.yaml"
            })
    void malformedFileIsNamedWithItsLineAndTheRestLoads(String relative) {
        Path config = ConfigFixture.copyOfBundled(dir);
        RackscopeConfig intact = new ConfigLoader().load(config);
        Path file = config.resolve(relative);
        String original = ConfigFixture.read(file);
        int brokenLine = (int) original.lines().count() + 2;
        ConfigFixture.write(file, original + BROKEN_TAIL);

        RackscopeConfig cfg = new ConfigLoader().load(config);

        List<Diagnostic> errors = cfg.diagnostics().errors();
        Diagnostic d =
                errors.stream()
                        .filter(e -> e.file().endsWith(relative))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no error names " + relative + ": " + errors));
        assertTrue(d.message().contains("malformed"), d.message());
        assertTrue(
                d.line() >= brokenLine && d.line() <= brokenLine + 2,
                "line " + d.line() + " for a break at " + brokenLine);
        assertTrue(d.toString().contains(relative + ":" + d.line()), d.toString());
        // everything outside the damaged file still loads
        switch (relative) {
            case "topology/sites.yaml" -> assertEquals(0, cfg.topology().sites().size());
            case "topology/datacenters/fra1/rooms/hall-b/room.yaml" ->
                    assertEquals(2, cfg.topology().rooms().size());
            case "topology/datacenters/fra1/rooms/hall-a/aisles/a02/aisle.yaml" ->
                    assertEquals(32, cfg.topology().racks().size());
            case "topology/datacenters/fra1/rooms/hall-a/aisles/a01/racks/fra1-a01-r01.yaml" -> {
                assertEquals(39, cfg.topology().racks().size());
                assertEquals(
                        intact.topology().instances().size() - 74,
                        cfg.topology().instances().size());
            }
            case "templates/devices/storage.yaml" ->
                    assertEquals(
                            intact.templates().devices().size() - 2,
                            cfg.templates().devices().size());
            case "checks/library/storage_network.yaml" ->
                    assertEquals(intact.checks().size() - 3, cfg.checks().size());
            case "metrics/library/network.yaml" ->
                    assertEquals(intact.metrics().size() - 3, cfg.metrics().size());
            default ->
                    assertEquals(
                            intact.topology().instances().size(),
                            cfg.topology().instances().size());
        }
        if (!relative.startsWith("topology")) {
            assertEquals(intact.topology().instances().size(), cfg.topology().instances().size());
        }
    }
}
