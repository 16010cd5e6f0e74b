package io.rackscope.desktop.ui;

import javafx.scene.Scene;

/** The two themes; one stylesheet of tokens each, one structural stylesheet shared. */
public enum Theme {
    DARK("theme-dark.css"),
    LIGHT("theme-light.css");

    private final String tokens;

    Theme(String tokens) {
        this.tokens = tokens;
    }

    public void applyTo(Scene scene) {
        applyTo(scene, false);
    }

    /**
     * Its tokens, with the colour-vision-safe severity tokens over them when {@code safe}, then the
     * structural stylesheet.
     */
    public void applyTo(Scene scene, boolean safe) {
        if (safe) {
            scene.getStylesheets().setAll(url(tokens), url(safeTokens()), url("rackscope.css"));
        } else {
            scene.getStylesheets().setAll(url(tokens), url("rackscope.css"));
        }
    }

    /** The stylesheet of this theme's colour-vision-safe severity tokens. */
    String safeTokens() {
        return "palette-safe-" + name().toLowerCase(java.util.Locale.ROOT) + ".css";
    }

    String tokens() {
        return tokens;
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    public static Theme parse(String text) {
        return text != null && text.trim().equalsIgnoreCase("light") ? LIGHT : DARK;
    }

    private static String url(String name) {
        return Theme.class.getResource(name).toExternalForm();
    }
}
