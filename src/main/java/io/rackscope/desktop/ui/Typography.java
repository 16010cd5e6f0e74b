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

    public static Font regular(double size) {
        return font(FontWeight.NORMAL, size);
    }

    public static Font bold(double size) {
        return font(FontWeight.BOLD, size);
    }

    private static Font font(FontWeight weight, double size) {
        long key = (long) weight.ordinal() << 32 | Math.round(size * 100);
        return FONTS.computeIfAbsent(key, k -> Font.font(FAMILY, weight, size));
    }
}
