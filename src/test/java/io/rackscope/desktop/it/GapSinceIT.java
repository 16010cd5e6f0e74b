package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "Since" on a real Prometheus when a failing series had a gap without samples: the run starts
 * again when the samples come back; a gap is not failing.
 */
class GapSinceIT {
    static final long STEP = 15;

    static Path twoNodes() throws Exception {
        Path dir = Files.createTempDirectory("rackscope-gap-since");
        ConfigFixture.write(dir.resolve("app.yaml"), "telemetry: {scrape_interval_seconds: 15}\n");
        ConfigFixture.write(
                dir.resolve("topology.yaml"),
                """
                sites:
                  - id: lab
                    rooms:
                      - id: r1
                        aisles:
                          - id: a1
                            racks:
                              - id: rk1
                                devices:
                                  - {id: c1, template_id: srv, u_position: 1, instance: n01}
                                  - {id: c2, template_id: srv, u_position: 2, instance: n02}
                """);
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: [hot]}\n");
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: hot
                    expr: temp{instance=~"$instances"}
                    rules: [{op: ">", value: 80, severity: WARN}]
                """);
        return dir;
    }

    @Test
    void aFailingRunStartsAgainAfterAGapWithoutSamples() throws Exception {
        Path dir = twoNodes();
        long end = Instant.now().getEpochSecond() / 60 * 60 - 60;
        StringBuilder h = new StringBuilder("# TYPE temp gauge\n");
        for (long t = end - 3600; t <= end; t += STEP) {
            long before = end - t;
            // n01: hot from 40 minutes before the end, no samples from 30 to 20 before, hot again
            if (before > 30 * 60 || before <= 20 * 60) {
                sample(h, "n01", before <= 40 * 60 ? 90 : 50, t);
            }
            // n02: hot from 40 minutes before the end, without a gap
            sample(h, "n02", before <= 40 * 60 ? 90 : 50, t);
        }
        h.append("# EOF\n");
        try (TestExporter exporter = new TestExporter();
                PrometheusServer prometheus =
                        PrometheusServer.start(exporter.address(), h.toString(), 15, "5m")) {
            RackscopeConfig config = new ConfigLoader().load(dir);
            try (PrometheusClient client =
                            new PrometheusClient(
                                    config.app().telemetry().endpoint(prometheus.url()),
                                    new QueryStats());
                    TelemetryPlanner planner =
                            new TelemetryPlanner(
                                    config, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
                Map<String, Instant> since =
                        planner.failingSince(
                                        "hot",
                                        List.of("n01", "n02"),
                                        Instant.ofEpochSecond(end),
                                        Duration.ofHours(1))
                                .get(60, TimeUnit.SECONDS);
                near(
                        since.get("n01"),
                        end - 20 * 60,
                        "n01 is hot again since its samples came back");
                near(since.get("n02"), end - 40 * 60, "n02 has been hot for 40 minutes");
            }
        }
    }

    private static void sample(StringBuilder h, String node, int value, long t) {
        h.append("temp{instance=\"")
                .append(node)
                .append("\"} ")
                .append(value)
                .append(' ')
                .append(t)
                .append('\n');
    }

    private static void near(Instant got, long want, String what) {
        assertTrue(
                got != null && Math.abs(got.getEpochSecond() - want) <= STEP,
                what + ": since " + got + ", want " + Instant.ofEpochSecond(want));
    }

    @Test
    void aPrometheusWithAnEmptyDatabaseSaysWhereItsHistoryStartsAndNoStartIsOlder()
            throws Exception {
        Path dir = twoNodes();
        try (TestExporter exporter = new TestExporter();
                PrometheusServer prometheus = PrometheusServer.start(exporter.address(), null, 1)) {
            exporter.set("temp{instance=\"n01\"} 90\ntemp{instance=\"n02\"} 40\n");
            prometheus.awaitSample("temp{instance=\"n01\"}");
            RackscopeConfig config = new ConfigLoader().load(dir);
            try (PrometheusClient client =
                            new PrometheusClient(
                                    config.app().telemetry().endpoint(prometheus.url()),
                                    new QueryStats());
                    TelemetryPlanner planner =
                            new TelemetryPlanner(
                                    config, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
                Instant begins = client.historyStart().orElseThrow();
                Instant now = Instant.now();
                assertTrue(
                        begins.isAfter(now.minusSeconds(120)) && !begins.isAfter(now),
                        "a fresh database begins minutes ago, not a day: " + begins);
                planner.refresh();
                PrometheusServer.waitFor(
                        () -> planner.refresh().stats().historyStart().isPresent(),
                        Duration.ofSeconds(10),
                        "the snapshot knows where history starts");
                Instant since =
                        planner.failingSince(
                                        "hot", List.of("n01"), Instant.now(), Duration.ofHours(24))
                                .get(60, TimeUnit.SECONDS)
                                .get("n01");
                assertTrue(
                        !since.isBefore(begins.minusSeconds(1))
                                && since.isBefore(begins.plusSeconds(STEP)),
                        "failing since history starts (" + begins + "), not 24 h: " + since);
            }
        }
    }
}
