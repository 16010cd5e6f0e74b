package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.library.TemplateEditorViewModel;
import io.rackscope.desktop.ui.room.RoomFloorView;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Edit mode driven as an admin would: the Edit button, a rack dragged on the floor, the review of
 * the diff, Save writing exactly that file and the window reloading; undo by Ctrl+Z.
 */
@ExtendWith(ApplicationExtension.class)
class EditModeUiTest {
    static final String AISLE =
            "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/aisle.yaml";

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
        forgetFiredEvents(robot);
    }

    /**
     * TestFX keeps every event fired while a test runs, and an event keeps its target: every window
     * the edits opened would stay in the heap of the test JVM. Not the app's: dropped here.
     */
    static void forgetFiredEvents(FxRobot robot) {
        robot.interact(
                () -> {
                    try {
                        java.lang.reflect.Field fired =
                                org.testfx.api.FxToolkitContext.class.getDeclaredField(
                                        "firedEvents");
                        fired.setAccessible(true);
                        ((org.testfx.service.support.FiredEvents)
                                        fired.get(org.testfx.api.FxToolkit.toolkitContext()))
                                .clearEvents();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    Path open(FxRobot robot) throws IOException, InterruptedException {
        return open(robot, "simple-room", "room:my-lab/server-room");
    }

    Path open(FxRobot robot, String example, String place)
            throws IOException, InterruptedException {
        Path source = Path.of("../shared/rackscope-examples/" + example);
        Path root = dir.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = root.resolve(source.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t);
            }
        }
        RackscopeConfig cfg = new ConfigLoader().load(root);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        LaunchOptions options =
                LaunchOptions.of(root, false).withPrometheus("http://127.0.0.1:" + closedPort);
        sessions = window(robot, stage, options, cfg, Place.parse(place).orElseThrow());
        return root;
    }

    DesktopSession session() {
        return sessions.current();
    }

    /**
     * The window as the app opens it, on {@code cfg} at {@code place}, 1440x900 in the dark theme,
     * once its first cycle (against a closed port: a banner above the view) is shown: before any
     * drag.
     */
    static WindowSessions window(
            FxRobot robot, Stage stage, LaunchOptions options, RackscopeConfig cfg, Place place)
            throws InterruptedException {
        WindowSessions[] sessions = new WindowSessions[1];
        robot.interact(
                () -> {
                    Scene scene = new Scene(new StackPane(), 1440, 900);
                    // as the app does before the session shows
                    io.rackscope.desktop.ui.Theme.DARK.applyTo(scene);
                    stage.setScene(scene);
                    // the stage is shared by the tests: another may have sized it otherwise
                    stage.setWidth(1440);
                    stage.setHeight(900);
                    stage.show();
                    sessions[0] =
                            new WindowSessions(
                                    stage,
                                    scene,
                                    options,
                                    Clock.systemUTC(),
                                    () -> new UserSettings(UserSettingsTest.scratch()));
                    sessions[0].open(cfg);
                    sessions[0].current().context().navigation().go(place);
                });
        await(() -> sessions[0].current().context().health().current().version() >= 1, "a cycle");
        return sessions[0];
    }

    RoomFloorView floor() {
        return (RoomFloorView) session().main().currentView();
    }

    String summary(FxRobot robot) {
        return robot.lookup("#edit-summary").queryAs(Label.class).getText();
    }

    void dragRack04BeforeRack01(FxRobot robot) {
        Point2D from = floor().screenCentreOf("rack-04");
        Rectangle2D first = floor().tileOf("rack-01");
        Point2D to =
                floor().canvas()
                        .localToScreen(
                                first.getMinX() + 1, first.getMinY() + first.getHeight() / 2);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
    }

    @Test
    void aRackDraggedOnTheFloorIsReviewedSavedAndTheWindowReloads(FxRobot robot) throws Exception {
        Path root = open(robot);
        String before = Files.readString(root.resolve(AISLE));
        Node bar = robot.lookup("#edit-bar").query();
        assertFalse(bar.isVisible(), "no edit bar before Edit mode");
        robot.clickOn("#edit-toggle");
        assertTrue(bar.isVisible());
        assertTrue(robot.lookup("#edit-toggle").queryAs(ToggleButton.class).isSelected());
        dragRack04BeforeRack01(robot);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the move counted");
        assertEquals(before, Files.readString(root.resolve(AISLE)), "nothing written yet");
        robot.clickOn("#edit-review");
        String diff = robot.lookup("#edit-diff").queryAs(TextArea.class).getText();
        assertTrue(diff.contains("+  - id: rack-04\n   - id: rack-01\n"), diff);
        assertTrue(diff.contains("-  - id: rack-04\n"), diff);
        DesktopSession edited = session();
        robot.clickOn("Save");
        await(
                () -> session() != edited && summary(robot).equals("Edit mode: no unsaved change"),
                "saved, the window opened again on the files");
        assertEquals(
                "id: main-aisle\nname: Server Aisle\n\nracks:\n  - id: rack-04\n  - id: rack-01\n"
                        + "  - id: rack-02\n  - id: rack-03\n",
                Files.readString(root.resolve(AISLE)));
    }

    @Test
    void theFloorShowsAnEditBeforeItIsSavedAndUndoPutsItBack(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#edit-toggle");
        assertTrue(floor().tileOf("rack-01").getMinX() < floor().tileOf("rack-04").getMinX());
        DesktopSession before = session();
        dragRack04BeforeRack01(robot);
        await(
                () ->
                        session() != before
                                && floor().tileOf("rack-04").getMinX()
                                        < floor().tileOf("rack-01").getMinX(),
                "rack-04 shown first in its aisle, not saved");
        assertTrue(robot.lookup("#edit-bar").query().isVisible(), "still in Edit mode");
        assertEquals("Edit mode: 1 file changed, shown, not saved", summary(robot));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await(
                () ->
                        floor().tileOf("rack-01").getMinX() < floor().tileOf("rack-04").getMinX()
                                && summary(robot).equals("Edit mode: no unsaved change"),
                "undone: rack-04 back at the end");
    }

    @Test
    void windowsOpenedAgainOnEditsDoNotPileUp(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#edit-toggle");
        List<java.lang.ref.WeakReference<DesktopSession>> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(new java.lang.ref.WeakReference<>(session()));
            dragRack04BeforeRack01(robot);
            await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the move shown");
            seen.add(new java.lang.ref.WeakReference<>(session()));
            robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
            await(() -> summary(robot).equals("Edit mode: no unsaved change"), "undone");
        }
        robot.moveTo(floor().screenCentreOf("rack-02")).moveBy(5, 5);
        // TestFX keeps every event fired in the test, and an event keeps its target: not the app's
        forgetFiredEvents(robot);
        // every window but the one shown is closed: the collector is asked until at most one of
        // them is left (JavaFX keeps the node a tooltip was last shown for until the next), or 10 s
        Instant deadline = Instant.now().plusSeconds(10);
        java.util.function.IntSupplier alive =
                () ->
                        (int)
                                seen.stream()
                                        .filter(w -> w.get() != null && w.get() != session())
                                        .count();
        while (alive.getAsInt() > 1 && Instant.now().isBefore(deadline)) {
            System.gc();
            Thread.sleep(50);
        }
        if (alive.getAsInt() > 1 && System.getProperty("leak.dump") != null) {
            java.lang.management.ManagementFactory.getPlatformMXBean(
                            com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(System.getProperty("leak.dump"), true);
        }
        assertTrue(alive.getAsInt() <= 1, alive.getAsInt() + " of 8 closed windows still held");
    }

    @Test
    void ctrlZUndoesTheLastEditAndDoneLeavesEditMode(FxRobot robot) throws Exception {
        Path root = open(robot);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        assertTrue(robot.lookup("#edit-bar").query().isVisible(), "Ctrl+E: Edit mode");
        dragRack04BeforeRack01(robot);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the move counted");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await(() -> summary(robot).equals("Edit mode: no unsaved change"), "undone");
        robot.clickOn("#edit-done");
        assertFalse(robot.lookup("#edit-bar").query().isVisible());
        assertTrue(
                Files.readString(root.resolve(AISLE)).contains("  - id: rack-01\n  - id: rack-02"));
    }

    @Test
    void aFileAColleagueSavedMeanwhileIsNotOverwrittenAndTheBarSaysWhich(FxRobot robot)
            throws Exception {
        Path root = open(robot);
        robot.clickOn("#edit-toggle");
        dragRack04BeforeRack01(robot);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the move counted");
        String colleague = Files.readString(root.resolve(AISLE)) + "# checked by bob\n";
        Files.writeString(root.resolve(AISLE), colleague);
        robot.clickOn("#edit-review");
        robot.clickOn("Save");
        await(
                () ->
                        robot.lookup("#edit-message")
                                .queryAs(Label.class)
                                .getText()
                                .startsWith("not saved: " + AISLE + ": changed on disk"),
                "the refusal said");
        assertEquals(colleague, Files.readString(root.resolve(AISLE)), "bob's save stands");
    }

    @Test
    void aDeviceIsAddedAtAFreeUFromTheRacksRightClick(FxRobot robot) throws Exception {
        Path root = open(robot);
        robot.interact(
                () ->
                        session()
                                .context()
                                .navigation()
                                .go(Place.parse("rack:rack-03").orElseThrow()));
        robot.clickOn("#edit-toggle");
        // the free U 30 of the front: slots are laid from U 1 up
        Node slot =
                robot.lookup(".u-empty").queryAll().stream()
                        .filter(n -> n.isVisible())
                        .toList()
                        .get(30 - 1);
        // Monocle makes no menu request of a right click: it is asked as the platform would
        robot.interact(
                () -> {
                    var at = slot.localToScreen(20, 5);
                    slot.fireEvent(
                            new javafx.scene.input.ContextMenuEvent(
                                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                    20,
                                    5,
                                    at.getX(),
                                    at.getY(),
                                    false,
                                    null));
                });
        robot.clickOn("Add a device at U 30 (front)…");
        robot.lookup("#edit-field-0").queryAs(javafx.scene.control.TextField.class);
        robot.interact(
                () -> {
                    robot.lookup("#edit-field-0")
                            .queryAs(javafx.scene.control.TextField.class)
                            .setText("sw-30");
                    robot.lookup("#edit-field-2")
                            .queryAs(javafx.scene.control.TextField.class)
                            .setText("cn[0001-0002]");
                });
        assertTrue(
                robot.lookup("#edit-preview").queryAs(Label.class).getText().startsWith("2 nodes"),
                "the instance previewed");
        // the legend says OK too: the dialog's button
        robot.clickOn(
                robot.lookup(".dialog-pane .button")
                        .match(org.testfx.matcher.control.LabeledMatchers.hasText("OK"))
                        .queryAs(Node.class));
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the device added");
        robot.clickOn("#edit-review");
        String diff = robot.lookup("#edit-diff").queryAs(TextArea.class).getText();
        assertTrue(diff.contains("+  - id: sw-30\n"), diff);
        assertTrue(diff.contains("+    u_position: 30\n"), diff);
        robot.clickOn("Save");
        await(() -> summary(robot).equals("Edit mode: no unsaved change"), "saved, reloaded");
        String rack =
                Files.readString(
                        root.resolve(
                                "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-03.yaml"));
        assertTrue(rack.contains("    instance: cn[0001-0002]\n"), rack);
    }

    @Test
    void aDeviceDraggedUpItsFaceMovesThere(FxRobot robot) throws Exception {
        Path root = open(robot);
        robot.interact(
                () ->
                        session()
                                .context()
                                .navigation()
                                .go(Place.parse("rack:rack-01").orElseThrow()));
        robot.clickOn("#edit-toggle");
        List<Node> slots =
                robot.lookup(".u-empty").queryAll().stream().filter(Node::isVisible).toList();
        Node device = robot.lookup("#device-srv-01").query();
        Point2D from = centre(device);
        Point2D to = new Point2D(from.getX(), centre(slots.get(10 - 1)).getY());
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the device moved");
        robot.clickOn("#edit-review");
        String diff = robot.lookup("#edit-diff").queryAs(TextArea.class).getText();
        assertTrue(diff.contains("-    u_position: 1\n+    u_position: 10\n"), diff);
        robot.clickOn("Cancel");
        assertTrue(
                Files.readString(
                                root.resolve(
                                        "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-01.yaml"))
                        .contains("    u_position: 1\n"),
                "nothing written before Save");
    }

    /** Asks {@code n} for its menu as the platform would (Monocle makes no request of a click). */
    static void menuOf(FxRobot robot, Node n) {
        robot.interact(
                () -> {
                    var at = n.localToScreen(20, 5);
                    n.fireEvent(
                            new javafx.scene.input.ContextMenuEvent(
                                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                    20,
                                    5,
                                    at.getX(),
                                    at.getY(),
                                    false,
                                    null));
                });
    }

    @Test
    void aDeviceCopiedInOneRackIsPastedAtAFreeUOfAnother(FxRobot robot) throws Exception {
        Path root = open(robot);
        robot.interact(
                () ->
                        session()
                                .context()
                                .navigation()
                                .go(Place.parse("rack:rack-01").orElseThrow()));
        robot.clickOn("#edit-toggle");
        menuOf(robot, robot.lookup("#device-srv-02").query());
        robot.clickOn("Copy (paste at a free U of any rack)");
        robot.interact(
                () ->
                        session()
                                .context()
                                .navigation()
                                .go(Place.parse("rack:rack-03").orElseThrow()));
        List<Node> slots =
                robot.lookup(".u-empty").queryAll().stream().filter(Node::isVisible).toList();
        menuOf(robot, slots.get(20 - 1));
        robot.clickOn("Paste a copy of server002 at U 20…");
        robot.interact(
                () ->
                        robot.lookup("#edit-field-0")
                                .queryAs(javafx.scene.control.TextField.class)
                                .setText("srv-20"));
        robot.clickOn(
                robot.lookup(".dialog-pane .button")
                        .match(org.testfx.matcher.control.LabeledMatchers.hasText("OK"))
                        .queryAs(Node.class));
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the copy pasted");
        robot.clickOn("#edit-review");
        String diff = robot.lookup("#edit-diff").queryAs(TextArea.class).getText();
        assertTrue(
                diff.contains(
                        "+  - id: srv-20\n+    name: srv-20\n+    template_id: simple-1u-server\n"
                                + "+    u_position: 20\n+    face: front\n"),
                diff);
        assertFalse(diff.contains("instance: server002"), "its nodes are not copied: " + diff);
        assertTrue(
                diff.contains("+    instance: server009\n"),
                "the next free node suggested: " + diff);
        robot.clickOn("Cancel");
    }

    void clickOk(FxRobot robot) {
        robot.clickOn(
                robot.lookup(".dialog-pane .button")
                        .match(org.testfx.matcher.control.LabeledMatchers.hasText("OK"))
                        .queryAs(Node.class));
    }

    /**
     * The window at each of {@code sizes} in both themes, written to {@code target/visual} as
     * {@code prefix-THEME-WIDTH.png}, with the control {@code mustFit} inside the window each time.
     */
    void shotsAtEverySize(FxRobot robot, String prefix, String mustFit, int[][] sizes)
            throws Exception {
        for (int[] size : sizes) {
            for (io.rackscope.desktop.ui.Theme theme : io.rackscope.desktop.ui.Theme.values()) {
                robot.interact(
                        () -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            session().context().options().themeProperty().set(theme);
                        });
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                String name =
                        prefix
                                + "-"
                                + theme.name().toLowerCase(java.util.Locale.ROOT)
                                + "-"
                                + size[0];
                EstateFromNothingUiTest.shot(stage, name);
                Node control = robot.lookup(mustFit).query();
                javafx.geometry.Bounds b = control.localToScene(control.getBoundsInLocal());
                assertTrue(b.getMaxX() <= size[0] && b.getMaxY() <= size[1], name + ": " + b);
            }
        }
    }

    /** The three window sizes every view is looked at in. */
    static final int[][] EVERY_SIZE = {{1280, 800}, {1440, 900}, {1920, 1080}};

    /** {@code button} (an editor's Apply) pressed: its one file changed, the diff reviewed. */
    String applied(FxRobot robot, String button) throws InterruptedException {
        robot.clickOn(button);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "applied");
        return review(robot);
    }

    String review(FxRobot robot) {
        // the window opens again on each edit: let it settle before looking for its parts
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#edit-review");
        String diff = robot.lookup("#edit-diff").queryAs(TextArea.class).getText();
        robot.clickOn("Cancel");
        return diff;
    }

    void goTo(FxRobot robot, String place) {
        robot.interact(() -> session().context().navigation().go(Place.parse(place).orElseThrow()));
    }

    @Test
    void aTemplateDraggedFromThePaletteOntoAFreeUAddsADeviceThere(FxRobot robot) throws Exception {
        open(robot);
        goTo(robot, "rack:rack-03");
        robot.clickOn("#edit-toggle");
        List<Node> slots =
                robot.lookup(".u-empty").queryAll().stream().filter(Node::isVisible).toList();
        Node item = robot.lookup("#palette-simple-1u-server").query();
        robot.moveTo(item)
                .press(MouseButton.PRIMARY)
                .moveBy(30, 0)
                .moveTo(centre(slots.get(3 - 1)))
                .moveTo(centre(slots.get(30 - 1)));
        String hint = robot.lookup("#rack-edit-hint").queryAs(Label.class).getText();
        robot.release(MouseButton.PRIMARY);
        assertTrue(hint.endsWith("at U 30 of the front"), hint);
        assertEquals(
                "simple-1u-server",
                robot.lookup("#edit-field-1")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getValue(),
                "the template dragged is chosen");
        assertEquals(
                "server009",
                robot.lookup("#edit-field-2")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText(),
                "the next free node of a device like it suggested");
        clickOk(robot);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the device added");
        String diff = review(robot);
        assertTrue(
                diff.contains("+    template_id: simple-1u-server\n+    u_position: 30\n"), diff);
    }

    @Test
    void aPduDraggedAlongItsRailMovesOnTheRackTemplate(FxRobot robot) throws Exception {
        open(robot, "full-datacenter", "rack:rack-admin");
        robot.clickOn("#edit-toggle");
        List<Node> slots =
                robot.lookup(".u-empty").queryAll().stream().filter(Node::isVisible).toList();
        // U 1 at the bottom of the rack, in sight
        robot.interact(
                () ->
                        robot.lookup(".scroll-pane")
                                .queryAllAs(javafx.scene.control.ScrollPane.class)
                                .forEach(p -> p.setVvalue(1)));
        Node pdu = robot.lookup("#rail-pdu-left").query();
        Point2D from = centre(pdu);
        assertEquals(
                centre(slots.get(0)).getY(), from.getY(), 2, "the PDU at U 1 lines up with U 1");
        robot.moveTo(from)
                .press(MouseButton.PRIMARY)
                .moveBy(0, -10)
                .moveTo(new Point2D(from.getX(), centre(slots.get(10 - 1)).getY()));
        robot.release(MouseButton.PRIMARY);
        await(
                () -> summary(robot).startsWith("Edit mode: 1 file changed"),
                () ->
                        "the PDU moved: "
                                + robot.lookup("#edit-message").queryAs(Label.class).getText());
        String diff = review(robot);
        assertTrue(diff.contains("--- a/templates/racks/standard-42u-air.yaml\n"), diff);
        assertTrue(diff.contains("           location: left\n+          u_position: 10\n"), diff);
    }

    @Test
    void aTemplatesIdIsChangedFromTheLibraryAndADeleteWaitsUntilNothingUsesIt(FxRobot robot)
            throws Exception {
        open(robot);
        goTo(robot, "library");
        robot.clickOn("#edit-toggle");
        robot.clickOn("Rack templates");
        javafx.scene.control.TableView<?> racks =
                robot.lookup("#library-racks").queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> racks.getSelectionModel().select(0));
        assertEquals(
                List.of("rack rack-01", "rack rack-02", "rack rack-03", "rack rack-04"),
                robot.lookup("#library-racks-users")
                        .queryAs(javafx.scene.control.ListView.class)
                        .getItems());
        assertEquals("library:racks:simple-42u", session().context().navigation().current().text());
        robot.clickOn("#rack-delete");
        clickOk(robot);
        await(
                () ->
                        robot.lookup("#edit-message")
                                .queryAs(Label.class)
                                .getText()
                                .contains("rack template 'simple-42u' is used by 4: rack rack-01"),
                "in use: refused, saying where");
        shotsAtEverySize(robot, "library", "#rack-rename", new int[][] {{1920, 1080}, {1440, 900}});
        robot.clickOn("#rack-rename");
        robot.interact(
                () ->
                        robot.lookup("#edit-field-0")
                                .queryAs(javafx.scene.control.TextField.class)
                                .setText("lab-42u"));
        clickOk(robot);
        await(() -> summary(robot).startsWith("Edit mode: 5 files changed"), "renamed everywhere");
        String diff = review(robot);
        assertTrue(diff.contains("-  - id: simple-42u\n+  - id: lab-42u\n"), diff);
        assertTrue(diff.contains("-template_id: simple-42u\n+template_id: lab-42u\n"), diff);
        assertEquals("library:racks:lab-42u", session().context().navigation().current().text());
    }

    @Test
    void aRackTemplatesComponentsAreEditedRowByRowAndAdded(FxRobot robot) throws Exception {
        open(robot, "homelab", "library:racks:rack-42u-air");
        TextArea yaml = robot.lookup("#rack-yaml").queryAs(TextArea.class);
        await(() -> yaml.getText().startsWith("id: rack-42u-air\n"), "the template read");
        robot.clickOn("#edit-toggle");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<TemplateEditorViewModel.PartRow> parts =
                robot.lookup("#rack-parts").queryAs(javafx.scene.control.TableView.class);
        assertEquals(4, parts.getItems().size());
        assertEquals("pdu-1phase", parts.getItems().get(0).value("template_id").get());
        robot.interact(() -> parts.getItems().get(0).value("u_position").set("30"));
        assertTrue(
                yaml.getText().contains("    location: left\n    u_position: 30\n"),
                yaml.getText());
        // a U that is not a number is refused, said, and the row shows what is written
        robot.interact(() -> parts.getItems().get(1).value("u_height").set("two"));
        assertEquals("", parts.getItems().get(1).value("u_height").get());
        robot.interact(
                () -> {
                    robot.lookup("#rack-parts-add").queryButton().fire();
                    TemplateEditorViewModel.PartRow fresh = parts.getItems().get(4);
                    fresh.value("template_id").set("pdu-1phase");
                    fresh.value("id").set("pdu-b");
                });
        await(
                () ->
                        yaml.getText()
                                .contains(
                                        "  - id: pdu-b\n"
                                                + "    template_id: pdu-1phase\n"
                                                + "    location: u-mount"),
                () -> "added: " + yaml.getText());
        assertEquals(5, parts.getItems().size());
        shotsAtEverySize(robot, "rack-template", "#rack-apply", EVERY_SIZE);
        String diff = applied(robot, "#rack-apply");
        assertTrue(diff.contains("+      u_position: 30\n"), diff);
        assertTrue(diff.contains("+    - id: pdu-b\n"), diff);
    }

    @Test
    void aTemplateInUseShowsTheStatesOfOneOfItsDevicesOnItsSlots(FxRobot robot) throws Exception {
        open(robot, "homelab", "library:devices:generic-1u-server");
        TextArea yaml = robot.lookup("#device-yaml").queryAs(TextArea.class);
        await(() -> yaml.getText().startsWith("id: generic-1u-server\n"), "the template read");
        robot.clickOn("Slots");
        Node slot = robot.lookup("#slot-layout-0-0").query();
        assertTrue(slot.getStyleClass().contains("sev"), "the slot shows its node's state");
        // nothing is known (Prometheus down): the node is UNKNOWN, never OK
        assertTrue(
                slot.getPseudoClassStates().stream()
                        .anyMatch(p -> p.getPseudoClassName().equals("unknown")),
                slot.getPseudoClassStates().toString());
    }

    @Test
    void aDeviceTemplatesSlotsAreSwappedByADragAndItsFieldsFollowTheText(FxRobot robot)
            throws Exception {
        open(robot, "homelab", "library:devices:generic-2u-quad");
        TextArea yaml = robot.lookup("#device-yaml").queryAs(TextArea.class);
        await(() -> yaml.getText().startsWith("id: generic-2u-quad\n"), "the template read");
        assertEquals(
                "2",
                robot.lookup("#device-u-height")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText());
        robot.clickOn("#edit-toggle");
        robot.clickOn("Slots");
        robot.drag("#slot-layout-0-0").dropTo("#slot-layout-1-1");
        await(
                () -> yaml.getText().contains("matrix: [[4, 2], [3, 1]]"),
                () -> "the slots swapped in the text: " + yaml.getText());
        // a click, then another: the same swap back
        robot.clickOn("#slot-layout-0-0").clickOn("#slot-layout-1-1");
        await(() -> yaml.getText().contains("matrix: [[1, 2], [3, 4]]"), "swapped back");
        robot.clickOn("#slot-layout-0-1").clickOn("#slot-layout-1-0");
        robot.interact(
                () ->
                        robot.lookup("#device-role")
                                .queryAs(javafx.scene.control.TextField.class)
                                .setText("hpc"));
        // the slots are the rack renderer's own cells, in a rack frame, front and rear
        Node cell = robot.lookup("#slot-layout-1-1").query();
        assertTrue(cell.getStyleClass().contains("node-cell"), cell.getStyleClass().toString());
        assertTrue(
                robot.lookup("#template-faces .rack-frame").queryAll().size() == 2,
                "front and rear each in a rack frame");
        // a drag let go away from every slot swaps nothing and leaves nothing picked
        robot.drag("#slot-layout-0-0").dropTo("#slots-how");
        robot.clickOn("#slot-layout-0-1");
        assertTrue(
                robot.lookup("#slot-layout-0-1").query().getStyleClass().contains("picked"),
                "a click picks");
        robot.clickOn("#slot-layout-0-1");
        assertTrue(yaml.getText().contains("matrix: [[1, 3], [2, 4]]"), yaml.getText());
        robot.interact(
                () -> {
                    robot.lookup("#device-rear-add").queryButton().fire();
                    var row =
                            (io.rackscope.desktop.ui.library.TemplateEditorViewModel.RearRow)
                                    robot.lookup("#device-rear")
                                            .queryAs(javafx.scene.control.TableView.class)
                                            .getItems()
                                            .get(0);
                    row.id.set("psu1");
                    row.type.set("psu");
                });
        assertTrue(
                yaml.getText().contains("rear_components: [{id: psu1, type: psu}]"),
                yaml.getText());
        robot.interact(
                () -> {
                    robot.lookup("#device-thresholds-add").queryButton().fire();
                    var row =
                            (TemplateEditorViewModel.ThresholdRow)
                                    robot.lookup("#device-thresholds")
                                            .queryAs(javafx.scene.control.TableView.class)
                                            .getItems()
                                            .get(0);
                    row.id.set("node_temperature");
                    row.warn.set("70");
                });
        assertTrue(
                yaml.getText().contains("display_thresholds:\n  node_temperature:\n    warn: 70"),
                yaml.getText());
        // a rear layout of two cells, numbered, then swapped by a drag on the rear face
        robot.interact(
                () -> {
                    robot.lookup("#slots-rear-layout-cols")
                            .queryAs(javafx.scene.control.Spinner.class)
                            .getValueFactory()
                            .setValue(2);
                    robot.lookup("#slots-rear-layout-renumber").queryButton().fire();
                });
        assertEquals(
                "1 PSU",
                ((Label)
                                ((javafx.scene.layout.StackPane)
                                                robot.lookup("#slot-rear-layout-0-0").query())
                                        .getChildren()
                                        .get(0))
                        .getText());
        robot.drag("#slot-rear-layout-0-0").dropTo("#slot-rear-layout-0-1");
        await(
                () -> yaml.getText().contains("[[2, 1]]"),
                () -> "the rear swapped in the text: " + yaml.getText());
        shotsAtEverySize(robot, "template-slots", "#slot-rear-layout-0-1", EVERY_SIZE);
        String diff = applied(robot, "#device-apply");
        assertTrue(diff.contains("-  role: compute\n+  role: hpc\n"), diff);
        assertTrue(diff.contains("+  rear_components: [{id: psu1, type: psu}]\n"), diff);
        assertTrue(diff.contains("+    matrix: [[1, 3], [2, 4]]\n"), diff);
        assertTrue(diff.contains("rear_layout"), diff);
    }

    @Test
    void aCheckEditedInTheFormFollowsInItsYamlIsAppliedAndTried(FxRobot robot) throws Exception {
        open(robot, "homelab", "library:checks:node_temp_warn");
        TextArea yaml = robot.lookup("#check-yaml").queryAs(TextArea.class);
        await(() -> yaml.getText().startsWith("id: node_temp_warn\n"), "the check's text read");
        javafx.scene.control.TextField forField =
                robot.lookup("#check-for").queryAs(javafx.scene.control.TextField.class);
        assertEquals("5m", forField.getText());
        robot.clickOn("#edit-toggle");
        robot.interact(() -> forField.setText("10m"));
        assertTrue(yaml.getText().contains("\nfor: 10m\n"), yaml.getText());
        robot.clickOn("#check-add-rule");
        assertTrue(
                yaml.getText().contains("- {op: \">\", value: 0, severity: WARN}"), yaml.getText());
        // typed in the YAML, read back into the form
        robot.interact(() -> yaml.setText(yaml.getText().replace("kind: server", "kind: thermal")));
        assertEquals(
                "thermal",
                robot.lookup("#check-kind")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText());
        robot.interact(() -> yaml.setText(yaml.getText() + "rules: [\n"));
        assertTrue(
                robot.lookup("#check-problem")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Not a check yet: line "),
                "broken text is said, with its line");
        assertTrue(
                robot.lookup("#check-apply")
                        .queryAs(javafx.scene.control.Button.class)
                        .isDisabled());
        robot.interact(() -> yaml.setText(yaml.getText().replace("rules: [\n", "")));
        shotsAtEverySize(
                robot,
                "check-editor",
                "#check-apply",
                new int[][] {{1920, 1080}, {1440, 900}, {1280, 800}});
        String diff = applied(robot, "#check-apply");
        assertTrue(diff.contains("-  kind: server\n+  kind: thermal\n"), diff);
        assertTrue(diff.contains("-  for: 5m\n+  for: 10m\n"), diff);
        // the window opened again on the edit shows the same check
        assertEquals(
                "library:checks:node_temp_warn", session().context().navigation().current().text());
        TextArea again = robot.lookup("#check-yaml").queryAs(TextArea.class);
        await(() -> again.getText().contains("\nfor: 10m\n"), "the edited text shown");
        robot.clickOn("#check-try");
        TextArea tried = robot.lookup("#trial-yaml").queryAs(TextArea.class);
        assertTrue(
                tried.getText().startsWith("checks:\n  - id: node_temp_warn\n"), tried.getText());
        assertTrue(tried.getText().contains("\n    for: 10m\n"), tried.getText());
        robot.interact(() -> tried.getScene().getWindow().hide());
    }

    @Test
    void aMetricsDisplayKeysAreFieldsItsYamlFollowsAndItsChartIsPreviewed(FxRobot robot)
            throws Exception {
        open(robot, "homelab", "library:metrics:node_temperature");
        TextArea yaml = robot.lookup("#metric-yaml").queryAs(TextArea.class);
        await(() -> yaml.getText().startsWith("id: node_temperature\n"), "the metric's text read");
        javafx.scene.control.TextField unit =
                robot.lookup("#metric-display-unit").queryAs(javafx.scene.control.TextField.class);
        assertEquals("°C", unit.getText());
        robot.clickOn("#edit-toggle");
        robot.interact(
                () ->
                        robot.lookup("#metric-display-thresholds-warn")
                                .queryAs(javafx.scene.control.TextField.class)
                                .setText("80"));
        assertTrue(yaml.getText().contains("  thresholds:\n    warn: 80\n"), yaml.getText());
        robot.interact(() -> yaml.setText(yaml.getText().replace("unit: °C", "unit: degC")));
        assertEquals("degC", unit.getText());
        robot.clickOn("Chart");
        robot.interact(
                () ->
                        robot.lookup("#metric-entity")
                                .queryAs(javafx.scene.control.ComboBox.class)
                                .setValue("compute-01"));
        robot.clickOn("#metric-preview");
        await(
                () ->
                        !robot.lookup("#metric-chart")
                                .queryAs(javafx.scene.layout.StackPane.class)
                                .getChildren()
                                .isEmpty(),
                () ->
                        "a chart drawn for the text as it stands: "
                                + robot.lookup("#metric-problem").queryAs(Label.class).getText());
        shotsAtEverySize(
                robot,
                "metric-editor",
                "#metric-apply",
                new int[][] {{1920, 1080}, {1440, 900}, {1280, 800}});
        String diff = applied(robot, "#metric-apply");
        assertTrue(diff.contains("-    unit: °C\n+    unit: degC\n"), diff);
        assertTrue(diff.contains("+    thresholds:\n+      warn: 80\n"), diff);
        assertEquals(
                "library:metrics:node_temperature",
                session().context().navigation().current().text());
    }

    @Test
    void theMapsDefaultViewIsPickedOnTheMap(FxRobot robot) throws Exception {
        open(robot, "homelab", "world");
        robot.clickOn("#edit-toggle");
        robot.clickOn("#zoom-in");
        robot.clickOn("#map-here");
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "written");
        String diff = review(robot);
        assertTrue(diff.contains("--- a/app.yaml\n"), diff);
        assertTrue(diff.contains("+    lat: "), diff);
        assertTrue(diff.contains("+  default_zoom: "), diff);
        io.rackscope.desktop.config.AppConfig.WorldMap map =
                session().context().config().app().map();
        assertTrue(map.centerLat() != null && map.defaultZoom() != null, map.toString());
    }

    @Test
    void settingsAreTestedBeforeTheyAreWrittenAndAppliedAsOneEdit(FxRobot robot) throws Exception {
        open(robot, "homelab", "settings");
        javafx.scene.control.TextField url =
                robot.lookup("#setting-telemetry-prometheus-url")
                        .queryAs(javafx.scene.control.TextField.class);
        await(() -> url.getText().equals("http://prometheus:9090"), "the settings read");
        assertTrue(
                robot.lookup("#settings-override")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("This window asks http://127.0.0.1:"),
                "the window asks the Prometheus given at launch, not app.yaml's: said");
        int closed = io.rackscope.desktop.it.PrometheusServer.freePort();
        robot.interact(() -> url.setText("http://127.0.0.1:" + closed));
        robot.clickOn("#settings-test-telemetry");
        Label result = robot.lookup("#settings-result-telemetry").queryAs(Label.class);
        await(
                () -> result.getText().startsWith("Not connected. Not answered: "),
                () -> "the test said why: " + result.getText());
        assertTrue(result.getText().contains("127.0.0.1:" + closed), result.getText());
        robot.clickOn("#edit-toggle");
        robot.interact(
                () ->
                        robot.lookup("#setting-refresh-room-state-seconds")
                                .queryAs(javafx.scene.control.TextField.class)
                                .setText("30"));
        shotsAtEverySize(
                robot,
                "settings",
                "#settings-apply",
                new int[][] {{1920, 1080}, {1440, 900}, {1280, 800}});
        robot.interact(
                () ->
                        robot.lookup("#settings-sites")
                                .queryAs(javafx.scene.control.TableView.class)
                                .getItems()
                                .forEach(
                                        r ->
                                                ((io.rackscope.desktop.ui.settings.SettingsViewModel
                                                                        .SiteRow)
                                                                r)
                                                        .url.set("http://127.0.0.1:" + closed)));
        robot.clickOn("Slurm");
        // below the Slurm settings, out of sight at this size: pressed as a keyboard user would
        robot.interact(() -> robot.lookup("#slurm-mapping-add").queryButton().fire());
        assertEquals(
                1,
                robot.lookup("#slurm-mapping")
                        .queryAs(javafx.scene.control.TableView.class)
                        .getItems()
                        .size());
        robot.interact(
                () -> {
                    javafx.scene.control.TableView<?> t =
                            robot.lookup("#slurm-mapping")
                                    .queryAs(javafx.scene.control.TableView.class);
                    var m =
                            (io.rackscope.desktop.ui.settings.SettingsViewModel.MappingRow)
                                    t.getItems().get(0);
                    m.slurm.set("n[01-02]");
                    m.instance.set("compute[01-02]");
                });
        EstateFromNothingUiTest.shot(stage, "settings-slurm");
        robot.clickOn("Links");
        robot.interact(
                () -> {
                    robot.lookup("#settings-links-add").queryButton().fire();
                    var t =
                            robot.lookup("#settings-links")
                                    .queryAs(javafx.scene.control.TableView.class);
                    var row =
                            (io.rackscope.desktop.ui.settings.SettingsViewModel.LinkRow)
                                    t.getItems().get(0);
                    row.name.set("Grafana");
                    row.url.set("https://grafana/d/node?var-instance={instance}&rack={rack}");
                });
        robot.clickOn("#settings-links-preview");
        Label filled = robot.lookup("#settings-links-filled").queryAs(Label.class);
        assertTrue(
                filled.getText().startsWith("Grafana: https://grafana/d/node?var-instance="),
                filled.getText());
        assertTrue(filled.getText().contains("&rack=rack-"), filled.getText());
        EstateFromNothingUiTest.shot(stage, "settings-links");
        robot.clickOn("#settings-apply");
        await(() -> summary(robot).startsWith("Edit mode: 2 files changed"), "applied");
        String diff = review(robot);
        assertTrue(
                diff.contains(
                        "{name: Grafana, url:"
                                + " \"https://grafana/d/node?var-instance={instance}&rack={rack}\"}"),
                diff);
        assertTrue(diff.contains("-  room_state_seconds: 60\n+  room_state_seconds: 30\n"), diff);
        assertTrue(diff.contains("+++ b/plugins/slurm/node_mapping.yaml\n"), diff);
        assertTrue(
                diff.contains(
                        "+  sites:\n+    homelab:\n+      prometheus_url: http://127.0.0.1:"
                                + closed),
                diff);
        assertTrue(diff.contains("+  \"n[01-02]\": \"compute[01-02]\"\n"), diff);
        assertTrue(
                diff.contains(
                        "-  prometheus_url: http://prometheus:9090\n+  prometheus_url: http://127.0.0.1:"
                                + closed
                                + "\n"),
                diff);
        // applied without a restart: the window opened again asks the new address
        await(
                () ->
                        session()
                                .context()
                                .config()
                                .app()
                                .telemetry()
                                .prometheusUrl()
                                .equals("http://127.0.0.1:" + closed),
                "the window on the new settings");
        assertEquals("settings", session().context().navigation().current().text());
    }

    @Test
    void twoDevicesSelectedAreDeletedTogetherByTheDeleteKey(FxRobot robot) throws Exception {
        open(robot);
        goTo(robot, "rack:rack-01");
        robot.clickOn("#edit-toggle");
        robot.clickOn("#device-srv-01");
        robot.press(KeyCode.CONTROL).clickOn("#device-srv-03").release(KeyCode.CONTROL);
        assertEquals(
                "rack:rack-01",
                session().context().navigation().current().text(),
                "a click selects in Edit mode, it does not open the device");
        robot.type(KeyCode.DELETE);
        clickOk(robot);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "both deleted");
        String diff = review(robot);
        assertTrue(diff.contains("-  - id: srv-01\n"), diff);
        assertTrue(diff.contains("-  - id: srv-03\n"), diff);
        assertFalse(diff.contains("-  - id: srv-02\n"), diff);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await(() -> summary(robot).equals("Edit mode: no unsaved change"), "one step undone");
    }

    @Test
    void aDeviceDraggedAcrossToTheRearFaceMovesToIt(FxRobot robot) throws Exception {
        open(robot);
        goTo(robot, "rack:rack-01:both");
        robot.clickOn("#edit-toggle");
        List<Node> slots =
                robot.lookup(".u-empty").queryAll().stream().filter(Node::isVisible).toList();
        int height = slots.size() / 2;
        // the rear face's slots come after the front's
        Node rear12 = slots.get(height + 12 - 1);
        Node device = robot.lookup("#device-srv-04").query();
        robot.moveTo(device)
                .press(MouseButton.PRIMARY)
                .moveBy(0, -10)
                .moveTo(centre(rear12))
                .release(MouseButton.PRIMARY);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "moved to the rear");
        String diff = review(robot);
        assertTrue(diff.contains("-    u_position: 4\n-    face: front\n"), diff);
        assertTrue(diff.contains("+    u_position: 12\n+    face: rear\n"), diff);
    }

    static Point2D centre(Node n) {
        javafx.geometry.Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    void theEditBarFitsEverySizeInBothThemes(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#edit-toggle");
        dragRack04BeforeRack01(robot);
        await(() -> summary(robot).startsWith("Edit mode: 1 file changed"), "the move counted");
        Files.createDirectories(Path.of("target", "visual"));
        for (int[] size : EVERY_SIZE) {
            for (io.rackscope.desktop.ui.Theme theme : io.rackscope.desktop.ui.Theme.values()) {
                robot.interact(
                        () -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            session().context().options().themeProperty().set(theme);
                        });
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.image.WritableImage shot =
                        org.testfx.util.WaitForAsyncUtils.asyncFx(
                                        () -> stage.getScene().snapshot(null))
                                .get();
                javax.imageio.ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null),
                        "png",
                        Path.of(
                                        "target",
                                        "visual",
                                        "edit-bar-"
                                                + theme.name().toLowerCase(java.util.Locale.ROOT)
                                                + "-"
                                                + size[0]
                                                + ".png")
                                .toFile());
                for (String id :
                        new String[] {
                            "#edit-summary",
                            "#edit-undo",
                            "#edit-redo",
                            "#edit-review",
                            "#edit-discard",
                            "#edit-done"
                        }) {
                    javafx.scene.control.Labeled l =
                            robot.lookup(id).queryAs(javafx.scene.control.Labeled.class);
                    javafx.scene.text.Text shown = (javafx.scene.text.Text) l.lookup(".text");
                    assertEquals(
                            l.getText(),
                            shown.getText(),
                            id + " is cut at " + size[0] + " in " + theme);
                }
            }
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(50);
        }
        // the window may be opening again on the edit: let it settle before looking for its parts
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
