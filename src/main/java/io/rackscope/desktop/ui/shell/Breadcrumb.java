package io.rackscope.desktop.ui.shell;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The trail of places, whole words only: when it does not fit, the places after World give way
 * first (a "…" in their stead names them on hover), and World and the current place keep their
 * names; nothing is cut in the middle of a word.
 */
final class Breadcrumb extends HBox {
    private final Label more = new Label("…");
    private List<Node> items = List.of();

    Breadcrumb() {
        super(4);
        setAlignment(Pos.CENTER_LEFT);
        more.getStyleClass().add("crumb-sep");
        more.setMinWidth(USE_PREF_SIZE);
        widthProperty().addListener(o -> fit());
    }

    /** The crumbs and separators, in order, the last one the current place. */
    void show(List<Node> trail, String whole) {
        items = List.copyOf(trail);
        more.setTooltip(new Tooltip(whole));
        getChildren().setAll(items);
        getChildren().add(Math.min(2, items.size()), more);
        for (Node n : items) {
            if (n instanceof javafx.scene.control.Labeled l) {
                l.setMinWidth(USE_PREF_SIZE);
            }
        }
        fit();
    }

    private void fit() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        if (room <= 0) {
            return;
        }
        items.forEach(n -> shown(n, true));
        shown(more, false);
        double need = width();
        // hide a crumb and the separator after it, from the one after World, until the rest fits
        for (int i = 2; need > room && i < items.size() - 2; i += 2) {
            need -= items.get(i).prefWidth(-1) + items.get(i + 1).prefWidth(-1) + 2 * getSpacing();
            shown(items.get(i), false);
            shown(items.get(i + 1), false);
            if (!more.isVisible()) {
                shown(more, true);
                need += more.prefWidth(-1) + getSpacing();
            }
        }
    }

    /** It may shrink to World, "…" and the current place. */
    @Override
    protected double computeMinWidth(double height) {
        if (items.size() < 3) {
            return super.computeMinWidth(height);
        }
        return snappedLeftInset()
                + items.get(0).prefWidth(-1)
                + items.get(1).prefWidth(-1)
                + more.prefWidth(-1)
                + items.get(items.size() - 1).prefWidth(-1)
                + 3 * getSpacing()
                + snappedRightInset();
    }

    private double width() {
        double w = 0;
        for (int i = 0; i < items.size(); i++) {
            w += items.get(i).prefWidth(-1) + (i > 0 ? getSpacing() : 0);
        }
        return w;
    }

    private static void shown(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
