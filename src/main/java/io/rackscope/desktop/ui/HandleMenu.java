package io.rackscope.desktop.ui;

import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/** The right-click menu of a place: acknowledge what fails there, or put it under maintenance. */
public final class HandleMenu {
    private HandleMenu() {}

    /** Null when nothing can be handled here (looking back, or no store). */
    public static ContextMenu of(
            Node owner, PlaceHandling h, String what, Target target, Predicate<Alert> where) {
        if (!h.enabled()) {
            return null;
        }
        ContextMenu m = new ContextMenu();
        if (h.hasAlerts(where)) {
            MenuItem ack = new MenuItem("Acknowledge its alerts…");
            ack.setOnAction(
                    e ->
                            HandleDialogs.acknowledge(owner, what, h.operator())
                                    .ifPresent(a -> h.acknowledge(where, a.text(), a.length())));
            m.getItems().add(ack);
        }
        MenuItem maintain = new MenuItem("Put " + what + " under maintenance…");
        maintain.setOnAction(
                e ->
                        HandleDialogs.maintain(owner, what, h.operator())
                                .ifPresent(
                                        a -> h.maintain(target, a.text(), a.effect(), a.length())));
        m.getItems().add(maintain);
        return m;
    }
}
