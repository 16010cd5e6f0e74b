package io.rackscope.desktop.app;

import java.nio.file.Path;

/**
 * How the app was asked to open: the configuration, kiosk mode on a monitor ({@code screen} -1: as
 * configured), a Prometheus URL that overrides the configuration's (the demo's), a notice to show
 * from the start (why states are UNKNOWN), and the view to open on (null: the world, or the
 * playlist's first in kiosk mode).
 */
public record LaunchOptions(
        Path config, boolean kiosk, int screen, String prometheusUrl, String notice, String view) {
    public static LaunchOptions of(Path config, boolean kiosk) {
        return new LaunchOptions(config, kiosk, -1, null, null, null);
    }

    public LaunchOptions withPrometheus(String url) {
        return new LaunchOptions(config, kiosk, screen, url, notice, view);
    }

    public LaunchOptions withNotice(String text) {
        return new LaunchOptions(config, kiosk, screen, prometheusUrl, text, view);
    }
}
