package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.capacity.Capacity;
import io.rackscope.desktop.capacity.RackCapacity;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.MetricsService;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heat map's and the capacity table's values on a real Prometheus scraping the simulator: every
 * rack of a room in one query, though the definitions aggregate without {@code by} ({@code
 * sum(pdu_power_watts{rack_id="$rack_id"})}, {@code max(rack_inlet_temperature_celsius{...})}),
 * each the same number as asking that rack alone; the 24 h peak at least the value now.
 */
class MetricValuesIT {
    static SimulatedDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = SimulatedDemo.start();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aRoomsRacksInOneQueryEachAsIfAskedAlone() throws Exception {
        Room room = demo.demo.topology().room("fra1", "hall-a").orElseThrow();
        List<String> racks = room.racks().map(Rack::id).toList();
        QueryStats stats = new QueryStats();
        try (PrometheusClient client =
                new PrometheusClient(demo.demo.app().telemetry().endpoint(demo.url()), stats)) {
            MetricsService metrics = new MetricsService(client, demo.demo.app());
            Instant at = Instant.now();
            for (String id : List.of("pdu_power", "rack_inlet_temperature")) {
                MetricDefinition m = demo.demo.metric(id).orElseThrow();
                long q0 = stats.queryCount();
                Map<String, Double> all = metrics.valuesAt(m, racks, at).get();
                assertEquals(1, stats.queryCount() - q0, id + ": one query for 22 racks");
                assertEquals(racks.size(), all.size(), id + ": a value for every rack: " + all);
                for (String rack : racks.subList(0, 3)) {
                    double alone = metrics.valuesAt(m, List.of(rack), at).get().get(rack);
                    assertEquals(alone, all.get(rack), 1e-9, id + " of " + rack);
                }
                Map<String, Double> peaks =
                        metrics.peaksAt(m, racks, at, Duration.ofHours(24)).get();
                assertEquals(racks.size(), peaks.size(), id + ": a peak for every rack");
                for (String rack : racks) {
                    assertTrue(
                            peaks.get(rack) >= all.get(rack) - 1e-9 * Math.abs(all.get(rack))
                                    || peaks.get(rack) >= all.get(rack) * 0.95,
                            id
                                    + " of "
                                    + rack
                                    + ": peak "
                                    + peaks.get(rack)
                                    + " now "
                                    + all.get(rack));
                }
            }
            MetricDefinition power = demo.demo.metric("pdu_power").orElseThrow();
            Map<String, Double> now = metrics.valuesAt(power, racks, at).get();
            Capacity capacity = new Capacity(demo.demo);
            RackCapacity r =
                    capacity.of(
                            room.racks().findFirst().orElseThrow(),
                            now.get(racks.get(0)),
                            Double.NaN);
            assertTrue(r.nowWatts() > 0 && r.heatBtuPerHour() > r.nowWatts() * 3.4, r.toString());
        }
    }

    /**
     * {@code check-config --prometheus}: a rack whose measured peak exceeds its budget is warned
     * of.
     */
    @Test
    void checkConfigWarnsOfARackOverItsBudgetByItsMeasuredPeak() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("capacity-check");
        io.rackscope.desktop.config.ConfigFixture.copyOfBundled(dir);
        java.nio.file.Path rack =
                dir.resolve(
                        "topology/datacenters/fra1/rooms/hall-a/aisles/a01/racks/fra1-a01-r01.yaml");
        java.nio.file.Files.writeString(
                rack,
                java.nio.file.Files.readString(rack)
                        .replaceAll("power_budget_w: [0-9]+", "power_budget_w: 100"));
        io.rackscope.desktop.cli.CliRun r =
                io.rackscope.desktop.cli.CliRun.of(
                        "check-config",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        demo.url(),
                        "--json");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode warnings =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("warnings");
        List<String> over = new java.util.ArrayList<>();
        warnings.forEach(
                w -> {
                    if (w.toString().contains("peaked at")) {
                        over.add(w.toString());
                    }
                });
        assertEquals(1, over.size(), warnings.toString());
        assertTrue(
                over.get(0).contains("rack 'fra1-a01-r01' is over its power budget"), over.get(0));
        assertTrue(over.get(0).contains("fra1-a01-r01.yaml"), "names the file: " + over.get(0));
    }
}
