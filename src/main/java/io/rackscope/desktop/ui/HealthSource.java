package io.rackscope.desktop.ui;

import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;

/** Port: the newest health snapshot, on the FX thread, and a way to ask for a fresh one now. */
public interface HealthSource {
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

    /** Whether cycles still come; a source that only replays published snapshots always does. */
    default Liveness liveness() {
        return Liveness.CYCLING_NOW;
    }
}
