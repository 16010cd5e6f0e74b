package io.rackscope.desktop.ui;

import javafx.event.Event;
import javafx.event.EventType;

/**
 * A view asks the window to try a check (a checks file's YAML) in the "Try a check" window: raised
 * on the view's node, handled by the shell, which owns that window.
 */
public final class TryCheckEvent extends Event {
    public static final EventType<TryCheckEvent> TRY =
            new EventType<>(Event.ANY, "RACKSCOPE_TRY_CHECK");

    private final String yaml;

    public TryCheckEvent(String yaml) {
        super(TRY);
        this.yaml = yaml;
    }

    /** The checks file whose first check is to be tried. */
    public String yaml() {
        return yaml;
    }
}
