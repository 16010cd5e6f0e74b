package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.ConnectionStatus;
import io.rackscope.desktop.health.HealthSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sites, each with its own Prometheus: one that never answers must not cost the other. */
class TwoServersTest {
    static final long T0 = 1_800_000_000L / 15 * 15;
    @TempDir Path dir;

    RackscopeConfig twoSites() {
        ConfigFixture.write(
                dir.resolve("app.yaml"),
                """
                telemetry:
                  scrape_interval_seconds: 15
                  prometheus_url: http://one
                  sites:
                    s2: {prometheus_url: "http://two"}
                planner: {cycle_timeout_seconds: 2}
                """);
        StringBuilder t = new StringBuilder("sites:\n");
        for (int s = 1; s <= 2; s++) {
            t.append(
                    """
                      - id: s%d
                        rooms:
                          - id: r%d
                            aisles:
                              - id: a%d
                                racks:
                                  - id: rk%d
                                    devices:
                    """
                            .formatted(s, s, s, s));
            for (int i = 1; i <= 3; i++) {
                int n = (s - 1) * 3 + i;
                t.append(
                        "                      - {id: c%d, template_id: srv, u_position: %d, instance: n%02d}\n"
                                .formatted(n, i, n));
            }
        }
        ConfigFixture.write(dir.resolve("topology.yaml"), t.toString());
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: [node_up, temp, mem]}\n");
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: temp
                    expr: temp{instance=~"$instances"}
                    for: 2m
                    rules: [{op: ">", value: 75, severity: WARN}]
                  - id: mem
                    expr: memory_pressure_percent{instance=~"$instances"}
                    rules: [{op: ">", value: 90, severity: WARN}]
                """);
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(dir);
        assertEquals(java.util.List.of(), cfg.diagnostics().errors());
        return cfg;
    }

    static HandBuiltPrometheus site(String url, int first) {
        HandBuiltPrometheus p = new HandBuiltPrometheus().at(url);
        for (int n = first; n < first + 3; n++) {
            String id = "n%02d".formatted(n);
            p.series("up", Map.of("instance", id), x -> 1);
            p.series("temp", Map.of("instance", id), x -> id.equals("n02") ? 80 : 40);
            p.series(
                    "memory_pressure_percent",
                    Map.of("instance", id),
                    x -> id.equals("n01") || id.equals("n04") ? 95 : 50);
        }
        return p;
    }

    @Test
    void aServerThatNeverAnswersCostsOnlyItsOwnSiteAndIsTheOneBlamed() {
        RackscopeConfig cfg = twoSites();
        HandBuiltPrometheus one = site("http://one", 1);
        one.latency = Duration.ofMillis(20);
        HandBuiltPrometheus two = site("http://two", 4);
        two.hangAll();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(
                        cfg,
                        new PrometheusRouter(one, Map.of("s2", two)),
                        EvaluationMode.FILTERED,
                        Clock.systemUTC())) {
            HealthSnapshot s = planner.refreshAt(Instant.ofEpochSecond(T0));
            assertTrue(
                    s.errors().stream().allMatch(e -> e.server().equals("http://two")),
                    "only the silent server is blamed: " + s.errors());
            assertEquals(Severity.WARN, s.checks().get("mem").stateOf("n01"));
            assertEquals(
                    Severity.WARN,
                    s.checks().get("temp").stateOf("n02"),
                    "hot for its whole for: window, verified in the second phase");
            assertTrue(!s.isStale("n02"), "site s1 answered in time: fresh");
            for (String n : new String[] {"n04", "n05", "n06"}) {
                assertNotEquals(Severity.OK, s.node(n), n + " was never answered: never OK");
                assertNotEquals(Severity.OK, s.checks().get("mem").stateOf(n), n + " mem never OK");
            }
            ConnectionStatus c = ConnectionStatus.of(s);
            assertEquals(ConnectionStatus.Level.DEGRADED, c.level());
            assertTrue(c.headline().contains("http://two"), c.headline());
            assertTrue(c.headline().contains("1 of 2 Prometheus servers answer"), c.headline());
        }
    }
}
