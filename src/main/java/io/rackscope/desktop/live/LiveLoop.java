package io.rackscope.desktop.live;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live engine, without a toolkit: runs the planner's cycles on its own scheduler, follows
 * alerts and incidents, applies handling and emits every resulting snapshot to one listener, in
 * order. A window hands them to its UI thread through {@link LatestWins}; the one-shot commands
 * drive {@link #cycleNow()} themselves.
 */
public final class LiveLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveLoop.class.getName());

    /** What acknowledgements and maintenances do to a snapshot ({@code live}: settle them too). */
    public interface Handler {
        Handler NONE = (s, live) -> s;

        HealthSnapshot apply(HealthSnapshot s, boolean live);

        /** A past moment: what was handled then, announcing and ending nothing. */
        default HealthSnapshot applyPast(HealthSnapshot s) {
            return s;
        }
    }

    private final TelemetryPlanner planner;
    private final AlertTracker tracker;
    private final Consumer<HealthSnapshot> listener;
    private final ScheduledExecutorService scheduler;
    private final Object emitting = new Object();
    private volatile Handler handler = Handler.NONE;
    private volatile io.rackscope.desktop.alerting.Escalation escalation;
    private volatile Boolean lastBeat;
    private HealthSnapshot lastTracked;

    private final HistoryGrowth history = new HistoryGrowth();

    /**
     * A loop over {@code planner}'s cycles (null for a loop that only {@link #publish}es), emitting
     * to {@code listener}.
     */
    public LiveLoop(
            TelemetryPlanner planner, AlertTracker tracker, Consumer<HealthSnapshot> listener) {
        this.planner = planner;
        this.tracker = tracker;
        this.listener = listener;
        this.scheduler =
                planner == null
                        ? null
                        : Executors.newSingleThreadScheduledExecutor(
                                r -> {
                                    Thread t = new Thread(r, "live-loop");
                                    t.setDaemon(true);
                                    return t;
                                });
    }

    public TelemetryPlanner planner() {
        return planner;
    }

    /** Cycles every {@code interval}, the first at once, and the heartbeat between them. */
    public void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(
                this::scheduledCycle, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        Duration beat = planner.heartbeatInterval();
        if (!beat.isZero() && beat.compareTo(interval) < 0) {
            scheduler.scheduleWithFixedDelay(
                    this::heartbeat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Between cycles: when Prometheus stops answering, or answers again, a cycle runs at once
     * rather than at its turn, so that the outage (or the recovery) shows within about one query
     * timeout. Nothing is probed while a cycle runs: the cycle will tell.
     */
    private void heartbeat() {
        if (planner.cycling() || planner.latest().version() == 0) {
            return;
        }
        planner.heartbeat()
                .thenAccept(
                        answers -> {
                            // a change of the heartbeat itself, not its difference from the
                            // last cycle: one batch failing on a server that answers would
                            // otherwise run a whole cycle at every beat
                            Boolean before = lastBeat;
                            lastBeat = answers;
                            if (before == null
                                    ? answers != planner.lastCycleConnected()
                                    : answers != before) {
                                refreshNow();
                            }
                        });
    }

    public Liveness liveness() {
        return planner == null ? Liveness.CYCLING_NOW : planner.liveness();
    }

    /** A cycle now, on the loop's thread, rather than at its turn. */
    public void refreshNow() {
        if (scheduler != null) {
            scheduler.execute(this::scheduledCycle);
        }
    }

    private void scheduledCycle() {
        try {
            lookUpStarts(cycleNow());
        } catch (RuntimeException | Error e) {
            // anything escaping here would cancel every later cycle; the watchdog reports a
            // planner that keeps failing
            if (!scheduler.isShutdown()) {
                LOG.log(Level.WARNING, "health cycle failed", e);
            }
        }
    }

    /** One cycle on the calling thread: evaluated, tracked, handled, emitted and returned. */
    public HealthSnapshot cycleNow() {
        return publish(planner.refresh());
    }

    /**
     * Asks Prometheus' history since when the alerts first seen in {@code s} really fail (a node
     * down for 50 minutes says 50 minutes right after a start), then emits {@code s} again with the
     * starts found; a newer snapshot simply carries them. Completes when every check is answered or
     * has failed to be.
     */
    public CompletableFuture<Void> lookUpStarts(HealthSnapshot s) {
        Map<String, List<String>> fresh;
        synchronized (emitting) {
            fresh = tracker.takeNewAlerts();
            startsToReadAgain()
                    .forEach((check, entities) -> fresh.merge(check, entities, LiveLoop::union));
        }
        List<CompletableFuture<Void>> asked = new ArrayList<>();
        fresh.forEach(
                (check, entities) ->
                        asked.add(
                                planner.failingSince(
                                                check,
                                                entities,
                                                s.takenAt(),
                                                tracker.sinceLookback())
                                        .thenAccept(
                                                starts -> {
                                                    synchronized (emitting) {
                                                        tracker.started(check, starts);
                                                    }
                                                    publish(s);
                                                })
                                        .exceptionally(
                                                e -> {
                                                    LOG.log(
                                                            Level.FINE,
                                                            "could not read when alerts of "
                                                                    + check
                                                                    + " began",
                                                            e);
                                                    return null;
                                                })));
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new));
    }

    /**
     * The alerts whose start was where a server's history began, when that server's history now
     * begins earlier: what they were read as ("since before 04:57, history starts then") was only
     * that bound, and the history now holds more.
     */
    private Map<String, List<String>> startsToReadAgain() {
        Map<String, List<String>> out = new HashMap<>();
        for (Instant bound : history.movedBack(planner.historyStarts())) {
            tracker.startingBy(bound.plus(planner.startGrain()))
                    .forEach((check, entities) -> out.merge(check, entities, LiveLoop::union));
        }
        return out;
    }

    private static List<String> union(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    /**
     * Tracks the alerts of {@code s} (their start, which are new), applies handling and emits the
     * result, which it returns.
     */
    public HealthSnapshot publish(HealthSnapshot s) {
        synchronized (emitting) {
            HealthSnapshot tracked = tracker.track(s);
            lastTracked = tracked;
            HealthSnapshot handled = escalated(handler.apply(tracked, true), true);
            listener.accept(handled);
            return handled;
        }
    }

    /** CRITs nobody answers announced again, then marked ({@code alerts.escalate_after}). */
    public void escalateWith(io.rackscope.desktop.alerting.Escalation e) {
        this.escalation = e;
    }

    private HealthSnapshot escalated(HealthSnapshot s, boolean live) {
        io.rackscope.desktop.alerting.Escalation e = escalation;
        return e == null ? s : e.apply(s, live);
    }

    public void handleWith(Handler h) {
        this.handler = h;
    }

    public Handler handler() {
        return handler;
    }

    /**
     * Emits the latest snapshot again with handling applied afresh (after an acknowledgement, or a
     * new read of the store), announcing nothing again.
     */
    public void rehandle() {
        synchronized (emitting) {
            if (lastTracked != null) {
                listener.accept(
                        escalated(
                                handler.apply(
                                        lastTracked.withIncidents(
                                                lastTracked.incidents(), List.of()),
                                        false),
                                false));
            }
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
