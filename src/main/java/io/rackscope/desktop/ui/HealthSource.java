package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Port: the newest health snapshot, on the FX thread, and a way to ask for a fresh one now. */
@Port
public interface HealthSource {
    /** The viewing property of a source that cannot look back. */
    final class Live {
        static final ReadOnlyObjectProperty<Instant> ALWAYS =
                new ReadOnlyObjectWrapper<Instant>(null).getReadOnlyProperty();

        private Live() {}
    }

    ReadOnlyObjectProperty<HealthSnapshot> snapshotProperty();

    default HealthSnapshot current() {
        return snapshotProperty().get();
    }

    /** Asks for a cycle now; returns at once. */
    void refreshNow();

    /**
     * State assembled from the current snapshot under {@code key}, through the caches the feed
     * keeps (assembled state, then the planner's snapshot); without them, assembled each time.
     */
    default <T> T view(String key, Function<HealthSnapshot, T> assemble) {
        return assemble.apply(current());
    }

    /**
     * Has {@code assemble} made from every new live snapshot before the UI thread gets it, so that
     * {@link #view} with {@code key} finds it made; {@code slot} is the asker's (a later call
     * replaces its earlier one, {@link #forget} ends it). {@code assemble} must read only the
     * snapshot and values that do not change: it runs on another thread. A source without a
     * background thread assembles in {@link #view}, as before.
     */
    default void prepare(String slot, String key, Function<HealthSnapshot, ?> assemble) {}

    /** Ends {@code slot}'s {@link #prepare}. */
    default void forget(String slot) {}

    /** The past moment the snapshot is of, or null when it is live. */
    default Instant viewing() {
        return viewingProperty().get();
    }

    /** The past moment shown; null while live. A source that cannot look back is always live. */
    default ReadOnlyObjectProperty<Instant> viewingProperty() {
        return Live.ALWAYS;
    }

    /** Whether cycles still come; a source that only replays published snapshots always does. */
    default Liveness liveness() {
        return Liveness.CYCLING_NOW;
    }
}
