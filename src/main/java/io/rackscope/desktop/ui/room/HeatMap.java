package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.TextFit;
import io.rackscope.desktop.ui.Tone;
import io.rackscope.desktop.ui.Typography;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The floor's heat map: the colouring metric's values at the racks spread over the room ({@link
 * HeatField}), painted from cool to the metric's WARN and CRIT colours, its thresholds drawn as
 * contour lines (WARN dashed, CRIT solid), the hottest racks at or above WARN ringed and named in
 * the legend. The field and its image are made again only when the values change.
 */
final class HeatMap {
    static final double GRID = FloorPlan.CELL / 2;
    static final double REACH = FloorPlan.CELL * 2.5;

    /** What was drawn: the field, its range and thresholds, the hot spots (hottest first). */
    record Drawn(
            HeatField field,
            double lo,
            double hi,
            Double warn,
            Double crit,
            List<Rack> hot,
            Map<String, Double> values) {}

    private Map<String, Double> valuesDrawn;
    private Palette paletteDrawn;
    private Drawn drawn;
    private WritableImage image;
    private List<double[]> warnLine = List.of();
    private List<double[]> critLine = List.of();

    /**
     * Paints the field of {@code m}'s {@code values} (by rack key) under the racks (the transform
     * is the floor's) and returns what was drawn.
     */
    Drawn draw(
            GraphicsContext g,
            Palette p,
            MetricDefinition m,
            Map<String, Double> values,
            FloorPlan plan,
            double scale) {
        if (values != valuesDrawn || p != paletteDrawn) {
            make(p, plan, m, values);
        }
        if (image != null) {
            g.setImageSmoothing(true);
            g.drawImage(image, 0, 0, image.getWidth() * GRID, image.getHeight() * GRID);
            contour(g, p.tone(Tone.WARN), warnLine, scale, true);
            contour(g, p.tone(Tone.CRIT), critLine, scale, false);
        }
        return drawn;
    }

