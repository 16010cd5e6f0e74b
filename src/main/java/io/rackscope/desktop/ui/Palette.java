package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;

/**
 * A theme's tokens as colours, for what is drawn on a Canvas rather than styled (maps, wallboards).
 */
public final class Palette {
    private static final Pattern TOKEN =
            Pattern.compile("(-[a-z0-9-]+)\\s*:\\s*(#[0-9a-fA-F]{6}|rgba\\([0-9.,\\s]+\\))\\s*;");
    private final Map<String, Color> colors = new HashMap<>();

    private Palette(String css) {
        Matcher m = TOKEN.matcher(css);
        while (m.find()) {
            colors.put(m.group(1), Color.web(m.group(2)));
        }
    }

    private static final Map<String, Palette> CACHE = new HashMap<>();

    public static synchronized Palette of(Theme theme) {
        return of(theme, ColourScheme.STANDARD);
    }

    /** {@code theme}'s colours, with {@code colours}' tokens over them. */
    public static synchronized Palette of(Theme theme, ColourScheme colours) {
        return CACHE.computeIfAbsent(
                theme + "/" + colours,
                k ->
                        new Palette(
                                css(theme.tokens())
                                        + colours.overlay(theme).map(Palette::css).orElse("")));
    }

    /** The text of a stylesheet of tokens; later tokens of the same name win. */
    static String css(String name) {
        try (InputStream in = Palette.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Color token(String name) {
        return colors.getOrDefault(name, Color.MAGENTA);
    }

    public Color tone(Tone t) {
        return token(t.token());
    }

    public Color severity(Severity s) {
        return token("-sev-" + s.name().toLowerCase(Locale.ROOT));
    }

    /** The fill of a tile whose state is a last known one (stale): {@code t}, dimmed. */
    public Color staleFill(Tone t) {
        return role(t.token(), "stale-fill");
    }

    /** A component role derived from {@code hue}'s token: {@code <hue>-<role>}. */
    private Color role(String hue, String role) {
        return token(hue + "-" + role);
    }

    /** The halo around a map marker of state {@code s}. */
    public Color halo(Severity s) {
        return role("-sev-" + s.name().toLowerCase(Locale.ROOT), "halo");
    }
}
