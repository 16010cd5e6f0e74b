package io.rackscope.desktop.ui;

import io.rackscope.desktop.health.HealthSnapshot;
import javafx.beans.property.ReadOnlyObjectProperty;

/** Port: the newest health snapshot, on the FX thread, and a way to ask for a fresh one now. */
public interface HealthSource {
    ReadOnlyObjectProperty<HealthSnapshot> snapshotProperty();

    default HealthSnapshot current() {
        return snapshotProperty().get();
    }

    /** Asks for a cycle now; returns at once. */
    void refreshNow();
}