    private void make(Palette p, FloorPlan plan, MetricDefinition m, Map<String, Double> values) {
        valuesDrawn = values;
        paletteDrawn = p;
        List<HeatField.Source> sources = new ArrayList<>();
        List<Rack> racks = new ArrayList<>();
        double[] rows = new double[Math.max(1, plan.rows.size())];
        for (int i = 0; i < plan.rows.size(); i++) {
            FloorPlan.Row row = plan.rows.get(i);
            rows[i] = row.y() + FloorPlan.TILE_H / 2;
            for (Rack r : row.racks()) {
                Double v = values.get(r.key());
                Rectangle2D t = plan.tiles.get(r.key());
                if (v != null && t != null) {
                    sources.add(
                            new HeatField.Source(
                                    t.getMinX() + t.getWidth() / 2,
                                    t.getMinY() + t.getHeight() / 2,
                                    v,
                                    i));
                    racks.add(r);
                }
            }
        }
        HeatField f = HeatField.of(sources, plan.width(), plan.height(), GRID, REACH, rows);
        Double warn = m.display().warn();
        Double crit = m.display().crit();
        double lo = sources.stream().mapToDouble(HeatField.Source::value).min().orElse(0);
        double hi = sources.stream().mapToDouble(HeatField.Source::value).max().orElse(1);
        double bandLow = warn != null ? warn : crit != null ? crit : hi;
        List<Rack> hot =
                racks.stream()
                        .filter(r -> values.get(r.key()) >= bandLow)
                        .sorted(
                                Comparator.comparingDouble((Rack r) -> values.get(r.key()))
                                        .reversed())
                        .limit(3)
                        .toList();
        drawn = new Drawn(f, lo, hi, warn, crit, hot, values);
        if (sources.isEmpty()) {
            image = null;
            warnLine = List.of();
            critLine = List.of();
            return;
        }
        if (image == null || image.getWidth() != f.cols || image.getHeight() != f.rows) {
            image = new WritableImage(f.cols, f.rows);
        }
        // the scale's colours once (256 steps from the lowest to the highest value), then one
        // int per point: no colour object is made per point of the field
        int[] scale = new int[STEPS];
        for (int i = 0; i < STEPS; i++) {
            scale[i] = argb(colour(p, lo + (hi - lo) * i / (STEPS - 1), drawn, FIELD));
        }
        int[] pixels = new int[f.cols * f.rows];
        double span = hi > lo ? hi - lo : 1;
        for (int r = 0; r < f.rows; r++) {
            for (int c = 0; c < f.cols; c++) {
                double v = f.at(c, r);
                int i = (int) Math.round((v - lo) / span * (STEPS - 1));
                pixels[r * f.cols + c] =
                        Double.isNaN(v) ? 0 : scale[Math.max(0, Math.min(STEPS - 1, i))];
            }
        }
        image.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        f.cols,
                        f.rows,
                        javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        pixels,
                        0,
                        f.cols);
        warnLine = warn == null ? List.of() : f.contour(warn);
        critLine = crit == null ? List.of() : f.contour(crit);
    }

    private static final int STEPS = 256;

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24
                | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** How opaque the field is: the floor's grid shows through. */
    static final double FIELD = 0.62;

    /**
     * A value's colour at {@code alpha}: the theme's cool at the lowest, its mild below WARN,
     * WARN's colour, CRIT's.
     */
    static Color colour(Palette p, double v, Drawn d, double alpha) {
        double crit = d.crit() != null ? d.crit() : d.hi();
        double warn = d.warn() != null ? d.warn() : d.lo() + (crit - d.lo()) * 0.75;
        Color c;
        if (v >= crit) {
            c = p.tone(Tone.CRIT);
        } else if (v >= warn) {
            c = p.tone(Tone.WARN).interpolate(p.tone(Tone.CRIT), (v - warn) / (crit - warn));
        } else {
            double mild = (d.lo() + warn) / 2;
            Color cool = p.token("-heat-cool");
            Color mid = p.token("-heat-mild");
            c =
                    v < mild
                            ? cool.interpolate(mid, fraction(v, d.lo(), mild))
                            : mid.interpolate(p.tone(Tone.WARN), fraction(v, mild, warn));
        }
        return Color.color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static double fraction(double v, double from, double to) {
        return to > from ? Math.max(0, Math.min(1, (v - from) / (to - from))) : 1;
    }

    private static void contour(
            GraphicsContext g, Color colour, List<double[]> lines, double scale, boolean dashed) {
        if (lines.isEmpty()) {
            return;
        }
        g.setStroke(colour);
        g.setLineWidth(2 / scale);
        if (dashed) {
            g.setLineDashes(6 / scale, 4 / scale);
        }
        for (double[] s : lines) {
            g.strokeLine(s[0], s[1], s[2], s[3]);
        }
        g.setLineDashes((double[]) null);
    }

    /** A dashed ring round each hot spot's tile (the floor's transform). */
    void ringHotSpots(GraphicsContext g, Palette p, Drawn d, FloorPlan plan, double scale) {
        g.setStroke(p.tone(Tone.CRIT));
        g.setLineWidth(2.5 / scale);
        g.setLineDashes(4 / scale, 3 / scale);
        for (Rack r : d.hot()) {
            Rectangle2D t = plan.tiles.get(r.key());
            g.strokeRoundRect(
                    t.getMinX() - 4, t.getMinY() - 4, t.getWidth() + 8, t.getHeight() + 8, 9, 9);
        }
        g.setLineDashes((double[]) null);
    }

    /**
     * The legend at the bottom right of the canvas (screen pixels): the metric, a bar from the
     * lowest rack value to the highest with the thresholds marked, and the hot spots by name.
     */
    void legend(
            GraphicsContext g,
            Palette p,
            Drawn d,
            MetricDefinition m,
            double canvasWidth,
            double canvasHeight) {
        String unit = m.display().unit();
        String title =
                "Heat map · "
                        + m.name()
                        + (unit == null || unit.isEmpty() ? "" : " (" + unit + ")");
        double w = Math.max(220, TextFit.width(title, Typography.bold(12)));
        double x = canvasWidth - w - 22;
        double y = canvasHeight - 92;
        g.setFill(p.token("-surface-panel"));
        g.fillRoundRect(x - 8, y - 24, w + 16, 96, 8, 8);
        g.setStroke(p.token("-border"));
        g.setLineWidth(1);
        g.strokeRoundRect(x - 8, y - 24, w + 16, 96, 8, 8);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.token("-text-primary"));
        g.setFont(Typography.bold(12));
        g.fillText(title, x, y - 18);
        g.setFont(Typography.regular(11));
        if (d.values().isEmpty()) {
            g.setFill(p.token("-text-secondary"));
            g.fillText("No rack has a value at this moment", x, y + 4);
            return;
        }
        double lo = Math.min(d.lo(), d.warn() != null ? d.warn() : d.lo());
        double hi = Math.max(d.hi(), d.crit() != null ? d.crit() : d.hi());
        double bar = 220;
        for (int i = 0; i < bar; i++) {
            g.setFill(colour(p, lo + (hi - lo) * i / bar, d, 1));
            g.fillRect(x + i, y + 2, 1, 12);
        }
        g.setFill(p.token("-text-secondary"));
        List<Double> marks = new ArrayList<>();
        g.setTextAlign(TextAlignment.CENTER);
        for (Double t : new Double[] {d.warn(), d.crit()}) {
            if (t != null && hi > lo) {
                double tx = x + bar * (t - lo) / (hi - lo);
                g.setStroke(p.token("-text-primary"));
                g.strokeLine(tx, y, tx, y + 16);
                g.fillText(Formats.value(t), tx, y + 17);
                marks.add(tx);
            }
        }
        // the ends are labelled where a threshold's label leaves room
        if (marks.stream().allMatch(tx -> tx - x > 28)) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(Formats.value(lo), x, y + 17);
        }
        if (marks.stream().allMatch(tx -> x + bar - tx > 28)) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Formats.value(hi), x + bar, y + 17);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.token("-text-primary"));
        g.fillText(
                d.hot().isEmpty()
                        ? "No hot spot: every rack below its threshold"
                        : "Hot spots: "
                                + String.join(
                                        ", ",
                                        d.hot().stream()
                                                .map(
                                                        r ->
                                                                RoomFloorView.shortName(r)
                                                                        + " "
                                                                        + Formats.value(
                                                                                d.values()
                                                                                        .get(
                                                                                                r
                                                                                                        .key())))
                                                .toList()),
                x,
                y + 38);
    }
}
