package io.rackscope.desktop.ui.site;

import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.Typography;
import io.rackscope.desktop.ui.room.FloorPlan;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Font;
import javafx.util.Duration;

/**
 * A room's floor in miniature, drawn as the room view lays it out: its outline and every rack where
 * it stands, in its state's colour; hovering names a rack and its state, a click opens it.
 */
final class RoomMiniature extends Canvas {
    private final FloorPlan plan;
    private final SiteViewModel model;
    private final Room room;
    private double scale = 1;

    RoomMiniature(Room room, SiteViewModel model, Consumer<Rack> open) {
        this.room = room;
        this.model = model;
        this.plan = new FloorPlan(room);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        setOnMouseMoved(
                e -> {
                    Rack r = rackAt(e.getX(), e.getY());
                    if (r == null) {
                        Tooltip.uninstall(this, tip);
                        return;
                    }
                    tip.setText(r.name() + "  —  " + model.state(r));
                    Tooltip.install(this, tip);
                });
        setOnMouseClicked(
                e -> {
                    Rack r = rackAt(e.getX(), e.getY());
                    if (r != null && e.getButton() == MouseButton.PRIMARY) {
                        e.consume();
                        open.accept(r);
                    }
                });
    }

    /** The height the floor takes at {@code width}, kept within reason for a card. */
    double heightFor(double width) {
        return Math.max(90, Math.min(320, width * plan.height() / plan.width()));
    }

    /** Draws the floor into {@code width} x {@code height}. */
    void draw(double width, double height) {
        setWidth(width);
        setHeight(height);
        scale = Math.min(width / plan.width(), height / plan.height());
        Palette p = model.palette();
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        g.setFill(p.token("-surface-window"));
        g.fillRect(0, 0, plan.width() * scale, plan.height() * scale);
        g.setStroke(p.token("-border"));
        g.strokeRect(0.5, 0.5, plan.width() * scale - 1, plan.height() * scale - 1);
        Font font = Typography.regular(10);
        if (scale * FloorPlan.firstColumnX() > 8) {
            // aisle names above their rows, when the floor leaves room for them
            g.setFill(p.token("-text-faint"));
            g.setFont(font);
            g.setTextBaseline(VPos.BOTTOM);
            double x = FloorPlan.firstColumnX() * scale;
            for (FloorPlan.Row row : plan.rows()) {
                g.fillText(
                        Typography.fit(row.name(), row.name(), font, width - x - 4),
                        x,
                        row.y() * scale - 2);
            }
        }
        Map<String, Rectangle2D> tiles = plan.tiles();
        room.racks()
                .forEach(
                        r -> {
                            Rectangle2D t = tiles.get(r.key());
                            if (t == null) {
                                return;
                            }
                            g.setFill(p.severity(model.state(r)));
                            double arc = Math.max(1, 4 * scale);
                            double w = Math.max(2, t.getWidth() * scale);
                            double h = Math.max(2, t.getHeight() * scale);
                            g.fillRoundRect(
                                    t.getMinX() * scale, t.getMinY() * scale, w, h, arc, arc);
                            // its shape too, where the tile is large enough to read one
                            double side = Math.min(w, h);
                            g.setFill(p.token("-text-on-severity"));
                            io.rackscope.desktop.ui.StateMark.draw(
                                    g,
                                    io.rackscope.desktop.ui.Tone.of(model.state(r)),
                                    t.getMinX() * scale + (w - side) / 2,
                                    t.getMinY() * scale + (h - side) / 2,
                                    side);
                        });
    }

    /** The middle of {@code rack}'s tile on this canvas, or null when it is not drawn. */
    Point2D middleOf(String rackKey) {
        Rectangle2D t = plan.tiles().get(rackKey);
        return t == null
                ? null
                : new Point2D(
                        (t.getMinX() + t.getWidth() / 2) * scale,
                        (t.getMinY() + t.getHeight() / 2) * scale);
    }

    private Rack rackAt(double x, double y) {
        return scale <= 0 ? null : plan.rackAt(x / scale, y / scale);
    }
}
