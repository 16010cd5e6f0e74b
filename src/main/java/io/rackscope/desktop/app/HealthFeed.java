package io.rackscope.desktop.app;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.telemetry.LookBack;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.TimeTravel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectPropertyBase;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;

/**
 * Runs the planner on a background scheduler and hands each snapshot to the FX thread: latest wins,
 * at most one hand-off pending, so a burst of cycles costs the UI one update. The FX thread never
 * waits on it.
 *
 * <p>It can also look back ({@link #lookAt}): the views then show the estate at a past moment,
 * evaluated off the FX thread by a {@link LookBack} (only the newest asked moment is evaluated, so
 * dragging a slider costs one evaluation at a time); live cycles go on meanwhile and are held,
 * their new alerts with them, until {@link #live} returns to the present.
 */
public final class HealthFeed implements HealthSource, TimeTravel, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HealthFeed.class.getName());
    private final SnapshotProperty snapshot = new SnapshotProperty();
    private final Object handOff = new Object();
    private final AlertTracker tracker;
    private HealthSnapshot pending;
    private HealthSnapshot lastTracked;
    private volatile Handler handler = (s, live) -> s;
    private final Executor fx;
    private final TelemetryPlanner planner;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> task;
    private ScheduledFuture<?> heartbeatTask;
    private volatile Boolean lastBeat;
    private final LookBack lookBack;
    private final ExecutorService pastWorker;
    private final ReadOnlyObjectWrapper<Instant> viewing =
            new ReadOnlyObjectWrapper<>(this, "viewing");
    private final ReadOnlyObjectWrapper<Instant> chosen =
            new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyBooleanWrapper lookingUp = new ReadOnlyBooleanWrapper(this, "lookingUp");
    private final AtomicReference<Instant> asked = new AtomicReference<>();
    private HealthSnapshot heldLive;

    /**
     * A feed of {@code planner}'s cycles; {@code planner} may be null for a feed that only {@link
     * #publish}es.
     */
    public HealthFeed(TelemetryPlanner planner, Executor fx) {
        this(planner, null, fx);
    }

    /** A feed of {@code planner}'s cycles that can look back through {@code lookBack}. */
    public HealthFeed(TelemetryPlanner planner, LookBack lookBack, Executor fx) {
        this(planner, lookBack, fx, new AlertTracker());
    }

    /** As above, with alerts and incidents followed by {@code tracker}. */
    public HealthFeed(
            TelemetryPlanner planner, LookBack lookBack, Executor fx, AlertTracker tracker) {
        this.tracker = tracker;
        this.planner = planner;
        this.lookBack = lookBack;
        this.fx = fx;
        this.pastWorker =
                lookBack == null
                        ? null
                        : Executors.newSingleThreadExecutor(
                                r -> {
                                    Thread t = new Thread(r, "look-back");
                                    t.setDaemon(true);
                                    return t;
                                });
        this.scheduler =
                planner == null
                        ? null
                        : Executors.newSingleThreadScheduledExecutor(
                                r -> {
                                    Thread t = new Thread(r, "health-feed");
                                    t.setDaemon(true);
                                    return t;
                                });
    }

    @Override
    public ReadOnlyObjectProperty<HealthSnapshot> snapshotProperty() {
        return snapshot;
    }

    /**
     * How many listeners the views have attached; a leak shows as growth (the soak test watches
     * it).
     */
    public int listenerCount() {
        return snapshot.listeners;
    }

    @Override
    public HealthSnapshot current() {
        return snapshot.get();
    }

    public void start(Duration interval) {
        task =
                scheduler.scheduleWithFixedDelay(
                        this::cycle, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        Duration beat = planner.heartbeatInterval();
        if (!beat.isZero() && beat.compareTo(interval) < 0) {
            heartbeatTask =
                    scheduler.scheduleWithFixedDelay(
                            this::heartbeat,
                            beat.toMillis(),
                            beat.toMillis(),
                            TimeUnit.MILLISECONDS);
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

    @Override
    public <T> T view(String key, Function<HealthSnapshot, T> assemble) {
        // a past snapshot's version is its own planner's: the live caches do not know it
        if (planner == null || viewing.get() != null) {
            return assemble.apply(current());
        }
        HealthSnapshot shown = current();
        // one version is shown again when an acknowledgement or maintenance changes it
        long stamp = shown.version() * 1_000_003L + System.identityHashCode(shown.handling());
        return planner.stateCache()
                .get(
                        key,
                        stamp,
                        () -> {
                            planner.cachedSnapshot();
                            return assemble.apply(shown);
                        });
    }

    @Override
    public Liveness liveness() {
        return planner == null ? Liveness.CYCLING_NOW : planner.liveness();
    }

    @Override
    public void refreshNow() {
        if (scheduler != null) {
            scheduler.execute(this::cycle);
        }
    }

    private void cycle() {
        try {
            HealthSnapshot s = planner.refresh();
            publish(s);
            lookUpStarts(s);
        } catch (RuntimeException | Error e) {
            // anything escaping here would cancel every later cycle; the watchdog reports a
            // planner that keeps failing
            if (!scheduler.isShutdown()) {
                LOG.log(Level.WARNING, "health cycle failed", e);
            }
        }
    }

    /**
     * Asks Prometheus' history since when the alerts first seen in {@code s} really fail (a node
     * down for 50 minutes says 50 minutes right after a start), then hands {@code s} again with the
     * starts found; a newer snapshot simply carries them.
     */
    private void lookUpStarts(HealthSnapshot s) {
        Map<String, List<String>> fresh;
        synchronized (handOff) {
            fresh = tracker.takeNewAlerts();
        }
        fresh.forEach(
                (check, entities) ->
                        planner.failingSince(check, entities, s.takenAt(), tracker.sinceLookback())
                                .thenAccept(
                                        starts -> {
                                            synchronized (handOff) {
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
                                        }));
    }

    /**
     * Tracks the alerts of {@code s} (their start, which are new) and hands it to the FX thread; if
     * a hand-off is already pending it simply carries the newer snapshot instead. New alerts of a
     * snapshot that is overtaken before the FX thread sees it are carried into the next one.
     */
    public void publish(HealthSnapshot s) {
        boolean schedule;
        synchronized (handOff) {
            HealthSnapshot tracked = tracker.track(s);
            lastTracked = tracked;
            HealthSnapshot handled = handler.apply(tracked, true);
            schedule = pending == null;
            pending = schedule ? handled : mergeFresh(pending, handled);
        }
        if (schedule) {
            fx.execute(this::deliver);
        }
    }

    /** What acknowledgements and maintenances do to a snapshot ({@code live}: settle them too). */
    public interface Handler {
        HealthSnapshot apply(HealthSnapshot s, boolean live);

        /** A past moment: what was handled then, announcing and ending nothing. */
        default HealthSnapshot applyPast(HealthSnapshot s) {
            return s;
        }
    }

    public void handleWith(Handler h) {
        this.handler = h;
    }

    /**
     * Shows the latest snapshot again with handling applied afresh (after an acknowledgement, or a
     * new read of the store), announcing nothing again.
     */
    public void rehandle() {
        boolean schedule;
        synchronized (handOff) {
            if (lastTracked == null) {
                return;
            }
            HealthSnapshot again =
                    handler.apply(
                            lastTracked.withIncidents(lastTracked.incidents(), List.of()), false);
            schedule = pending == null;
            pending = schedule ? again : mergeFresh(pending, again);
        }
        if (schedule) {
            fx.execute(this::deliver);
        }
    }

    private void deliver() {
        HealthSnapshot latest;
        synchronized (handOff) {
            latest = pending;
            pending = null;
        }
        if (latest == null) {
            return;
        }
        if (chosen.get() != null) {
            heldLive = heldLive == null ? latest : mergeFresh(heldLive, latest);
        } else if (latest.version() >= snapshot.get().version()) {
            snapshot.set(latest);
        }
    }

    @Override
    public boolean canLookBack() {
        return lookBack != null;
    }

    @Override
    public Duration step() {
        return lookBack == null ? Duration.ofMinutes(1) : lookBack.step();
    }

    @Override
    public Duration span() {
        return lookBack == null ? Duration.ZERO : lookBack.span();
    }

    /**
     * Shows the estate at {@code t} (on the step) once it is evaluated; returns at once. Called on
     * the FX thread.
     */
    @Override
    public void lookAt(Instant t) {
        if (lookBack == null) {
            return;
        }
        Instant slot = lookBack.slot(t);
        if (chosen.get() == null) {
            heldLive = snapshot.get();
        }
        chosen.set(slot);
        lookingUp.set(true);
        if (asked.getAndSet(slot) == null) {
            pastWorker.execute(this::evaluatePast);
        }
    }

    private void evaluatePast() {
        Instant slot = asked.get();
        while (slot != null) {
            HealthSnapshot past;
            try {
                past = handler.applyPast(lookBack.at(slot).snapshot());
            } catch (RuntimeException | Error e) {
                if (pastWorker.isShutdown()) {
                    return;
                }
                LOG.log(Level.WARNING, "looking back failed", e);
                past = null;
            }
            Instant evaluated = slot;
            HealthSnapshot shown = past;
            slot = asked.compareAndSet(slot, null) ? null : asked.get();
            boolean more = slot != null;
            fx.execute(() -> showPast(evaluated, shown, more));
        }
    }

    private void showPast(Instant evaluated, HealthSnapshot past, boolean more) {
        if (!evaluated.equals(chosen.get())) {
            return;
        }
        lookingUp.set(more);
        if (past != null) {
            viewing.set(evaluated);
            snapshot.set(past);
        }
    }

    /** Back to the present: the newest live snapshot, with the alerts that came meanwhile. */
    @Override
    public void live() {
        if (chosen.get() == null) {
            return;
        }
        chosen.set(null);
        viewing.set(null);
        lookingUp.set(false);
        HealthSnapshot held = heldLive;
        heldLive = null;
        if (held != null) {
            snapshot.set(held);
        }
    }

    @Override
    public ReadOnlyObjectProperty<Instant> viewingProperty() {
        return viewing.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<Instant> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty lookingUpProperty() {
        return lookingUp.getReadOnlyProperty();
    }

    private static HealthSnapshot mergeFresh(HealthSnapshot older, HealthSnapshot newer) {
        Set<String> still = new HashSet<>();
        newer.alerts().forEach(a -> still.add(a.key()));
        List<Alert> fresh = new ArrayList<>(newer.fresh());
        Set<String> have = new HashSet<>();
        fresh.forEach(a -> have.add(a.key()));
        for (Alert a : older.fresh()) {
            if (still.contains(a.key()) && have.add(a.key())) {
                fresh.add(a);
            }
        }
        return newer.withTracking(newer.alerts(), fresh);
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(true);
        }
        if (heartbeatTask != null) {
            heartbeatTask.cancel(true);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (pastWorker != null) {
            pastWorker.shutdownNow();
            lookBack.close();
        }
    }

    /** The snapshot property, counting its listeners. */
    private final class SnapshotProperty extends ReadOnlyObjectPropertyBase<HealthSnapshot> {
        private HealthSnapshot value = HealthSnapshot.empty();
        private int listeners;

        void set(HealthSnapshot s) {
            value = s;
            fireValueChangedEvent();
        }

        @Override
        public HealthSnapshot get() {
            return value;
        }

        @Override
        public Object getBean() {
            return HealthFeed.this;
        }

        @Override
        public String getName() {
            return "snapshot";
        }

        @Override
        public void addListener(ChangeListener<? super HealthSnapshot> l) {
            listeners++;
            super.addListener(l);
        }

        @Override
        public void removeListener(ChangeListener<? super HealthSnapshot> l) {
            listeners--;
            super.removeListener(l);
        }

        @Override
        public void addListener(InvalidationListener l) {
            listeners++;
            super.addListener(l);
        }

        @Override
        public void removeListener(InvalidationListener l) {
            listeners--;
            super.removeListener(l);
        }
    }
}
