package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * Port: which moment the views show, and a way to choose one. Calls return at once; the chosen
 * moment's states arrive through the health source when they are evaluated.
 */
@Port
public interface TimeTravel {
    /** Time travel where there is no past to ask for: always live. */
    TimeTravel NONE =
            new TimeTravel() {
                private final ReadOnlyBooleanProperty idle =
                        new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();

                @Override
                public boolean canLookBack() {
                    return false;
                }

                @Override
                public Duration step() {
                    return Duration.ofMinutes(1);
                }

                @Override
                public Duration span() {
                    return Duration.ZERO;
                }

                @Override
                public void lookAt(Instant t) {}

                @Override
                public void live() {}

                @Override
                public ReadOnlyObjectProperty<Instant> chosenProperty() {
                    return HealthSource.Live.ALWAYS;
                }

                @Override
                public ReadOnlyObjectProperty<Instant> viewingProperty() {
                    return HealthSource.Live.ALWAYS;
                }

                @Override
                public ReadOnlyBooleanProperty lookingUpProperty() {
                    return idle;
                }
            };

    /** False when there is no Prometheus to ask about the past (a replayed snapshot). */
    boolean canLookBack();

    /** The distance between two moments that can be shown (one cycle). */
    Duration step();

    /** How far back moments can be chosen. */
    Duration span();

    /** Shows the estate at {@code t}, rounded down to the step and kept within the span. */
    void lookAt(Instant t);

    /** Shows the present again. */
    void live();

    /** The moment chosen (its states may still be on their way), or null when live. */
    ReadOnlyObjectProperty<Instant> chosenProperty();

    /** The moment whose states the views show, or null when they are live. */
    ReadOnlyObjectProperty<Instant> viewingProperty();

    /** True while the moment asked for is still being evaluated. */
    ReadOnlyBooleanProperty lookingUpProperty();
}
