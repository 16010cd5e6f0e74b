package io.rackscope.desktop.ui;

import java.nio.file.Path;

/**
 * How the app was asked to open: the configuration, kiosk mode, a Prometheus URL that overrides the
 * configuration's (the demo's), and a notice to show from the start (why states are UNKNOWN).
 */
public record LaunchOptions(Path config, boolean kiosk, int screen, String prometheusUrl, String notice) {
    public static LaunchOptions of(Path config, boolean kiosk) {
        return new LaunchOptions(config, kiosk, 0, null, null);
    }

    public LaunchOptions withPrometheus(String url) {
        return new LaunchOptions(config, kiosk, screen, url, notice);
    }

    public LaunchOptions withNotice(String text) {
        return new LaunchOptions(config, kiosk, screen, prometheusUrl, text);
    }
}
