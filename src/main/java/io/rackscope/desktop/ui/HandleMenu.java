package io.rackscope.desktop.ui;

import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;

/** The right-click menu of a place: acknowledge what fails there, or put it under maintenance. */
public final class HandleMenu {
    private HandleMenu() {}

    /**
     * Shows {@code menu}'s answer on a right-click (or the menu key) on {@code node}; nothing when
     * it answers null.
     */
    public static void attach(Node node, Function<ContextMenuEvent, ContextMenu> menu) {
        node.setOnContextMenuRequested(
                e -> {
                    ContextMenu m = menu.apply(e);
                    if (m != null) {
                        m.show(node, e.getScreenX(), e.getScreenY());
                        e.consume();
                    }
                });
    }

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
