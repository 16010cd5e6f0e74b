package io.rackscope.desktop.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widths of texts as the sum of their characters' advances, each measured once per font (laying out
 * every text of a frame's labels or a table's visible rows took most of a frame), and texts cut to
 * a width with an ellipsis, as a label would cut them.
 */
public final class TextFit {
    public static final String ELLIPSIS = "…";
    private static final int TABLED = 0x3000;
    private static final Map<Font, Advances> FONTS = new HashMap<>();
    private static final Text MEASURE = new Text();

    private TextFit() {}

    /** How wide {@code text} is in {@code font}. */
    public static synchronized double width(String text, Font font) {
        Advances a = FONTS.computeIfAbsent(font, f -> new Advances());
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += a.of(cp, font);
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * {@code text} cut to {@code room} in {@code font}: see {@link #fit(String, double,
     * ToDoubleFunction)}.
     */
    public static String fit(String text, double room, Font font) {
        return fit(text, room, t -> width(t, font));
    }

    /**
     * {@code text} if it fits in {@code room}, else its longest beginning that fits with an
     * ellipsis after it (the ellipsis alone, or nothing, when even that does not fit).
     */
    public static String fit(String text, double room, ToDoubleFunction<String> width) {
        if (text.isEmpty() || width.applyAsDouble(text) <= room) {
            return text;
        }
        int lo = 0;
        int hi = text.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width.applyAsDouble(text.substring(0, mid) + ELLIPSIS) <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo > 0 && Character.isHighSurrogate(text.charAt(lo - 1))) {
            lo--;
        }
        if (lo == 0) {
            return width.applyAsDouble(ELLIPSIS) <= room ? ELLIPSIS : "";
        }
        return text.substring(0, lo) + ELLIPSIS;
    }

    /**
     * {@code text} in lines no wider than {@code room}, broken between words as a wrapping label
     * breaks it; a word wider than the room alone is broken where it reaches the edge.
     */
    public static List<String> wrap(String text, double room, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            String joined = line.isEmpty() ? word : line + " " + word;
            if (width.applyAsDouble(joined) <= room) {
                line.setLength(0);
                line.append(joined);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (rest.length() > 1 && width.applyAsDouble(rest) > room) {
                int cut = widest(rest, room, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many chars of {@code word} fit in {@code room}: at least one code point. */
    private static int widest(String word, double room, ToDoubleFunction<String> width) {
        int fits = word.offsetByCodePoints(0, 1);
        for (int i = fits; i < word.length(); ) {
            int next = word.offsetByCodePoints(i, 1);
            if (width.applyAsDouble(word.substring(0, next)) > room) {
                break;
            }
            fits = next;
            i = next;
        }
        return fits;
    }

    /** {@link #wrap(String, double, ToDoubleFunction)} in {@code font}. */
    public static List<String> wrap(String text, double room, Font font) {
        return wrap(text, room, t -> width(t, font));
    }

    /** The height of a line of text in {@code font}, as a label lays one out. */
    public static synchronized double lineHeight(Font font) {
        return FONTS.computeIfAbsent(font, f -> new Advances()).lineHeight(font);
    }

    private static double measured(int cp, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(Character.toString(cp));
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** One font's advances: the common characters in a table, the others in a map. */
    private static final class Advances {
        private final double[] tabled = new double[TABLED];
        private final Map<Integer, Double> others = new HashMap<>();
        private double lineHeight = -1;

        Advances() {
            Arrays.fill(tabled, -1);
        }

        double of(int cp, Font font) {
            if (cp < TABLED) {
                if (tabled[cp] < 0) {
                    tabled[cp] = measured(cp, font);
                }
                return tabled[cp];
            }
            return others.computeIfAbsent(cp, c -> measured(c, font));
        }

        double lineHeight(Font font) {
            if (lineHeight < 0) {
                MEASURE.setFont(font);
                MEASURE.setText("Ag");
                lineHeight = MEASURE.getLayoutBounds().getHeight();
            }
            return lineHeight;
        }
    }
}
