package io.rackscope.desktop.app;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.live.LatestWins;
import io.rackscope.desktop.live.LiveLoop;
import io.rackscope.desktop.live.PastLooks;
import io.rackscope.desktop.telemetry.LookBack;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.TimeTravel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectPropertyBase;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The window's side of the {@link LiveLoop}: its snapshots arrive on the FX thread through a {@link
 * LatestWins} hand-off and become the {@link #snapshotProperty()} the views observe; the FX thread
 * never waits on the loop.
 *
 * <p>It can also look back ({@link #lookAt}): the views then show the estate at a past moment,
 * evaluated off the FX thread by {@link PastLooks}; live cycles go on meanwhile and are held, their
 * new alerts with them, until {@link #live} returns to the present.
 */
public final class HealthFeed implements HealthSource, TimeTravel, AutoCloseable {
    private final SnapshotProperty snapshot = new SnapshotProperty();
    private final LiveLoop loop;
    private final PastLooks past;
    private final ReadOnlyObjectWrapper<Instant> viewing =
            new ReadOnlyObjectWrapper<>(this, "viewing");
    private final ReadOnlyObjectWrapper<Instant> chosen =
            new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyBooleanWrapper lookingUp = new ReadOnlyBooleanWrapper(this, "lookingUp");
    private final Preparations preparations = new Preparations();
    private HealthSnapshot heldLive;
    private boolean seeded;

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
        LatestWins handOff = new LatestWins(fx, this::deliver);
        this.loop =
                new LiveLoop(
                        planner,
                        tracker,
                        s -> {
                            preparations.make(s);
                            handOff.accept(s);
                        });
        this.past =
                lookBack == null
                        ? null
                        : new PastLooks(
                                lookBack,
                                s -> loop.handler().applyPast(s),
                                (at, s, more) -> fx.execute(() -> showPast(at, s, more)));
    }

    /** The loop behind this feed (handling is applied by it). */
    public LiveLoop loop() {
        return loop;
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
        loop.start(interval);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T view(String key, Function<HealthSnapshot, T> assemble) {
        if (viewing.get() == null) {
            Object made = preparations.made(key, current());
            if (made != null) {
                return (T) made;
            }
        }
        TelemetryPlanner planner = loop.planner();
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
    public void prepare(String slot, String key, Function<HealthSnapshot, ?> assemble) {
        preparations.ask(slot, key, assemble);
    }

    @Override
    public void forget(String slot) {
        preparations.forget(slot);
    }

    @Override
    public Liveness liveness() {
        return loop.liveness();
    }

    @Override
    public void refreshNow() {
        loop.refreshNow();
    }

    /** Hands {@code s} to the views as a live cycle would (tracked and handled). */
    public void publish(HealthSnapshot s) {
        loop.publish(s);
    }

    private void deliver(HealthSnapshot latest) {
        if (chosen.get() != null) {
            heldLive = heldLive == null ? latest : LatestWins.carryFresh(heldLive, latest);
        } else if (seeded || latest.version() >= snapshot.get().version()) {
            seeded = false;
            snapshot.set(latest);
        }
    }

    /**
     * Before this feed's first cycle, shows {@code last} (what the window showed before it was
     * opened again on edited files): the last known states with their age instead of nothing,
     * announcing nothing again; the first cycle replaces it, whatever its version. Called on the FX
     * thread; does nothing once a cycle has been shown.
     */
    public void seed(HealthSnapshot last) {
        if (snapshot.get().version() == 0 && last.version() > 0 && chosen.get() == null) {
            seeded = true;
            snapshot.set(
                    last.withTracking(last.alerts(), List.of())
                            .withIncidents(last.incidents(), List.of()));
        }
    }

    @Override
    public boolean canLookBack() {
        return past != null;
    }

    @Override
    public Duration step() {
        return past == null ? Duration.ofMinutes(1) : past.lookBack().step();
    }

    @Override
    public Duration span() {
        return past == null ? Duration.ZERO : past.lookBack().span();
    }

    /**
     * Shows the estate at {@code t} (on the step) once it is evaluated; returns at once. Called on
     * the FX thread.
     */
    @Override
    public void lookAt(Instant t) {
        if (past == null) {
            return;
        }
        Instant slot = past.lookBack().slot(t);
        if (chosen.get() == null) {
            heldLive = snapshot.get();
        }
        chosen.set(slot);
        lookingUp.set(true);
        past.ask(slot);
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

    @Override
    public void close() {
        loop.close();
        if (past != null) {
            past.close();
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
