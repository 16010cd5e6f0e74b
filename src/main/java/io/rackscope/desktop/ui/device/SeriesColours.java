package io.rackscope.desktop.ui.device;

import io.rackscope.desktop.metrics.MetricDefinition;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * The CSS colours of a metric's series: the definition's {@code display.color} when it is a colour
 * ({@code #ef4444}, {@code orange}), else the theme's accent tokens. A token cannot take an alpha
 * suffix, so the translucent fill of an area has its own token.
 */
final class SeriesColours {
    private SeriesColours() {}

    static String line(MetricDefinition m) {
        Color c = parse(m.display().color());
        return c == null ? "-accent" : css(c, 1);
    }

    static String fill(MetricDefinition m) {
        Color c = parse(m.display().color());
        return c == null ? "-accent-fill" : css(c, 0.27);
    }

    private static Color parse(String text) {
        if (text == null || text.isBlank() || text.trim().startsWith("-")) {
            return null;
        }
        try {
            return Color.web(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String css(Color c, double alpha) {
        return String.format(
                Locale.ROOT,
                "rgba(%d,%d,%d,%.2f)",
                Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255),
                alpha * c.getOpacity());
    }
}
