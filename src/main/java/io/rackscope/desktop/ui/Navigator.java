package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import javafx.beans.property.ReadOnlyObjectProperty;

/** Port: where the user is, and going somewhere else. */
@Port
public interface Navigator {
    void go(Place place);

    /** Where the user is, said otherwise (a rack's other face), without a step in the history. */
    void replace(Place place);

    ReadOnlyObjectProperty<Place> currentProperty();

    default Place current() {
        return currentProperty().get();
    }
}
