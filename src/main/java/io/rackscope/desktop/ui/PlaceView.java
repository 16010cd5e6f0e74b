package io.rackscope.desktop.ui;

import javafx.scene.Node;

/** A view shown for a place; {@link #dispose()} detaches it from the feed when the user leaves. */
public interface PlaceView {
    Node node();

    default void dispose() {}
}
