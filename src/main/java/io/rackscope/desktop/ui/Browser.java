package io.rackscope.desktop.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;

/**
 * Opens a link in the user's browser, off the FX thread; where no browser can be started the link
 * is put on the clipboard instead.
 */
final class Browser {
    private Browser() {}

    static void open(String url) {
        Thread t =
                new Thread(
                        () -> {
                            if (!browse(url)) {
                                javafx.application.Platform.runLater(() -> HandleMenu.copy(url));
                            }
                        },
                        "open-link");
        t.setDaemon(true);
        t.start();
    }

    private static boolean browse(String url) {
        try {
            if (Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return true;
            }
            new ProcessBuilder("xdg-open", url).start();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
