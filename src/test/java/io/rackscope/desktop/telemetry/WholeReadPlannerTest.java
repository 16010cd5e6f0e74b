package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check of several batches is read of the whole server in one query, and each entity is judged as
 * its batch would have judged it: the same per-check states as a planner reading batch by batch,
 * every cycle, with a node down, a series vanishing and a node of another estate in the answer.
 * Many series of other entities send the check back to its batches; an answer refused as too large
 * is asked again by batches in the same cycle.
 */
class WholeReadPlannerTest {
    static final long T0 = VanishingSeriesTest.T0;

    /**
     * {@link VanishingSeriesTest}'s checks, two ids a batch (three batches of six nodes), or all in
     * one.
     */
    static RackscopeConfig config(Path dir, boolean batched) {
        return VanishingSeriesTest.load(
                dir,
                batched
                        ? "planner: {max_ids_per_query: 2, max_entities_per_query: 2}\n"
                        : "planner: {max_ids_per_query: 200, max_entities_per_query: 5000}\n");
    }

    /** n02 down from +120, n04's temperature gone from +200, n05 hot from +60; {@code others}. */
    static HandBuiltPrometheus estate(int others) {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (int i = 1; i <= 6; i++) {
            String n = "n%02d".formatted(i);
            p.series("up", Map.of("instance", n), t -> n.equals("n02") && t >= T0 + 120 ? 0 : 1);
            p.series("memory_pressure_percent", Map.of("instance", n), t -> 50);
            p.series(
                    "temp",
                    Map.of("instance", n),
                    t ->
                            n.equals("n04") && t >= T0 + 200
                                    ? Double.NaN
                                    : n.equals("n05") && t >= T0 + 60 ? 90 : 40);
        }
        for (int i = 0; i < others; i++) {
            p.series("up", Map.of("instance", "other" + i), t -> 0);
        }
        return p;
    }

    private static long asked(List<String> asked, String prefix) {
        return asked.stream().filter(q -> q.startsWith(prefix)).count();
    }

    @Test
    void aCheckOfSeveralBatchesIsReadInOneQueryAndJudgedAsItsBatchesWouldBe(
            @TempDir Path dir, @TempDir Path single) {
        RackscopeConfig config = config(dir, true);
        RackscopeConfig reference = config(single, false);
        HandBuiltPrometheus server = estate(1);
        try (TelemetryPlanner planner =
                        new TelemetryPlanner(
                                config, server, EvaluationMode.FILTERED, Clock.systemUTC());
                TelemetryPlanner oneBatch =
                        new TelemetryPlanner(
                                reference, estate(1), EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(30));
            oneBatch.setCycleInterval(Duration.ofSeconds(30));
            for (long t = T0; t <= T0 + 600; t += 30) {
                int before = server.asked.size();
                var s = planner.refreshAt(Instant.ofEpochSecond(t));
                List<String> cycle = server.asked.subList(before, server.asked.size());
                assertEquals(1, asked(cycle, "min by (instance) (up{})"), "T0+" + (t - T0));
                assertEquals(0, asked(cycle, "min by (instance) (up{instance=~"), cycle.toString());
                assertEquals(
                        DiscoverySpreadTest.states(
                                oneBatch.refreshAt(Instant.ofEpochSecond(t)), reference),
                        DiscoverySpreadTest.states(s, config),
                        "at T0+" + (t - T0));
            }
        }
    }

    @Test
    void manySeriesOfOtherEntitiesSendTheCheckBackToItsBatches(@TempDir Path dir) {
        RackscopeConfig config = config(dir, true);
        HandBuiltPrometheus server = estate(300);
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, server, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.refreshAt(Instant.ofEpochSecond(T0));
            assertEquals(1, asked(server.asked, "min by (instance) (up{})"));
            int before = server.asked.size();
            planner.refreshAt(Instant.ofEpochSecond(T0 + 30));
            List<String> second = server.asked.subList(before, server.asked.size());
            assertEquals(0, asked(second, "min by (instance) (up{})"));
            assertEquals(3, asked(second, "min by (instance) (up{instance=~"), second.toString());
        }
    }

    @Test
    void anAnswerRefusedAsTooLargeIsAskedAgainByBatchesInTheSameCycle(
            @TempDir Path dir, @TempDir Path single) {
        RackscopeConfig config = config(dir, true);
        HandBuiltPrometheus server = estate(0);
        server.fail(
                q -> q.contains("up{}"),
                new PrometheusException(PrometheusException.Kind.TOO_LARGE, 200, "too many"));
        try (TelemetryPlanner planner =
                        new TelemetryPlanner(
                                config, server, EvaluationMode.FILTERED, Clock.systemUTC());
                TelemetryPlanner oneBatch =
                        new TelemetryPlanner(
                                config(single, false),
                                estate(0),
                                EvaluationMode.FILTERED,
                                Clock.systemUTC())) {
            var s = planner.refreshAt(Instant.ofEpochSecond(T0 + 150));
            assertEquals(1, asked(server.asked, "min by (instance) (up{})"));
            assertEquals(3, asked(server.asked, "min by (instance) (up{instance=~"));
            assertTrue(s.errors().isEmpty(), s.errors().toString());
            assertEquals(
                    DiscoverySpreadTest.states(
                            oneBatch.refreshAt(Instant.ofEpochSecond(T0 + 150)), config),
                    DiscoverySpreadTest.states(s, config));
        }
    }
}
