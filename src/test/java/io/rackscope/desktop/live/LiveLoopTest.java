package io.rackscope.desktop.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
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
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live engine without a toolkit: listeners, a queue for a UI thread, a real planner. */
class LiveLoopTest {
    @Test
    void aBurstOfSnapshotsCostsTheReceiverOneHandOffCarryingTheLatest() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        Deque<Runnable> uiQueue = new ArrayDeque<>();
        List<HealthSnapshot> delivered = new ArrayList<>();
        LiveLoop loop =
                new LiveLoop(
                        null, new AlertTracker(), new LatestWins(uiQueue::add, delivered::add));
        loop.publish(snapshots.at(1));
        loop.publish(snapshots.at(2));
        loop.publish(snapshots.at(3));
        assertEquals(1, uiQueue.size(), "at most one hand-off pending");
        uiQueue.poll().run();
        assertEquals(List.of(3L), delivered.stream().map(HealthSnapshot::version).toList());
        loop.publish(snapshots.at(4));
        assertEquals(1, uiQueue.size());
        uiQueue.poll().run();
        assertEquals(4, delivered.get(1).version(), "latest wins");
    }

    @Test
    void handlingIsAppliedToEveryEmittedSnapshotAndAgainOnRehandle() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        List<HealthSnapshot> emitted = new ArrayList<>();
        List<Boolean> liveFlags = new ArrayList<>();
        LiveLoop loop = new LiveLoop(null, new AlertTracker(), emitted::add);
        loop.rehandle();
        assertEquals(0, emitted.size(), "nothing to show again before a first snapshot");
        loop.handleWith(
                (s, live) -> {
                    liveFlags.add(live);
                    return s;
                });
        loop.publish(snapshots.at(1));
        loop.rehandle();
        assertEquals(List.of(true, false), liveFlags, "a re-handled snapshot settles nothing");
        assertEquals(2, emitted.size());
        assertEquals(1, emitted.get(1).version(), "the same cycle shown again");
        assertTrue(emitted.get(1).fresh().isEmpty(), "announcing nothing again");
    }

    static boolean reachedEveryServer(AtomicReference<HealthSnapshot> shown) {
        return shown.get().errors().stream().noneMatch(e -> e.kind().aboutTheServer());
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
        AtomicReference<HealthSnapshot> shown = new AtomicReference<>(HealthSnapshot.empty());
        try (TelemetryPlanner planner =
                        new TelemetryPlanner(
                                config, p, EvaluationMode.FILTERED, Clock.systemUTC());
                LiveLoop loop = new LiveLoop(planner, new AlertTracker(), shown::set)) {
            assertEquals(Duration.ofSeconds(1), planner.heartbeatInterval());
            loop.start(Duration.ofHours(1));
            await(() -> shown.get().version() == 1, "the first cycle");
            assertTrue(reachedEveryServer(shown));
            p.goDown(
                    new PrometheusException(
                            PrometheusException.Kind.UNREACHABLE, 0, "connection refused"));
            await(() -> !reachedEveryServer(shown), "the outage shown");
            assertEquals(Severity.CRIT, shown.get().node("n02"), "the last known states are kept");
            p.comeBack();
            await(() -> reachedEveryServer(shown), "the recovery shown");
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
        AtomicReference<HealthSnapshot> shown = new AtomicReference<>(HealthSnapshot.empty());
        try (TelemetryPlanner planner =
                        new TelemetryPlanner(
                                config, p, EvaluationMode.FILTERED, Clock.systemUTC());
                LiveLoop loop = new LiveLoop(planner, new AlertTracker(), shown::set)) {
            loop.start(Duration.ofHours(1));
            await(() -> shown.get().version() == 1, "the first cycle");
            await(() -> beats(p) >= 5, "five heartbeats");
            // at most one cycle more (the first beat sees the server answer), not one a beat
            assertTrue(shown.get().version() <= 2, "cycles: " + shown.get().version());
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
