package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class DesktopAppTest {
    @Test
    void theWindowsIconIsFoundWhereverTheAppClassLives() throws Exception {
        try (InputStream icon = DesktopApp.icon()) {
            assertNotNull(icon, "a missing icon stops the window from opening at all");
        }
    }
}
