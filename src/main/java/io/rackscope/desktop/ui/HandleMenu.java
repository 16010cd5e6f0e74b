package io.rackscope.desktop.ui;

import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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

    /**
     * Copy the id or the path, open the entity in Prometheus or a configured link; then, unless
     * looking back or without a store, acknowledge and maintenance.
     */
    public static ContextMenu of(
            Node owner, PlaceHandling h, String what, Target target, Predicate<Alert> where) {
        ContextMenu m = new ContextMenu();
        EntityLinks links = h.links();
        MenuItem copyId = new MenuItem("Copy id  " + target.id());
        copyId.setOnAction(e -> copy(target.id()));
        MenuItem copyPath = new MenuItem("Copy path");
        copyPath.setOnAction(e -> copy(links.path(target)));
        m.getItems().addAll(copyId, copyPath);
        links.prometheusGraph(target)
                .ifPresent(
                        url -> {
                            MenuItem graph = new MenuItem("Open in Prometheus");
                            graph.setOnAction(e -> Browser.open(url));
                            m.getItems().add(graph);
                        });
        for (EntityLinks.Link l : links.links(target)) {
            MenuItem link = new MenuItem("Open in " + l.name());
            link.setOnAction(e -> Browser.open(l.url()));
            m.getItems().add(link);
        }
        if (!h.enabled()) {
            return m;
        }
        m.getItems().add(new SeparatorMenuItem());
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

    /** Puts {@code text} on the clipboard. */
    public static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
