package io.rackscope.desktop.ui.alerts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widths of texts in one font as the sum of their characters' advances, each measured once (laying
 * out every text of a table's visible rows was most of a frame), and texts cut to a width with an
 * ellipsis, as a label would cut them.
 */
final class TextFit {
    static final String ELLIPSIS = "…";
    private static final int TABLED = 0x3000;

    private final Text measure = new Text();
    private final Map<Font, Advances> fonts = new HashMap<>();

    double width(String text, Font font) {
        Advances a = fonts.computeIfAbsent(font, f -> new Advances());
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += a.of(cp, font);
            i += Character.charCount(cp);
        }
        return w;
    }

    private double measured(int cp, Font font) {
        measure.setFont(font);
        measure.setText(Character.toString(cp));
        return measure.getLayoutBounds().getWidth();
    }

    /** One font's advances: the common characters in a table, the others in a map. */
    private final class Advances {
        private final double[] tabled = new double[TABLED];
        private final Map<Integer, Double> others = new HashMap<>();

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
    }

    /**
     * {@code text} if it fits in {@code room}, else its longest beginning that fits with an
     * ellipsis after it (the ellipsis alone, or nothing, when even that does not fit).
     */
    static String fit(String text, double room, ToDoubleFunction<String> width) {
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
}
