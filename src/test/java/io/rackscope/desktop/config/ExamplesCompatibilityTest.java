package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.topology.Topology;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loads each public Rackscope example unchanged and compares with the counts in config-format.md.
 */
class ExamplesCompatibilityTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "homelab,         1, 1, 1,  3,  23,   23, 14, 4",
        "small-cluster,   1, 1, 3, 11, 194,  608, 14, 4",
        "hpc-cluster,     1, 2, 5, 25, 762, 1912, 20, 6",
        "simple-room,     1, 1, 1,  4,  11,   11,  2, 0",
        "full-datacenter, 2, 3, 6, 22, 296,  850, 10, 7"
    })
    void loadsWithTheDocumentedCounts(
            String name,
            int sites,
            int rooms,
            int aisles,
            int racks,
            int devices,
            int instances,
            int checks,
            int metrics) {
        Path dir = Examples.require(name);
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        Topology t = cfg.topology();
        assertEquals(sites, t.sites().size(), "sites");
        assertEquals(rooms, t.rooms().size(), "rooms");
        assertEquals(aisles, t.aisles().size(), "aisles");
        assertEquals(racks, t.racks().size(), "racks");
        assertEquals(devices, t.deviceCount(), "devices");
        assertEquals(instances, t.instances().size(), "instances");
        assertEquals(checks, cfg.checks().size(), "checks");
        assertEquals(metrics, cfg.metrics().size(), "metrics");
        assertEquals(
                0,
                cfg.diagnostics().errors().stream()
                        .filter(d -> d.message().contains("malformed"))
                        .count());
    }
}
