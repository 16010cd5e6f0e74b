package io.rackscope.desktop.ui;

import javafx.beans.property.ReadOnlyObjectProperty;

/** Port: where the user is, and going somewhere else. */
public interface Navigator {
    void go(Place place);

    ReadOnlyObjectProperty<Place> currentProperty();

    default Place current() {
        return currentProperty().get();
    }
}
