package io.rackscope.desktop.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The fonts of what is drawn on a Canvas (the stylesheet sets the rest): the family of {@code
 * rackscope.css}, created once per weight and size.
 */
public final class Typography {
    public static final String FAMILY = "DejaVu Sans";
    private static final Map<Long, Font> FONTS = new ConcurrentHashMap<>();

    private Typography() {}

    /**
     * The base text size of the stylesheet ({@code .root} in {@code rackscope.css}); the sizes of
     * the stylesheet's classes are relative to it where a view scales.
     */
    public static final double BASE_SIZE = 13;

    /**
     * The inline style that scales a view's text by {@code scale} (a wall read from metres away):
     * its classes' sizes, in em, follow.
     */
    public static String scaled(double scale) {
        return "-fx-font-size: " + Math.round(BASE_SIZE * scale) + "px;";
    }

    public static Font regular(double size) {
        return font(FontWeight.NORMAL, size);
    }

    public static Font bold(double size) {
        return font(FontWeight.BOLD, size);
    }

    /**
     * What to draw in {@code width} px: {@code text} when it fits, else {@code shorter} when that
     * fits, else as much of {@code shorter} as fits, ending in an ellipsis (never squeezed).
     */
    public static String fit(String text, String shorter, Font font, double width) {
        if (TextFit.width(text, font) <= width) {
            return text;
        }
        String cut = TextFit.fit(shorter, width, font);
        return cut.equals(TextFit.ELLIPSIS) ? "" : cut;
    }

    private static Font font(FontWeight weight, double size) {
        long key = (long) weight.ordinal() << 32 | Math.round(size * 100);
        return FONTS.computeIfAbsent(key, k -> Font.font(FAMILY, weight, size));
    }
}
