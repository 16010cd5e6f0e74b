package io.rackscope.desktop.ui;

import javafx.scene.canvas.GraphicsContext;

/**
 * The shape a state adds to its colour, so that colour is never the only cue (as ISA-101 and the
 * IMO's display guidance ask): CRIT a filled triangle, WARN a diamond, UNKNOWN a pattern of dots;
 * OK and INFO stay plain (calm needs no mark); a last known state (stale) gets a dashed edge. Only
 * on cells of at least {@link #MIN} pixels: smaller ones are too small to read a shape from.
 */
public final class StateMark {
    /** The smallest cell that carries a mark. */
    public static final int MIN = 8;

    private StateMark() {}

    /** Whether a cell of {@code tone} (and {@code stale}) carries a mark at all. */
    public static boolean has(Tone tone, boolean stale) {
        return stale || tone == Tone.CRIT || tone == Tone.WARN || tone == Tone.UNKNOWN;
    }

    /**
     * Whether pixel ({@code x}, {@code y}) of a cell {@code size} pixels wide, in the cell's own
     * coordinates, belongs to the mark of {@code tone} (and of a stale state's edge).
     */
    public static boolean marks(Tone tone, boolean stale, int x, int y, int size) {
        if (size < MIN) {
            return false;
        }
        if (stale && (x == 0 || y == 0 || x == size - 1 || y == size - 1)) {
            return ((x + y) / 2) % 2 == 0;
        }
        double c = (size - 1) / 2.0;
        double r = size * 0.3;
        return switch (tone) {
            case CRIT -> {
                // apex at the top, base at the bottom, within the middle of the cell
                double top = c - r;
                double bottom = c + r;
                double half = (y - top) / (bottom - top) * r;
                yield y >= top && y <= bottom && Math.abs(x - c) <= half;
            }
            case WARN -> Math.abs(x - c) + Math.abs(y - c) <= r;
            case UNKNOWN ->
                    Math.abs(x - c) <= r && Math.abs(y - c) <= r && x % 3 == 1 && y % 3 == 1;
            case OK, INFO -> false;
        };
    }

    /** The mark of {@code tone} drawn in a square of {@code size} at ({@code x}, {@code y}). */
    public static void draw(GraphicsContext g, Tone tone, double x, double y, double size) {
        if (size < MIN) {
            return;
        }
        double c = size / 2;
        double r = size * 0.4;
        switch (tone) {
            case CRIT ->
                    g.fillPolygon(
                            new double[] {x + c, x + c + r, x + c - r},
                            new double[] {y + c - r, y + c + r, y + c + r},
                            3);
            case WARN ->
                    g.fillPolygon(
                            new double[] {x + c, x + c + r, x + c, x + c - r},
                            new double[] {y + c - r, y + c, y + c + r, y + c},
                            4);
            case UNKNOWN -> {
                double d = Math.max(1.5, size / 9);
                for (int i = -1; i <= 1; i++) {
                    for (int j = -1; j <= 1; j++) {
                        if ((i + j) % 2 == 0) {
                            g.fillOval(x + c + i * r - d / 2, y + c + j * r - d / 2, d, d);
                        }
                    }
                }
            }
            case OK, INFO -> {
                // calm is plain
            }
        }
    }
}
