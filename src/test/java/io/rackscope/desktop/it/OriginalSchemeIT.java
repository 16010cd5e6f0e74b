package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost comparison's short form, on the bundled estate scraped by a real Prometheus: at each of
 * a few cycles the app asks no more queries than the web original's real scheme (the tool in
 * ../shared, run as it is at the same moment), and judges every check of every target as the
 * original's way does (the {@code --plain} planner: every sample, {@code for:} kept in process). It
 * fails on neither side's time.
 */
class OriginalSchemeIT {
    static final Duration INTERVAL = Duration.ofSeconds(5);

    @Test
    void theAppAsksNoMoreThanTheOriginalAndJudgesEveryCheckAsItDoes() throws Exception {
        OriginalSchemeTool.require();
        try (SimulatedDemo demo = SimulatedDemo.start();
                PrometheusClient appClient = client(demo, new QueryStats());
                PrometheusClient plainClient = client(demo, new QueryStats())) {
            TelemetryPlanner app = planner(demo, appClient, EvaluationMode.FILTERED);
            TelemetryPlanner original = planner(demo, plainClient, EvaluationMode.PLAIN);
            Instant next = Instant.now();
            for (int cycle = 0; cycle < 4; cycle++) {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
                next = next.plus(INTERVAL);
                Instant at = Instant.now();
                long before = appClient.stats().queryCount();
                HealthSnapshot mine = app.refreshAt(at);
                long asked = appClient.stats().queryCount() - before;
                HealthSnapshot theirs = original.refreshAt(at);
                OriginalSchemeTool.Run tool = OriginalSchemeTool.run(Path.of("config"), demo.url());
                System.out.printf(
                        "cycle %d: the app asked %d queries, the original's scheme %d%n",
                        cycle, asked, tool.queries());
                if (cycle > 0) {
                    assertTrue(
                            asked <= tool.queries(),
                            "cycle " + cycle + ": " + asked + " > " + tool.queries() + " queries");
                }
                Map<String, String> judged = OriginalSchemeTool.states(theirs, demo.demo);
                assertTrue(judged.size() > demo.nodes(), "every check of every target judged");
                assertEquals(
                        List.of(),
                        OriginalSchemeTool.differences(
                                judged, OriginalSchemeTool.states(mine, demo.demo)),
                        "cycle " + cycle + ": per-check states, the original's vs the app's");
            }
        }
    }

    static PrometheusClient client(SimulatedDemo demo, QueryStats stats) {
        return new PrometheusClient(demo.demo.app().telemetry().endpoint(demo.url()), stats);
    }

    static TelemetryPlanner planner(
            SimulatedDemo demo, PrometheusClient client, EvaluationMode mode) {
        TelemetryPlanner p = new TelemetryPlanner(demo.demo, client, mode, Clock.systemUTC());
        p.setCycleInterval(INTERVAL);
        return p;
    }
}
