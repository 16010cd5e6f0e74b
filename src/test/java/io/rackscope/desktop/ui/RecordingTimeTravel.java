package io.rackscope.desktop.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Time travel that shows whatever is asked at once, rounded to the minute. */
public final class RecordingTimeTravel implements TimeTravel {
    public final ReadOnlyObjectWrapper<Instant> chosen = new ReadOnlyObjectWrapper<>();
    public final ReadOnlyObjectWrapper<Instant> viewing = new ReadOnlyObjectWrapper<>();
    public final List<Instant> asked = new ArrayList<>();
    private final HandClock clock;

    public RecordingTimeTravel(HandClock clock) {
        this.clock = clock;
    }

    @Override
    public boolean canLookBack() {
        return true;
    }

    @Override
    public Duration step() {
        return Duration.ofMinutes(1);
    }

    @Override
    public Duration span() {
        return Duration.ofHours(24);
    }

    @Override
    public void lookAt(Instant t) {
        Instant earliest = clock.now.minus(span());
        Instant slot =
                Instant.ofEpochSecond(
                        Math.floorDiv((t.isBefore(earliest) ? earliest : t).getEpochSecond(), 60)
                                * 60);
        asked.add(slot);
        chosen.set(slot);
        viewing.set(slot);
    }

    @Override
    public void live() {
        chosen.set(null);
        viewing.set(null);
    }

    @Override
    public ReadOnlyObjectProperty<Instant> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<Instant> viewingProperty() {
        return viewing.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty lookingUpProperty() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }
}
