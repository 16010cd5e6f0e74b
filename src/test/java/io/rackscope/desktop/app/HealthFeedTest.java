package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusException;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.HandBuiltPrometheus;
import io.rackscope.desktop.telemetry.PastEstate;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthFeedTest {
    @Test
    void aBurstOfSnapshotsCostsTheUiOneHandOffCarryingTheLatest() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        HealthFeed feed = new HealthFeed(null, fxQueue::add);
        feed.publish(snapshots.at(1));
        feed.publish(snapshots.at(2));
        feed.publish(snapshots.at(3));
        assertEquals(1, fxQueue.size(), "at most one hand-off pending");
        fxQueue.poll().run();
        assertEquals(3, feed.current().version(), "latest wins");
        feed.publish(snapshots.at(4));
        assertEquals(1, fxQueue.size());
        fxQueue.poll().run();
        assertEquals(4, feed.current().version());
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(snapshots.at(5));
        feed.publish(snapshots.at(4));
        assertEquals(5, feed.current().version());
    }

    static boolean reachedEveryServer(HealthFeed feed) {
        return feed.current().errors().stream().noneMatch(e -> e.kind().aboutTheServer());
    }

    @Test
    void anOutageAndTheRecoveryShowWithinSecondsThoughTheNextCycleIsAnHourAway(@TempDir Path dir)
            throws Exception {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (String n : List.of("n01", "n02", "n03", "n04")) {
            p.series("up", Map.of("instance", n), t -> n.equals("n02") ? 0 : 1);
            p.series("temp", Map.of("instance", n), t -> 40);
        }
        RackscopeConfig config =
                PastEstate.config(
                        dir,
                        "telemetry: {scrape_interval_seconds: 15, prometheus_heartbeat_seconds: 1}\n");
        try (TelemetryPlanner planner =
                        new TelemetryPlanner(
                                config, p, EvaluationMode.FILTERED, Clock.systemUTC());
                HealthFeed feed = new HealthFeed(planner, Runnable::run)) {
            assertEquals(Duration.ofSeconds(1), planner.heartbeatInterval());
            feed.start(Duration.ofHours(1));
            await(() -> feed.current().version() == 1, "the first cycle");
            assertTrue(reachedEveryServer(feed));
            p.goDown(
                    new PrometheusException(
                            PrometheusException.Kind.UNREACHABLE, 0, "connection refused"));
            await(() -> !reachedEveryServer(feed), "the outage shown");
            assertEquals(
                    Severity.CRIT, feed.current().node("n02"), "the last known states are kept");
            p.comeBack();
            await(() -> reachedEveryServer(feed), "the recovery shown");
        }
    }

    @Test
    void oneFailingBatchOnAServerThatAnswersRunsNoCycleAtEveryBeat(@TempDir Path dir)
            throws Exception {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (String n : List.of("n01", "n02", "n03", "n04")) {
            p.series("up", Map.of("instance", n), t -> 1);
            p.series("temp", Map.of("instance", n), t -> 40);
        }
        p.fail("temp", new PrometheusException(PrometheusException.Kind.TIMEOUT, 0, "slow batch"));
        RackscopeConfig config =
                PastEstate.config(
                        dir,
                        "telemetry: {scrape_interval_seconds: 15, prometheus_heartbeat_seconds: 1}\n");
        try (TelemetryPlanner planner =
                        new TelemetryPlanner(
                                config, p, EvaluationMode.FILTERED, Clock.systemUTC());
                HealthFeed feed = new HealthFeed(planner, Runnable::run)) {
            feed.start(Duration.ofHours(1));
            await(() -> feed.current().version() == 1, "the first cycle");
            await(() -> beats(p) >= 5, "five heartbeats");
            // at most one cycle more (the first beat sees the server answer), not one a beat
            assertTrue(feed.current().version() <= 2, "cycles: " + feed.current().version());
        }
    }

    static long beats(HandBuiltPrometheus p) {
        synchronized (p) {
            return p.asked.stream().filter(q -> q.equals("vector(1)")).count();
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
