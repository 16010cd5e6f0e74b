package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code for: 2m} checks discovered together in the first cycle are read in full in cycles of
 * their own from then on, each still at least once every two minutes, with the same states as a
 * fresh planner's at every cycle.
 */
class DiscoverySpreadTest {
    static final long T0 = VanishingSeriesTest.T0;
    static final List<String> METRICS = List.of("temp", "power", "fan");

    static RackscopeConfig config(Path dir) {
        StringBuilder checks =
                new StringBuilder(
                        """
                        checks:
                          - id: node_up
                            expr: up{instance=~"$instances"}
                            output: bool
                            rules: [{op: "==", value: 0, severity: CRIT}]
                        """);
        for (String m : METRICS) {
            checks.append(
                    """
                      - id: %s
                        expr: %s{instance=~"$instances"}
                        for: 2m
                        rules: [{op: ">", value: 75, severity: WARN}]
                    """
                            .formatted(m, m));
        }
        return ConfigFixture.sixNodes(
                dir,
                "telemetry: {scrape_interval_seconds: 15}\n",
                checks.toString(),
                "[node_up, " + String.join(", ", METRICS) + "]");
    }

    static HandBuiltPrometheus estate() {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (int i = 1; i <= 6; i++) {
            String n = "n%02d".formatted(i);
            p.series("up", Map.of("instance", n), t -> 1);
            for (String m : METRICS) {
                // n01's temperature climbs past 75 at +200: seen at the first discovery after
                p.series(
                        m,
                        Map.of("instance", n),
                        t -> n.equals("n01") && m.equals("temp") && t >= T0 + 200 ? 90 : 40);
            }
        }
        return p;
    }

    static String states(HealthSnapshot s, RackscopeConfig config) {
        return io.rackscope.desktop.cli.SnapshotCommand.checkStates(s, config).toString();
    }

    @Test
    void discoveriesFallingDueTogetherAreSpreadOverCycles(@TempDir Path dir) {
        RackscopeConfig config = config(dir);
        HandBuiltPrometheus running = estate();
        List<List<String>> discovered = new ArrayList<>();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, running, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(30));
            for (long t = T0; t <= T0 + 900; t += 30) {
                int before = running.asked.size();
                HealthSnapshot s = planner.refreshAt(Instant.ofEpochSecond(t));
                List<String> checks = new ArrayList<>();
                for (String q : running.asked.subList(before, running.asked.size())) {
                    METRICS.stream()
                            .filter(m -> q.startsWith("max by (instance) (" + m + "{"))
                            .forEach(checks::add);
                }
                discovered.add(checks);
                try (TelemetryPlanner fresh =
                        new TelemetryPlanner(
                                config, estate(), EvaluationMode.FILTERED, Clock.systemUTC())) {
                    assertEquals(
                            states(fresh.refreshAt(Instant.ofEpochSecond(t)), config),
                            states(s, config),
                            "at T0+" + (t - T0));
                }
            }
        }
        assertEquals(3, discovered.get(0).size(), "the first cycle reads every check");
        for (int i = 1; i < discovered.size(); i++) {
            assertTrue(discovered.get(i).size() <= 1, "cycle " + i + ": " + discovered);
        }
        for (String m : METRICS) {
            int last = 0;
            for (int i = 1; i < discovered.size(); i++) {
                if (discovered.get(i).contains(m)) {
                    assertTrue(i - last <= 4, m + " read at cycles " + last + " and " + i);
                    last = i;
                }
            }
            assertTrue(discovered.size() - 1 - last <= 4, m + " last read at cycle " + last);
        }
    }
}
