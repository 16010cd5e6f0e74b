package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids with regex metacharacters match exactly, and a {@code for:} condition that has held for an
 * hour (backfilled history) is WARN on the very first cycle, while one that only just started is
 * not.
 */
class DebounceAndIdsIT {
    @TempDir Path dir;

    static final String TOPOLOGY =
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
                              - {id: d1, template_id: srv, u_position: 1, instance: node01.example.com}
                              - {id: d2, template_id: srv, u_position: 2, instance: "10.0.0.1:9100"}
                              - {id: d3, template_id: srv, u_position: 3, instance: gpu-a+b}
                              - {id: d4, template_id: srv, u_position: 4, instance: hot01}
                              - {id: d5, template_id: srv, u_position: 5, instance: warm01}
            """;

    @Test
    void exactIdsAndDebounceRecoveredFromHistory() throws Exception {
        ConfigFixture.write(dir.resolve("app.yaml"), "telemetry: {scrape_interval_seconds: 15}\n");
        ConfigFixture.write(dir.resolve("topology.yaml"), TOPOLOGY);
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: [node_up, hot]}\n");
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: hot
                    expr: node_temperature_celsius{instance=~"$instances"}
                    for: 5m
                    rules: [{op: ">", value: 75, severity: WARN}]
                """);
        RackscopeConfig config = new ConfigLoader(Map.of()).load(dir);
        assertEquals(
                0, config.diagnostics().errors().size(), config.diagnostics().all().toString());

        long now = System.currentTimeMillis() / 1000;
        StringBuilder history = new StringBuilder("# TYPE node_temperature_celsius gauge\n");
        for (String[] series : new String[][] {{"hot01", "80"}, {"warm01", "40"}}) {
            // the same series as the live one (job included) and up to now: for: needs samples
            // covering its whole window; this Prometheus looks back 2 min, enough to join the
            // history to the first live scrape on a loaded machine
            for (long t = now - 3600; t <= now; t += 15) {
                history.append("node_temperature_celsius{instance=\"")
                        .append(series[0])
                        .append("\",job=\"exporter\"} ")
                        .append(series[1])
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
        }
        history.append("# EOF\n");

        try (TestExporter exporter = new TestExporter()) {
            // decoys: an unescaped '.' or '+' would match these and make the real nodes CRIT
            exporter.set(
                    """
                    up{instance="node01.example.com"} 1
                    up{instance="node01Xexample.com"} 0
                    up{instance="10.0.0.1:9100"} 1
                    up{instance="10-0-0-1:9100"} 0
                    up{instance="gpu-a+b"} 1
                    up{instance="gpu-aab"} 0
                    up{instance="hot01"} 1
                    up{instance="warm01"} 1
                    node_temperature_celsius{instance="hot01"} 80
                    node_temperature_celsius{instance="warm01"} 80
                    """);
            try (PrometheusServer prometheus =
                    PrometheusServer.start(exporter.address(), history.toString(), 1, "2m")) {
                PrometheusServer.waitFor(
                        () -> {
                            try {
                                return prometheus
                                                .query("count(up{instance!~\"127.0.0.1:.*\"})")
                                                .contains("\"8\"")
                                        && prometheus
                                                .query("count(node_temperature_celsius)")
                                                .contains("\"2\"");
                            } catch (Exception e) {
                                return false;
                            }
                        },
                        Duration.ofSeconds(30),
                        "live series scraped");
                for (EvaluationMode mode : EvaluationMode.values()) {
                    try (PrometheusClient client =
                            new PrometheusClient(
                                    config.app().telemetry().endpoint(prometheus.url()),
                                    new QueryStats())) {
                        HealthSnapshot s =
                                new TelemetryPlanner(config, client, mode, Clock.systemUTC())
                                        .refresh();
                        assertTrue(s.errors().isEmpty(), s.errors().toString());
                        assertEquals(Severity.OK, s.node("node01.example.com"), mode.name());
                        assertEquals(Severity.OK, s.node("10.0.0.1:9100"), mode.name());
                        assertEquals(Severity.OK, s.node("gpu-a+b"), mode.name());
                        // the original keeps for: in process: after a start it has seen nothing
                        // held yet; the app and the full rule read the window from history
                        assertEquals(
                                mode == EvaluationMode.PLAIN ? Severity.OK : Severity.WARN,
                                s.node("hot01"),
                                mode + ": hot for an hour, on the first frame");
                        assertEquals(
                                Severity.OK,
                                s.node("warm01"),
                                mode + ": hot for seconds is not yet WARN");
                    }
                }
            }
        }
    }
}
