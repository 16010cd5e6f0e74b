package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.QueryStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The full rule ({@link EvaluationMode#REFERENCE}) is asked at whole seconds: its expected count of
 * points is reckoned from whole seconds, and a query at X.5 s with X on the grid would see one
 * point fewer and call a held condition not held (the cause of a rare IT failure).
 */
class ReferenceTimingTest {
    @Test
    void theFullRuleIsAskedAtWholeSeconds() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        List<Instant> referenceTimes = new ArrayList<>();
        PrometheusApi api =
                new PrometheusApi() {
                    final QueryStats stats = new QueryStats();

                    @Override
                    public synchronized CompletableFuture<QueryResult> query(
                            String promql, Instant time) {
                        if (promql.contains("count_over_time")) {
                            referenceTimes.add(time);
                        }
                        return CompletableFuture.completedFuture(
                                new QueryResult("vector", List.of(), List.of(), List.of(), 0));
                    }

                    @Override
                    public CompletableFuture<QueryResult> queryRange(
                            String promql, Instant start, Instant end, Duration step) {
                        return CompletableFuture.completedFuture(
                                new QueryResult("matrix", List.of(), List.of(), List.of(), 0));
                    }

                    @Override
                    public QueryStats stats() {
                        return stats;
                    }

                    @Override
                    public String displayUrl() {
                        return "hand-built";
                    }
                };
        // on the grid, plus half a second
        Clock clock =
                Clock.fixed(Instant.ofEpochSecond(1_800_000_000L, 500_000_000), ZoneOffset.UTC);
        try (TelemetryPlanner planner =
                new TelemetryPlanner(
                        cfg, new PrometheusRouter(api), EvaluationMode.REFERENCE, clock)) {
            planner.refresh();
        }
        assertFalse(referenceTimes.isEmpty(), "the for: checks were asked their full rule");
        for (Instant t : referenceTimes) {
            assertEquals(0, t.getNano(), "asked at " + t);
        }
    }
}
