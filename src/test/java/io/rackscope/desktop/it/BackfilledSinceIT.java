package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.live.LiveLoop;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An alert first seen on a Prometheus whose history had just begun is read as failing "since
 * before" that start; when the store's past grows (a backfill, as the bundled demo's six hours
 * arrive after it starts), the start is read again from the longer history rather than left as a
 * bound that now reads as a real start.
 */
class BackfilledSinceIT {
    @Test
    void anAlertBoundedByWhereHistoryBeganIsReadAgainWhenHistoryGrowsBackwards() throws Exception {
        RackscopeConfig config = new ConfigLoader().load(GapSinceIT.twoNodes());
        long liveFrom = Instant.now().getEpochSecond();
        try (TestExporter exporter = new TestExporter();
                PrometheusServer prometheus =
                        PrometheusServer.start(exporter.address(), null, 1, "5m")) {
            exporter.set("temp{instance=\"n01\"} 90\ntemp{instance=\"n02\"} 40\n");
            prometheus.awaitSample("temp{instance=\"n01\"}");
            AtomicReference<HealthSnapshot> shown = new AtomicReference<>();
            try (PrometheusClient client =
                            new PrometheusClient(
                                    config.app().telemetry().endpoint(prometheus.url()),
                                    new QueryStats());
                    TelemetryPlanner planner =
                            new TelemetryPlanner(
                                    config, client, EvaluationMode.FILTERED, Clock.systemUTC());
                    LiveLoop loop = new LiveLoop(planner, new AlertTracker(), shown::set)) {
                Instant begins = client.historyStart().orElseThrow();
                cycle(loop);
                Instant bounded = since(shown.get());
                assertTrue(
                        !bounded.isBefore(begins)
                                && !bounded.isAfter(begins.plus(planner.startGrain())),
                        "first read as failing from where history begins ("
                                + begins
                                + "): "
                                + bounded);

                prometheus.stop();
                cycle(loop);
                // an hour of history before the live samples: n01 hot for the last 40 minutes
                StringBuilder h = new StringBuilder("# TYPE temp gauge\n");
                for (long t = liveFrom - 3600; t < liveFrom - 1; t += GapSinceIT.STEP) {
                    h.append("temp{instance=\"n01\"} ")
                            .append(t >= liveFrom - 2400 ? 90 : 50)
                            .append(' ')
                            .append(t)
                            .append('\n');
                }
                prometheus.backfillAndStart(h.append("# EOF\n").toString());

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Instant read = since(shown.get());
                while (read.isAfter(Instant.ofEpochSecond(liveFrom - 1800))
                        && System.nanoTime() < deadline) {
                    cycle(loop);
                    read = since(shown.get());
                }
                assertTrue(
                        Math.abs(read.getEpochSecond() - (liveFrom - 2400)) <= 2 * GapSinceIT.STEP,
                        "read again from the backfilled history: hot since "
                                + Instant.ofEpochSecond(liveFrom - 2400)
                                + ", read "
                                + read);
            }
        }
    }

    private static void cycle(LiveLoop loop) throws Exception {
        // cycles here come seconds apart, not an interval: each asks afresh
        loop.planner().invalidateCaches();
        loop.lookUpStarts(loop.cycleNow()).get(60, TimeUnit.SECONDS);
    }

    private static Instant since(HealthSnapshot s) {
        return s.alerts().stream()
                .filter(a -> a.check().equals("hot") && a.entity().equals("n01"))
                .map(Alert::since)
                .findFirst()
                .orElseThrow(() -> new AssertionError("n01 is hot: " + s.alerts()));
    }
}
