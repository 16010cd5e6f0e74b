package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.Palette;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * For the UI benchmark: one heat-map frame of a room with new values (the field made again, its
 * image, contours, hot spots and legend drawn) on a canvas of the given size, on the FX thread.
 */
public final class HeatMapBench {
    private final FloorPlan plan;
    private final HeatMap heat = new HeatMap();
    private final Canvas canvas;
    private final Palette palette;
    private final MetricDefinition metric;
    private final Room room;
    private final Random random = new Random(1);
    private double cpu;

    public HeatMapBench(Room room, MetricDefinition metric, Palette palette, double w, double h) {
        this.room = room;
        this.plan = new FloorPlan(room);
        this.canvas = new Canvas(w, h);
        this.palette = palette;
        this.metric = metric;
    }

    /** The CPU time the FX thread spent on the last frame, ms (below its wall time: it waited). */
    public double cpu() {
        return cpu;
    }

    /** The racks this room has. */
    public int racks() {
        return plan.tiles.size();
    }

    /** Draws one frame with fresh values; returns milliseconds spent. */
    public double frame() {
        Map<String, Double> values = new HashMap<>();
        for (Rack r : room.racks().toList()) {
            values.put(r.key(), 20 + random.nextDouble() * 15);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        // as the floor's redraw begins: an opaque fill of the whole canvas, which also lets the
        // canvas drop the commands of the frame before
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(palette.token("-surface-window"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double scale =
                Math.min(canvas.getWidth() / plan.width(), canvas.getHeight() / plan.height());
        g.setTransform(scale, 0, 0, scale, 0, 0);
        HeatMap.Drawn d = heat.draw(g, palette, metric, Map.copyOf(values), plan, scale);
        heat.ringHotSpots(g, palette, d, plan, scale);
        g.setTransform(1, 0, 0, 1, 0, 0);
        heat.legend(g, palette, d, metric, canvas.getWidth(), canvas.getHeight());
        double wall = (System.nanoTime() - t0) / 1e6;
        cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        return wall;
    }
}
