package io.rackscope.desktop.ui;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.kiosk.KioskController;
import io.rackscope.desktop.ui.kiosk.PlaylistViewModel;
import io.rackscope.desktop.ui.shell.MainView;
import io.rackscope.desktop.ui.wallboard.WallboardView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Kiosk mode on a configuration with a playlist, a one-second idle cursor and CRIT jumps. */
@ExtendWith(ApplicationExtension.class)
class KioskTest {
    Stage stage;
    Scene scene;
    AppContext ctx;
    HealthFeed feed;
    Snapshots snapshots;
    KioskController kiosk;
    MainView main;
    final AtomicInteger exits = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ConfigFixture.copyOfBundled(Files.createTempDirectory("kiosk"));
        Path app = dir.resolve("app.yaml");
        String yaml =
                ConfigFixture.read(app).replaceAll("(?s)\\nplaylist:.*", "\n")
                        + "playlist:\n  interval_seconds: 10\n  views: [world, \"room:hall-a\", \"wallboard:fra1\", \"room:nowhere\"]\n"
                        + "kiosk:\n  hide_cursor_seconds: 1\n  jump_to_crit_seconds: 20\n  exit_key: Ctrl+Shift+Q\n  scale: 1.25\n";
        ConfigFixture.write(app, yaml);
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        assertEquals(0, cfg.diagnostics().errors().size(), cfg.diagnostics().errors().toString());
        snapshots = new Snapshots(cfg);
        feed = new HealthFeed(null, Runnable::run);
        ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        feed.publish(snapshots.at(1));
        main = ViewFactory.main(ctx, "", null);
        scene = new Scene(main.node(), 1200, 760);
        Theme.DARK.applyTo(scene);
        main.install(scene);
        this.stage = stage;
        stage.setScene(scene);
        stage.show();
        kiosk = ViewFactory.kiosk(ctx, exits::incrementAndGet);
        kiosk.install(stage, scene, main, 0);
        kiosk.stop(); // the tests tick the playlist themselves; the one-second clock would race
        // them
    }

    @Test
    void fullScreenAndNoWayOutButTheKeyPressedTwice(FxRobot robot) {
        assertTrue(stage.isFullScreen());
        robot.interact(
                () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(stage.isShowing(), "closing the window is ignored");
        robot.type(KeyCode.ESCAPE);
        assertTrue(stage.isFullScreen(), "Escape is ignored");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q)
                .release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(0, exits.get(), "one press only asks for confirmation");
        assertTrue(robot.lookup("#kiosk-message").queryAs(Label.class).getText().contains("again"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q)
                .release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(1, exits.get());
    }

    @Test
    void playlistRotatesWithACountdownAndSkipsUnknownViews(FxRobot robot) {
        PlaylistViewModel playlist = kiosk.playlist();
        assertEquals(3, playlist.views().size(), playlist.views() + " " + playlist.problems());
        assertTrue(playlist.problems().get(0).contains("room:nowhere"));
        assertTrue(
                robot.lookup("#kiosk-message")
                        .queryAs(Label.class)
                        .getText()
                        .contains("room:nowhere"),
                "shown as a banner");
        assertEquals(Place.WORLD, ctx.navigation().current());
        robot.interact(
                () -> {
                    for (int i = 0; i < 9; i++) {
                        playlist.tick();
                    }
                });
        assertEquals(Place.WORLD, ctx.navigation().current());
        assertTrue(
                robot.lookup("#playlist-countdown")
                        .queryAs(Label.class)
                        .getText()
                        .contains("in 1 s"));
        robot.interact(playlist::tick);
        assertEquals(Place.of(Place.Kind.ROOM, "fra1/hall-a"), ctx.navigation().current());
        assertEquals(
                "Frankfurt FRA1 › Hall A - Compute",
                robot.lookup("#kiosk-where").queryAs(Label.class).getText(),
                "the kiosk bar names the view by its titles, not its id");
        assertTrue(
                robot.lookup("#kiosk-clock")
                        .queryAs(Label.class)
                        .getText()
                        .matches("\\d\\d:\\d\\d:\\d\\d"));
        robot.interact(
                () -> {
                    for (int i = 0; i < 10; i++) {
                        playlist.tick();
                    }
                });
        assertTrue(main.currentView() instanceof WallboardView);
    }

    @Test
    void aNewCritTakesTheScreenAndHoldsIt(FxRobot robot) {
        robot.interact(
                () ->
                        feed.publish(
                                snapshots.at(2, problem("node_up", "cn0165", Severity.CRIT, 0))));
        assertEquals(Place.of(Place.Kind.RACK, "fra1-a01-r03"), ctx.navigation().current());
        robot.interact(
                () -> {
                    for (int i = 0; i < 15; i++) {
                        kiosk.playlist().tick();
                    }
                });
        assertEquals(
                Place.of(Place.Kind.RACK, "fra1-a01-r03"),
                ctx.navigation().current(),
                "still holding");
        robot.interact(
                () -> {
                    for (int i = 0; i < 20; i++) {
                        kiosk.playlist().tick();
                    }
                });
        assertFalse(
                ctx.navigation().current().kind() == Place.Kind.RACK,
                "rotation resumed: "
                        + ctx.navigation().current()
                        + " "
                        + kiosk.playlist().captionProperty().get());
    }

    @Test
    void idleCursorHides(FxRobot robot) throws Exception {
        robot.moveTo(stage.getX() + 300, stage.getY() + 300);
        assertEquals(Cursor.DEFAULT, scene.getCursor());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.getCursor() == Cursor.NONE);
        robot.moveBy(20, 20);
        assertEquals(Cursor.DEFAULT, scene.getCursor());
    }
}
