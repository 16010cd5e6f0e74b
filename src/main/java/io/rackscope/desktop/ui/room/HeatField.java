package io.rackscope.desktop.ui.room;

import java.util.ArrayList;
import java.util.List;

/**
 * A metric spread over a room's floor: on a grid of {@code cell}-sized squares over the floor
 * (floor pixels), each point's value is the inverse-distance weighted mean (power 2) of the racks
 * within {@code reach}; a point no rack reaches has none (NaN), so empty floor is not painted with
 * a guess. A point belongs to the aisle whose row is nearest and weighs only that aisle's racks:
 * the field respects aisles, a hot row does not bleed into the next one's. Racks are bucketed by
 * {@code reach}, so a point weighs only its neighbours: a 500-rack room costs a few milliseconds.
 * {@link #contour} traces a level as line segments (marching squares).
 */
final class HeatField {
    /** A rack's value at its tile's centre, and the aisle (row) it stands in. */
    record Source(double x, double y, double value, int row) {
        Source(double x, double y, double value) {
            this(x, y, value, 0);
        }
    }

    final double cell;
    final int cols;
    final int rows;
    private final double[] values;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private HeatField(double cell, int cols, int rows) {
        this.cell = cell;
        this.cols = cols;
        this.rows = rows;
        this.values = new double[cols * rows];
    }

    static HeatField of(
            List<Source> sources, double width, double height, double cell, double reach) {
        return of(sources, width, height, cell, reach, new double[] {0});
    }

    /**
     * As above, a point taking the racks of the row whose centre ({@code rows}, by y) is nearest.
     */
    static HeatField of(
            List<Source> sources,
            double width,
            double height,
            double cell,
            double reach,
            double[] rowCentres) {
        int cols = Math.max(1, (int) Math.ceil(width / cell));
        int rows = Math.max(1, (int) Math.ceil(height / cell));
        HeatField f = new HeatField(cell, cols, rows);
        int bx = Math.max(1, (int) Math.ceil(width / reach));
        int by = Math.max(1, (int) Math.ceil(height / reach));
        List<List<Source>> buckets = new ArrayList<>(bx * by);
        for (int i = 0; i < bx * by; i++) {
            buckets.add(new ArrayList<>());
        }
        for (Source s : sources) {
            if (Double.isNaN(s.value())) {
                continue;
            }
            int i = clamp((int) (s.x() / reach), bx);
            int j = clamp((int) (s.y() / reach), by);
            buckets.get(j * bx + i).add(s);
        }
        double reach2 = reach * reach;
        for (int r = 0; r < rows; r++) {
            double y = (r + 0.5) * cell;
            int j = clamp((int) (y / reach), by);
            int row = nearest(rowCentres, y);
            for (int c = 0; c < cols; c++) {
                double x = (c + 0.5) * cell;
                int i = clamp((int) (x / reach), bx);
                double weights = 0;
                double sum = 0;
                double exact = Double.NaN;
                for (int jj = Math.max(0, j - 1); jj <= Math.min(by - 1, j + 1); jj++) {
                    for (int ii = Math.max(0, i - 1); ii <= Math.min(bx - 1, i + 1); ii++) {
                        for (Source s : buckets.get(jj * bx + ii)) {
                            if (s.row() != row) {
                                continue;
                            }
                            double dx = s.x() - x;
                            double dy = s.y() - y;
                            double d2 = dx * dx + dy * dy;
                            if (d2 > reach2) {
                                continue;
                            }
                            if (d2 < 1e-9) {
                                exact = s.value();
                            }
                            double w = 1 / Math.max(d2, 1e-9);
                            weights += w;
                            sum += w * s.value();
                        }
                    }
                }
                double v = !Double.isNaN(exact) ? exact : weights > 0 ? sum / weights : Double.NaN;
                f.values[r * cols + c] = v;
                if (!Double.isNaN(v)) {
                    f.min = Math.min(f.min, v);
                    f.max = Math.max(f.max, v);
                }
            }
        }
        return f;
    }

    private static int nearest(double[] rows, double y) {
        int best = 0;
        for (int i = 1; i < rows.length; i++) {
            if (Math.abs(rows[i] - y) < Math.abs(rows[best] - y)) {
                best = i;
            }
        }
        return best;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /** The value at grid point (col, row), NaN where no rack reaches. */
    double at(int col, int row) {
        return values[row * cols + col];
    }

    /** The lowest value painted; +Inf when nothing is. */
    double min() {
        return min;
    }

    /** The highest value painted; -Inf when nothing is. */
    double max() {
        return max;
    }

    /**
     * Where the field crosses {@code level}: segments {x1, y1, x2, y2} in floor pixels, between the
     * centres of grid points; a square with a point of no value has none.
     */
    List<double[]> contour(double level) {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r + 1 < rows; r++) {
            for (int c = 0; c + 1 < cols; c++) {
                double a = at(c, r);
                double b = at(c + 1, r);
                double d = at(c, r + 1);
                double e = at(c + 1, r + 1);
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(d) || Double.isNaN(e)) {
                    continue;
                }
                List<double[]> cut = new ArrayList<>(4);
                edge(cut, a, b, c, r, c + 1, r, level);
                edge(cut, b, e, c + 1, r, c + 1, r + 1, level);
                edge(cut, e, d, c + 1, r + 1, c, r + 1, level);
                edge(cut, d, a, c, r + 1, c, r, level);
                for (int k = 0; k + 1 < cut.size(); k += 2) {
                    out.add(
                            new double[] {
                                cut.get(k)[0], cut.get(k)[1], cut.get(k + 1)[0], cut.get(k + 1)[1]
                            });
                }
            }
        }
        return out;
    }

    /** The point where {@code level} falls between two grid points, if it does. */
    private void edge(
            List<double[]> cut,
            double va,
            double vb,
            int ca,
            int ra,
            int cb,
            int rb,
            double level) {
        if ((va < level) == (vb < level)) {
            return;
        }
        double t = (level - va) / (vb - va);
        double x = (ca + 0.5 + t * (cb - ca)) * cell;
        double y = (ra + 0.5 + t * (rb - ra)) * cell;
        cut.add(new double[] {x, y});
    }
}
