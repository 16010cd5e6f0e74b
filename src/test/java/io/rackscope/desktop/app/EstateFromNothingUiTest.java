package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.room.RoomFloorView;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An admin builds a two-site estate from an empty directory in the app alone, as the README walks
 * through it: two sites on the map, a room, two aisles, a rack, a device template, a device dragged
 * from the palette; reviewed and saved; the loader and {@code check-config} read it. The views
 * along the way are written to {@code target/visual/walkthrough-*.png} (the README's pictures).
 */
@ExtendWith(ApplicationExtension.class)
public class EstateFromNothingUiTest {
    @TempDir Path dir;
    Stage stage;
    WindowSessions sessions;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (sessions != null) {
            robot.interact(() -> sessions.close());
        }
        EditModeUiTest.forgetFiredEvents(robot);
    }

    DesktopSession session() {
        return sessions.current();
    }

    @Test
    void aTwoSiteEstateIsBuiltFromAnEmptyDirectoryInTheAppAlone(FxRobot robot) throws Exception {
        Path root = dir.resolve("estate");
        Files.createDirectories(root);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        LaunchOptions options =
                LaunchOptions.of(root, false).withPrometheus("http://127.0.0.1:" + closedPort);
        RackscopeConfig empty = new ConfigLoader().load(root);
        sessions = EditModeUiTest.window(robot, stage, options, empty, Place.WORLD);
        robot.clickOn("#edit-toggle");

        // two sites, right-clicked on the map where they are
        addSite(robot, 50.11, 8.68, "fra1", "Frankfurt");
        addSite(robot, 53.35, -6.26, "dub1", "Dublin");
        shot(robot, "walkthrough-1-sites");

        // a room in the first
        go(robot, "site:fra1");
        menuAt(robot, session().main().currentView().node(), 200, 200);
        robot.clickOn("Add a room…");
        fill(robot, "hall-a", "Hall A");
        edited(robot, 2);

        // two aisles and a rack on its floor
        go(robot, "room:fra1/hall-a");
        menuAt(robot, currentCanvas(robot), 300, 300);
        robot.clickOn("Add an aisle…");
        fill(robot, "a01", "Aisle 1");
        edited(robot, 3);
        menuAt(robot, currentCanvas(robot), 300, 300);
        robot.clickOn("Add an aisle…");
        fill(robot, "a02", "Aisle 2");
        edited(robot, 4);
        Point2D row = floor().pointOfAisle("a01");
        menuAt(robot, currentCanvas(robot), row.getX(), row.getY());
        robot.clickOn("Add a rack to Aisle 1…");
        fill(robot, "r01");
        edited(robot, 5);
        shot(robot, "walkthrough-2-floor");

        // a device template, then a device dragged from the palette
        go(robot, "rack:r01");
        List<Node> slots = slots(robot);
        menuAt(robot, slots.get(20 - 1), 20, 5);
        robot.clickOn("New device template…");
        fill(robot, "twin-2u", "Twin 2U server", null, "2", "1", "2");
        edited(robot, 6);
        slots = slots(robot);
        robot.moveTo(robot.lookup("#palette-twin-2u").<Node>query())
                .press(MouseButton.PRIMARY)
                .moveBy(30, 0)
                .moveTo(centre(slots.get(10 - 1)))
                .release(MouseButton.PRIMARY);
        fill(robot, "n01", null, "fra1-n[01-02]");
        edited(robot, 6);
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "walkthrough-3-rack");
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}, {1440, 900}}) {
            for (io.rackscope.desktop.ui.Theme theme : io.rackscope.desktop.ui.Theme.values()) {
                robot.interact(
                        () -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            session().context().options().themeProperty().set(theme);
                        });
                String name =
                        "rack-edit-"
                                + theme.name().toLowerCase(java.util.Locale.ROOT)
                                + "-"
                                + size[0];
                shot(robot, name);
                javafx.geometry.Bounds palette =
                        robot.lookup("#rack-palette")
                                .query()
                                .localToScene(
                                        robot.lookup("#rack-palette").query().getBoundsInLocal());
                javafx.geometry.Bounds device =
                        robot.lookup("#device-n01")
                                .query()
                                .localToScene(
                                        robot.lookup("#device-n01").query().getBoundsInLocal());
                assertTrue(
                        palette.getMaxX() < device.getMinX(),
                        name + ": the palette beside the rack");
                assertTrue(palette.getMinY() >= 0 && palette.getMaxY() <= size[1], name);
            }
        }
        robot.interact(
                () ->
                        session()
                                .context()
                                .options()
                                .themeProperty()
                                .set(io.rackscope.desktop.ui.Theme.DARK));

        // reviewed and saved
        robot.clickOn("#edit-review");
        String diff =
                robot.lookup("#edit-diff").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(diff.contains("+++ b/topology/sites.yaml"), diff);
        robot.clickOn("Save");
        await(() -> summary(robot).equals("Edit mode: no unsaved change"), "saved");

        RackscopeConfig built = new ConfigLoader().load(root);
        assertFalse(built.hasErrors(), built.diagnostics().errors().toString());
        assertEquals(2, built.topology().sites().size());
        assertEquals(
                List.of("a01", "a02"),
                built.topology().site("fra1").orElseThrow().rooms().get(0).aisles().stream()
                        .map(a -> a.id())
                        .toList());
        var device = built.topology().device("n01").orElseThrow();
        assertEquals("r01", device.rackKey());
        assertEquals(10, device.uPosition());
        assertEquals(
                List.of("fra1-n01", "fra1-n02"),
                device.instances().stream().map(i -> i.instanceId()).toList());
        io.rackscope.desktop.cli.CliRun check =
                io.rackscope.desktop.cli.CliRun.of("check-config", "--config", root.toString());
        assertTrue(check.out().contains("0 error(s)"), check.out() + check.err());
    }

    /** A site added where the map shows {@code lat, lon}, from the map's right-click. */
    private void addSite(FxRobot robot, double lat, double lon, String id, String name)
            throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        io.rackscope.desktop.ui.world.WorldView map =
                (io.rackscope.desktop.ui.world.WorldView) session().main().currentView();
        Point2D at = map.pointOf(lat, lon);
        menuAt(robot, map.canvas(), at.getX(), at.getY());
        robot.clickOn(menuItemStartingWith(robot, "Add a site here"));
        fill(robot, id, name);
        edited(robot, 1);
        var site = sessions.current().context().config().topology().site(id).orElseThrow();
        assertEquals(lat, site.location().lat(), 1.5, "placed where right-clicked");
        assertEquals(lon, site.location().lon(), 1.5, "placed where right-clicked");
    }

    private RoomFloorView floor() {
        return (RoomFloorView) session().main().currentView();
    }

    private Node currentCanvas(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(session().main().currentView().node())
                .lookup(
                        (java.util.function.Predicate<Node>)
                                n -> n instanceof javafx.scene.canvas.Canvas)
                .query();
    }

    private void go(FxRobot robot, String place) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> session().context().navigation().go(Place.parse(place).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Node> slots(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".u-empty").queryAll().stream().filter(Node::isVisible).toList();
    }

    /** Right-click at {@code x, y} of {@code n}, as the platform asks for its menu. */
    private static void menuAt(FxRobot robot, Node n, double x, double y) {
        robot.interact(
                () -> {
                    Point2D at = n.localToScreen(x, y);
                    // an event's x and y are the scene's; the node gets them as its own
                    Point2D inScene = n.localToScene(x, y);
                    n.fireEvent(
                            new ContextMenuEvent(
                                    ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                    inScene.getX(),
                                    inScene.getY(),
                                    at.getX(),
                                    at.getY(),
                                    false,
                                    null));
                });
    }

    private static Node menuItemStartingWith(FxRobot robot, String start) {
        return robot.lookup(
                        (java.util.function.Predicate<Node>)
                                n ->
                                        n instanceof javafx.scene.control.Labeled l
                                                && l.getText() != null
                                                && l.getText().startsWith(start))
                .query();
    }

    /** The dialog's fields in order ({@code null}: left as offered), then OK. */
    private static void fill(FxRobot robot, String... values) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(
                () -> {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null) {
                            continue;
                        }
                        Node f = robot.lookup("#edit-field-" + i).query();
                        if (f instanceof TextField t) {
                            t.setText(values[i]);
                        } else {
                            @SuppressWarnings("unchecked")
                            ComboBox<String> c = (ComboBox<String>) f;
                            c.setValue(values[i]);
                        }
                    }
                });
        robot.clickOn(
                robot.lookup(".dialog-pane .button")
                        .match(LabeledMatchers.hasText("OK"))
                        .queryAs(Node.class));
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#edit-summary").queryAs(Label.class).getText();
    }

    /** Waits for the edit bar to count {@code files} changed files (the edit shown). */
    private static void edited(FxRobot robot, int files) throws InterruptedException {
        String want = "Edit mode: " + files + (files == 1 ? " file" : " files") + " changed";
        await(
                () -> summary(robot).startsWith(want),
                () ->
                        want
                                + "; the bar says: "
                                + robot.lookup("#edit-message").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D centre(Node n) {
        javafx.geometry.Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private void shot(FxRobot robot, String name) throws Exception {
        shot(stage, name);
    }

    /** {@code stage}'s scene, as drawn, to {@code target/visual/NAME.png}. */
    public static void shot(Stage stage, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(Path.of("target", "visual"));
        javafx.scene.image.WritableImage image =
                WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        javax.imageio.ImageIO.write(
                javafx.embed.swing.SwingFXUtils.fromFXImage(image, null),
                "png",
                Path.of("target", "visual", name + ".png").toFile());
    }

    static void await(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        EditModeUiTest.await(condition, what);
    }

    static void await(
            java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        EditModeUiTest.await(condition, what);
    }
}
