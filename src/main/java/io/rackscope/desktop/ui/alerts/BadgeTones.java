package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.TextFit;
import io.rackscope.desktop.ui.Typography;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The severity badges a drawn row paints, their colours the stylesheet's ({@code -rs-badge-ok},
 * {@code -warn}, {@code -crit}, {@code -unknown} and {@code -text} on the row), so that themes and
 * palettes apply to them as to the styled badges.
 */
final class BadgeTones<S extends javafx.css.Styleable> {
    // as .sev-badge's: bold, 11 px
    static final Font FONT = Typography.bold(11);

    /** A badge's height: its text's, with 3 px above and below. */
    static final double HEIGHT = FONT.getSize() + 6;

    private final StyleableObjectProperty<Paint> ok;
    private final StyleableObjectProperty<Paint> warn;
    private final StyleableObjectProperty<Paint> crit;
    private final StyleableObjectProperty<Paint> unknown;
    private final StyleableObjectProperty<Paint> onBadge;

    BadgeTones(S row, StyleablePropertyFactory<S> style, Function<S, BadgeTones<S>> of) {
        ok = paint(row, style, "badgeOk", "-rs-badge-ok", r -> of.apply(r).ok, Color.GREEN);
        warn = paint(row, style, "badgeWarn", "-rs-badge-warn", r -> of.apply(r).warn, Color.GOLD);
        crit = paint(row, style, "badgeCrit", "-rs-badge-crit", r -> of.apply(r).crit, Color.RED);
        unknown =
                paint(
                        row,
                        style,
                        "badgeUnknown",
                        "-rs-badge-unknown",
                        r -> of.apply(r).unknown,
                        Color.GRAY);
        onBadge =
                paint(
                        row,
                        style,
                        "badgeText",
                        "-rs-badge-text",
                        r -> of.apply(r).onBadge,
                        Color.BLACK);
    }

    /** A paint of {@code row} set by the stylesheet's {@code css} property. */
    static <S extends javafx.css.Styleable> StyleableObjectProperty<Paint> paint(
            S row,
            StyleablePropertyFactory<S> style,
            String name,
            String css,
            Function<S, StyleableProperty<Paint>> of,
            Paint initial) {
        return (StyleableObjectProperty<Paint>)
                style.createStyleablePaintProperty(row, name, css, of, initial);
    }

    /** Calls {@code redraw} when any of the colours changes (a theme or palette switched). */
    void onChange(InvalidationListener redraw) {
        for (StyleableObjectProperty<Paint> p : List.of(ok, warn, crit, unknown, onBadge)) {
            p.addListener(redraw);
        }
    }

    /**
     * A badge of {@code s} reading {@code text} at {@code x}, centred on {@code middle}, no wider
     * than {@code room}; its width (0 when nothing fits).
     */
    double draw(GraphicsContext g, Severity s, String text, double x, double middle, double room) {
        double bw = Math.min(TextFit.width(text, FONT) + 12, room);
        if (bw <= 0) {
            return 0;
        }
        g.setFill(tone(s));
        g.fillRoundRect(x, middle - HEIGHT / 2, bw, HEIGHT, 6, 6);
        g.setFont(FONT);
        g.setFill(onBadge.get());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(TextFit.fit(text, bw - 12, FONT), x + 6, middle);
        return bw;
    }

    private Paint tone(Severity s) {
        return switch (s) {
            case OK -> ok.get();
            case WARN -> warn.get();
            case CRIT -> crit.get();
            default -> unknown.get();
        };
    }
}
