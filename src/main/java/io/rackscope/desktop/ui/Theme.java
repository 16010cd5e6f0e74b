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
        applyTo(scene, ColourScheme.STANDARD);
    }

    /** Its tokens, {@code colours}' over them, then the structural stylesheet. */
    public void applyTo(Scene scene, ColourScheme colours) {
        java.util.List<String> sheets = new java.util.ArrayList<>();
        sheets.add(url(tokens));
        colours.overlay(this).ifPresent(o -> sheets.add(url(o)));
        sheets.add(url("rackscope.css"));
        scene.getStylesheets().setAll(sheets);
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
