package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.LocalPrometheus;
import io.rackscope.desktop.simulator.MetricsExporter;
import io.rackscope.desktop.simulator.Scenario;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code demo --target-per-node}: a real Prometheus scrapes the simulator as an estate with an
 * exporter per node; a node down is a target down, and the app reads it so.
 */
class TargetPerNodeIT {
    /** The six nodes' checks, whether a node is up read from Prometheus' own {@code up}. */
    static final String CHECKS = VanishingSeriesIT.CHECKS.replace("node_ok{", "up{");

    @Test
    void aNodeDownIsATargetDown() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        Path dir = Files.createTempDirectory("rackscope-per-node-it");
        RackscopeConfig cfg = ConfigFixture.sixNodes(dir, "", CHECKS);
        Scenario scenario =
                new Scenario(
                        "n03 down",
                        List.of(
                                new Scenario.Event(
                                        Scenario.Kind.NODE_DOWN,
                                        "n03",
                                        Duration.ZERO,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)));
        EstateSimulator sim = new EstateSimulator(cfg, scenario, 5, Instant.now());
        assertEquals(List.of("n01", "n02", "n03", "n04", "n05", "n06"), sim.nodeTargets());
        try (MetricsExporter exporter =
                        new MetricsExporter(sim, "127.0.0.1", 0, Clock.systemUTC());
                LocalPrometheus prometheus = LocalPrometheus.prepare(null);
                PrometheusClient client =
                        new PrometheusClient(
                                cfg.app().telemetry().endpoint(prometheus.url().toString()),
                                new QueryStats())) {
            prometheus.startByTarget(
                    exporter.address(), sim.nodeTargets(), 1, Duration.ofSeconds(60));
            TelemetryPlanner planner =
                    new TelemetryPlanner(cfg, client, EvaluationMode.FILTERED, Clock.systemUTC());
            HealthSnapshot[] last = new HealthSnapshot[1];
            PrometheusServer.waitFor(
                    () -> {
                        planner.invalidateCaches();
                        last[0] = planner.refresh();
                        return last[0].node("n03") == Severity.CRIT
                                && last[0].node("n01") == Severity.OK;
                    },
                    Duration.ofSeconds(30),
                    "n03's target down, n01's up");
            String temps =
                    java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(
                                                            prometheus.url()
                                                                    + "/api/v1/query?query=temp_celsius"))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body();
            assertTrue(temps.contains("\"instance\":\"n01\""), temps);
            assertTrue(!temps.contains("\"instance\":\"n03\""), "no series of a target down");
            assertTrue(!temps.contains("\"job\""), "the job cleared, as in the backfilled history");
        }
    }
}
