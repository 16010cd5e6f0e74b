package io.rackscope.desktop.ui;

import javafx.scene.Node;

/** A view shown for a place; {@link #dispose()} detaches it from the feed when the user leaves. */
public interface PlaceView {
    Node node();

    default void dispose() {}

    /**
     * One second of the desk's clock passed: relative times ("since 3 min ago") are written again,
     * so that every view counts from the same clock and none stays frozen between cycles.
     */
    default void tick() {}

    /** Whether this view already shows {@code place} as it is (a rack's face chosen in it). */
    default boolean shows(Place place) {
        return false;
    }
}
