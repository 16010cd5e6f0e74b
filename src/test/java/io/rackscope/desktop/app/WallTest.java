package io.rackscope.desktop.app;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Snapshots;
import io.rackscope.desktop.ui.shell.MainView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One process, a whole wall: three screens of {@code kiosk.screens} open, each its own full-screen
 * window and place, all fed by one health feed (one planner); only the jump screen jumps to a new
 * CRIT.
 */
@ExtendWith(ApplicationExtension.class)
class WallTest {
    HealthFeed feed;
    Snapshots snapshots;
    List<Wall.Screen> wall;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ConfigFixture.copyOfBundled(Files.createTempDirectory("wall"));
        Path app = dir.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app).replaceAll("(?s)\\nkiosk:.*", "\n")
                        + "kiosk:\n  jump_to_crit_seconds: 20\n  jump_screen: 2\n  screens:\n"
                        + "  - {screen: 0, playlist: [world, \"room:fra1/hall-a\"]}\n"
                        + "  - {screen: 1, view: \"wallboard:fra1\", scale: 1.5}\n"
                        + "  - {screen: 2, view: \"room:fra1/hall-a\"}\n");
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        assertEquals(0, cfg.diagnostics().errors().size(), cfg.diagnostics().errors().toString());
        snapshots = new Snapshots(cfg);
        feed = new HealthFeed(null, Runnable::run);
        feed.publish(snapshots.at(1));
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        MainView main = ViewFactory.main(ctx, "", null);
        Scene scene = new Scene(main.node(), 1200, 760);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
        wall = Wall.open(ctx, stage, scene, main, () -> {});
        wall.forEach(w -> w.kiosk().stop()); // the test ticks them itself
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> wall.stream().skip(1).forEach(w -> w.stage().close()));
    }

    @Test
    void eachScreenIsAFullScreenWindowOfItsOwnFedByOnePlanner(FxRobot robot) {
        assertEquals(3, wall.size());
        assertEquals(
                3,
                Window.getWindows().stream()
                        .filter(w -> w instanceof Stage s && s.isFullScreen())
                        .count());
        for (Wall.Screen w : wall) {
            assertSame(feed, w.ctx().health(), "one feed, one planner, for every screen");
        }
        assertEquals(
                Place.of(Place.Kind.WALLBOARD, "fra1"), wall.get(1).ctx().navigation().current());
        assertEquals(
                Place.of(Place.Kind.ROOM, "fra1/hall-a"), wall.get(2).ctx().navigation().current());
        assertEquals(
                io.rackscope.desktop.ui.Typography.scaled(1.5),
                wall.get(1).main().node().getStyle(),
                "its own scale");
        assertEquals(
                io.rackscope.desktop.ui.Typography.scaled(1),
                wall.get(2).main().node().getStyle(),
                "the kiosk's");
        robot.interact(
                () ->
                        feed.publish(
                                snapshots.at(2, problem("node_up", "cn0165", Severity.CRIT, 0))));
        assertEquals(
                Place.of(Place.Kind.RACK, "fra1-a01-r03"),
                wall.get(2).ctx().navigation().current(),
                "the jump screen takes the new CRIT");
        assertEquals(
                Place.of(Place.Kind.WALLBOARD, "fra1"),
                wall.get(1).ctx().navigation().current(),
                "the others keep what they show");
        assertTrue(wall.get(0).ctx().navigation().current().kind() != Place.Kind.RACK);
        assertEquals(1, wall.get(2).main().toasts().shown().size(), "toasted on the jump screen");
        assertEquals(0, wall.get(0).main().toasts().shown().size(), "once for the whole wall");
        assertEquals(0, wall.get(1).main().toasts().shown().size());
        robot.interact(() -> wall.get(1).kiosk().playlist().tick());
        assertEquals("", wall.get(1).kiosk().playlist().captionProperty().get(), "one view stays");
    }
}
