package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Theme;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What the user chose is there again in the next session, and gone after a reset. */
@ExtendWith(ApplicationExtension.class)
class UserSettingsTest {
    Stage stage;
    final Preferences node = scratch();

    /** A settings node of its own for one test, under a test root (never the user's). */
    static Preferences scratch() {
        return Preferences.userRoot().node("io/rackscope/desktop-tests/" + UUID.randomUUID());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        if (Preferences.userRoot().nodeExists(node.absolutePath())) {
            node.removeNode();
        }
    }

    private DesktopSession open(FxRobot robot, LaunchOptions options) {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        DesktopSession[] session = new DesktopSession[1];
        robot.interact(
                () -> {
                    session[0] =
                            new DesktopSession(
                                    cfg,
                                    options,
                                    Clock.systemUTC(),
                                    new UserSettings(node),
                                    new EditingService(cfg, false, EditingService.Window.NONE),
                                    null);
                    Scene scene = new Scene(new StackPane(), 1200, 800);
                    stage.setScene(scene);
                    stage.show();
                    session[0].show(stage, scene, options);
                });
        return session[0];
    }

    private static LaunchOptions options() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return LaunchOptions.of(Path.of("config"), false)
                    .withPrometheus("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    @Test
    void theNextSessionOpensAsTheLastOneWasLeft(FxRobot robot) throws Exception {
        LaunchOptions options = options();
        DesktopSession first = open(robot, options);
        Place rack = Place.of(Place.Kind.RACK, "fra1-a01-r03");
        robot.interact(
                () -> {
                    AppContext ctx = first.context();
                    ctx.options().themeProperty().set(Theme.LIGHT);
                    ctx.options().mutedProperty().set(true);
                    ctx.options().alertFilterProperty().set("hall-a");
                    ctx.options().panelWidthProperty().set(480);
                    ctx.options().volumeProperty().set(0.25);
                    ctx.navigation().go(rack);
                    stage.setWidth(1111);
                    stage.setHeight(777);
                });
        robot.interact(first::close);
        DesktopSession second = open(robot, options);
        AppContext ctx = second.context();
        assertEquals(Theme.LIGHT, ctx.options().themeProperty().get());
        assertTrue(ctx.options().mutedProperty().get());
        assertEquals(0.25, ctx.options().volumeProperty().get(), 1e-9);
        assertEquals("hall-a", ctx.options().alertFilterProperty().get());
        assertEquals(480, ctx.options().panelWidthProperty().get(), 1e-9);
        assertEquals(rack, ctx.navigation().current(), "the last view");
        assertEquals(1111, stage.getWidth(), 1);
        assertEquals(777, stage.getHeight(), 1);
        robot.interact(second::close);
        assertTrue(UserSettings.reset(node));
        DesktopSession third = open(robot, options);
        assertEquals(Theme.DARK, third.context().options().themeProperty().get(), "reset");
        assertFalse(third.context().options().mutedProperty().get());
        assertEquals(Place.WORLD, third.context().navigation().current());
        robot.interact(third::close);
    }

    @Test
    void aViewAskedForOnTheCommandLineWinsOverTheLastOne(FxRobot robot) throws Exception {
        node.put("view", "rack:fra1-a01-r03");
        LaunchOptions asked =
                new LaunchOptions(
                        Path.of("config"),
                        false,
                        -1,
                        options().prometheusUrl(),
                        null,
                        "room:fra1/hall-b");
        DesktopSession s = open(robot, asked);
        assertEquals(Place.of(Place.Kind.ROOM, "fra1/hall-b"), s.context().navigation().current());
        robot.interact(s::close);
    }
}
