package io.rackscope.desktop.ui;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.slurm.SlurmNode;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.ui.alerts.AlertItem;
import io.rackscope.desktop.ui.alerts.PanelRow;
import io.rackscope.desktop.ui.device.DeviceView;
import io.rackscope.desktop.ui.rack.RackElevationView;
import io.rackscope.desktop.ui.room.RoomFloorView;
import io.rackscope.desktop.ui.shell.MainView;
import io.rackscope.desktop.ui.site.SiteView;
import io.rackscope.desktop.ui.wallboard.WallboardView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, headless, on the bundled configuration with snapshots the test controls. */
@ExtendWith(ApplicationExtension.class)
class DesktopUiTest {
    static RackscopeConfig cfg;
    static Snapshots snapshots;
    HealthFeed feed;
    AppContext ctx;
    MainView main;
    Scene scene;

    @BeforeAll
    static void load() {
        cfg = new ConfigLoader().load(Path.of("config"));
        snapshots = new Snapshots(cfg);
    }

    @Start
    void start(Stage stage) {
        feed = new HealthFeed(null, Runnable::run);
        ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        feed.publish(snapshots.at(1, problem("node_up", "cn0165", Severity.CRIT, 0)));
        main = ViewFactory.main(ctx, "", null);
        scene = new Scene(main.node(), 1260, 780);
        ctx.options().style(scene);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    void publish(FxRobot robot, long version, Snapshots.Problem... problems) {
        robot.interact(() -> feed.publish(snapshots.at(version, problems)));
    }

    @Test
    void navigatesDownTheTreeAndBackWithKeys(FxRobot robot) {
        robot.clickOn("#site-fra1");
        assertInstanceOf(SiteView.class, main.currentView());
        robot.clickOn("#room-fra1_hall-a");
        assertInstanceOf(RoomFloorView.class, main.currentView());
        robot.doubleClickOn(((RoomFloorView) main.currentView()).screenCentreOf("fra1-a01-r03"));
        assertInstanceOf(RackElevationView.class, main.currentView());
        robot.clickOn(robot.lookup("#device-fra1-a01r03-c18 .device-name").queryAs(Node.class));
        assertInstanceOf(DeviceView.class, main.currentView());
        assertEquals(Place.of(Place.Kind.DEVICE, "fra1-a01r03-c18"), ctx.navigation().current());
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        assertEquals(Place.of(Place.Kind.RACK, "fra1-a01-r03"), ctx.navigation().current());
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        assertEquals(Place.of(Place.Kind.DEVICE, "fra1-a01r03-c18"), ctx.navigation().current());
        robot.clickOn("World");
        assertEquals(Place.WORLD, ctx.navigation().current());
    }

    @Test
    void theWallboardTheAlertsTableAndSlurmAreReachableFromTheToolbarAndTheKeyboard(FxRobot robot) {
        robot.clickOn("#views-menu");
        robot.clickOn("Wallboard (Ctrl+1)");
        assertEquals(Place.Kind.WALLBOARD, ctx.navigation().current().kind());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertEquals(Place.Kind.ALERTS, ctx.navigation().current().kind());
        assertEquals(1, robot.lookup("#alerts-table").queryAll().size(), "the page is a table");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertEquals(Place.Kind.SLURM, ctx.navigation().current().kind());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertTableSortsOnAColumnAndARowsMenuNarrowsItToAChip(FxRobot robot) {
        publish(
                robot,
                2,
                problem("node_up", "cn0165", Severity.CRIT, 0),
                problem("node_temperature", "cn0001", Severity.WARN, 79.5),
                problem("node_temperature", "cn0002", Severity.WARN, 81));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<io.rackscope.desktop.ui.alerts.AlertRow> table =
                robot.lookup("#alerts-table").queryAs(TableView.class);
        assertEquals(3, table.getItems().size());
        robot.clickOn(
                robot.lookup("#alerts-table .column-header .label")
                        .match(org.testfx.matcher.control.LabeledMatchers.hasText("Entity"))
                        .queryAs(Node.class));
        assertEquals(
                List.of("cn0001", "cn0002", "cn0165"),
                table.getItems().stream().map(r -> r.entity()).toList(),
                "sorted by entity");
        robot.clickOn(robot.lookup("#alerts-table .table-row-cell").nth(0).queryAs(Node.class));
        // what the window system delivers on a right-click (Monocle's robot does not make one)
        Node row = robot.lookup("#alerts-table .table-row-cell").nth(0).queryAs(Node.class);
        Point2D at = row.localToScreen(10, 5);
        robot.interact(
                () ->
                        row.fireEvent(
                                new javafx.scene.input.ContextMenuEvent(
                                        javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                        10,
                                        5,
                                        at.getX(),
                                        at.getY(),
                                        false,
                                        null)));
        robot.clickOn("Only check Node temperature");
        assertEquals(2, table.getItems().size());
        assertEquals(
                "0 CRIT · 2 WARN · 1 rack affected",
                robot.lookup("#alerts-totals").queryLabeled().getText());
        robot.clickOn(".filter-chip");
        assertEquals(3, table.getItems().size(), "the chip's ✕ takes the filter away");
        robot.clickOn("#alerts-tab-history");
        assertEquals(
                "No incident changes in this window.",
                ((javafx.scene.control.Labeled)
                                robot.lookup("#history-table")
                                        .queryAs(TableView.class)
                                        .getPlaceholder())
                        .getText());
    }

    @Test
    void thePanelWorksFromTheKeyboardAndF1ListsTheShortcuts(FxRobot robot) {
        javafx.scene.control.ListView<?> list =
                robot.lookup("#alerts-list").queryAs(javafx.scene.control.ListView.class);
        robot.interact(
                () -> {
                    list.requestFocus();
                    list.getSelectionModel().select(0);
                });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertEquals(
                io.rackscope.desktop.ui.Place.Kind.DEVICE,
                main.currentView() == null ? null : ctx.navigation().current().kind(),
                "Enter opens the selected row's node");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertTrue(
                robot.lookup(".dialog-pane").queryAll().stream()
                        .anyMatch(
                                n ->
                                        ((javafx.scene.control.DialogPane) n)
                                                .getContentText()
                                                .contains("Ctrl+Q")),
                "F1 lists the keys");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void theToolbarNeverPromisesASoundItCannotPlay(FxRobot robot) {
        // this window has no sound (none given, and no device under the headless test)
        assertEquals(
                "No sound device",
                robot.lookup("#sound").queryAs(javafx.scene.control.MenuButton.class).getText());
    }

    @Test
    void searchJumpsToAnInstanceAndSelectsIt(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("cn0166").type(KeyCode.ENTER);
        assertEquals(
                Place.of(Place.Kind.DEVICE, "fra1-a01r03-c06").highlighting("cn0166"),
                ctx.navigation().current());
        TabPane tabs = robot.lookup("#instance-tabs").queryAs(TabPane.class);
        assertEquals("cn0166", tabs.getSelectionModel().getSelectedItem().getText());
    }

    @Test
    void rackTooltipNamesTheFailingCheckAndValue(FxRobot robot) {
        publish(
                robot,
                2,
                problem("node_up", "cn0165", Severity.CRIT, 0),
                problem("rack_inlet_temperature", "fra1-a01-r03", Severity.WARN, 29.5));
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.ROOM, "fra1/hall-a")));
        robot.moveTo(((RoomFloorView) main.currentView()).screenCentreOf("fra1-a01-r03"));
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip tip = awaitTooltip();
        assertTrue(tip.getText().contains("CRIT"), tip.getText());
        assertTrue(tip.getText().contains("Node reachable"), tip.getText());
        assertTrue(tip.getText().contains("Rack inlet temperature  29.5"), tip.getText());
    }

    private static Tooltip awaitTooltip() {
        try {
            WaitForAsyncUtils.waitFor(
                    5,
                    TimeUnit.SECONDS,
                    () ->
                            Window.getWindows().stream()
                                    .anyMatch(w -> w instanceof Tooltip && w.isShowing()));
        } catch (TimeoutException e) {
            throw new AssertionError("no tooltip appeared", e);
        }
        return (Tooltip)
                Window.getWindows().stream()
                        .filter(w -> w instanceof Tooltip && w.isShowing())
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void clickingAnAlertGoesToItsLocation(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<AlertItem> list = robot.lookup("#alerts-list").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        Node row = robot.lookup("#alerts-list .list-cell").nth(0).queryAs(Node.class);
        assertTrue(row.getAccessibleText().contains("Node reachable = 0"), row.getAccessibleText());
        robot.clickOn(row);
        assertEquals(
                Place.of(Place.Kind.DEVICE, "fra1-a01r03-c06").highlighting("cn0165"),
                ctx.navigation().current());
    }

    @Test
    void toastsOnlyForAlertsNewSinceThePreviousCycle(FxRobot robot) {
        assertEquals(List.of(), main.toasts().shown(), "what failed at start-up raises no toast");
        publish(robot, 2, problem("node_up", "cn0165", Severity.CRIT, 0));
        assertEquals(List.of(), main.toasts().shown(), "still failing is not new");
        publish(
                robot,
                3,
                problem("node_up", "cn0165", Severity.CRIT, 0),
                problem("node_temperature", "cn0001", Severity.WARN, 79));
        assertEquals(List.of("WARN  Node temperature"), main.toasts().shown());
        publish(robot, 4, problem("node_temperature", "cn0001", Severity.WARN, 80));
        assertEquals(1, main.toasts().shown().size(), "a recovery raises nothing");
    }

    @Test
    void aCritNobodyAnswersIsMarkedUnansweredInThePanel(FxRobot robot) {
        // overdue already (its start is the first cycle's): marked at once, on every desk alike
        feed.loop()
                .escalateWith(
                        new io.rackscope.desktop.alerting.Escalation(
                                java.time.Duration.ofMillis(1), m -> {}));
        publish(robot, 2, problem("node_up", "cn0165", Severity.CRIT, 0));
        String row =
                robot.lookup("#alerts-list .list-cell")
                        .nth(0)
                        .queryAs(Node.class)
                        .getAccessibleText();
        assertTrue(row.contains(", UNANSWERED: nobody has acknowledged it"), row);
    }

    @Test
    void aDrawnAlertRowDrawsItsColumnsAgainWhenOneIsResized(FxRobot robot) throws Exception {
        publish(robot, 2, problem("node_up", "cn0165", Severity.CRIT, 0));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<io.rackscope.desktop.ui.alerts.AlertRow> table =
                robot.lookup("#alerts-table").queryAs(TableView.class);
        Node row = robot.lookup("#alerts-table .table-row-cell").nth(0).queryAs(Node.class);
        java.util.concurrent.Callable<int[]> pixels =
                () -> {
                    WritableImage img = row.snapshot(null, null);
                    int w = (int) img.getWidth();
                    int h = (int) img.getHeight();
                    int[] argb = new int[w * h];
                    img.getPixelReader()
                            .getPixels(
                                    0,
                                    0,
                                    w,
                                    h,
                                    javafx.scene.image.PixelFormat.getIntArgbInstance(),
                                    argb,
                                    0,
                                    w);
                    return argb;
                };
        int[] before = FxThread.call(pixels);
        // the first column 120 px wider, as a drag of its edge makes it: the others' text moves
        assertTrue(
                FxThread.call(() -> table.resizeColumn(table.getVisibleLeafColumns().get(0), 120)));
        int[] after = FxThread.call(pixels);
        assertEquals(before.length, after.length, "the row is as wide as before");
        assertFalse(java.util.Arrays.equals(before, after), "the row drawn at the new widths");
    }

    @Test
    void theMembersButtonShowsAnIncidentsAlertsWithoutGoingAnywhereAndArrowsDoToo(FxRobot robot) {
        publish(
                robot,
                2,
                problem("node_up", "cn0165", Severity.CRIT, 0),
                problem("node_temperature", "cn0165", Severity.WARN, 79));
        @SuppressWarnings("unchecked")
        ListView<PanelRow> list = robot.lookup("#alerts-list").queryAs(ListView.class);
        assertEquals(1, list.getItems().size(), list.getItems().toString());
        Place before = ctx.navigation().current();
        javafx.scene.layout.Region cell =
                robot.lookup("#alerts-list .list-cell")
                        .nth(0)
                        .queryAs(javafx.scene.layout.Region.class);
        assertTrue(cell.getAccessibleText().startsWith("CRIT, "), cell.getAccessibleText());
        // the button is drawn at the row's right edge
        robot.clickOn(
                cell.localToScreen(cell.getWidth() - 12, cell.getHeight() / 2),
                javafx.scene.input.MouseButton.PRIMARY);
        assertEquals(3, list.getItems().size(), "the incident and its two members");
        assertInstanceOf(AlertItem.class, list.getItems().get(1));
        assertEquals(before, ctx.navigation().current(), "the button goes nowhere");
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.interact(list::requestFocus);
        assertTrue(list.isFocused(), "focus " + list.getScene().getFocusOwner());
        robot.type(javafx.scene.input.KeyCode.LEFT);
        assertEquals(1, list.getItems().size(), "← hides the members");
        assertEquals(0, list.getSelectionModel().getSelectedIndex(), "the row stays selected");
        assertTrue(list.isFocused(), "focus after " + list.getScene().getFocusOwner());
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(3, list.getItems().size(), "→ shows them");
        assertEquals(before, ctx.navigation().current());
    }

    @Test
    void themeSwitchRecoloursFromTheTokens(FxRobot robot) {
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.ROOM, "fra1/hall-a")));
        RoomFloorView room = (RoomFloorView) main.currentView();
        assertEquals(Color.web("#10b981"), pixel(robot, room, "fra1-a01-r01"));
        assertEquals(Color.web("#ef4444"), pixel(robot, room, "fra1-a01-r03"));
        robot.clickOn("#theme-toggle");
        assertTrue(scene.getStylesheets().get(0).endsWith("theme-light.css"));
        RoomFloorView relit = (RoomFloorView) main.currentView();
        assertEquals(Color.web("#059669"), pixel(robot, relit, "fra1-a01-r01"));
        assertEquals(Color.web("#dc2626"), pixel(robot, relit, "fra1-a01-r03"));
        Region legendOk = robot.lookup("#legend .legend-swatch").queryAs(Region.class);
        assertEquals(Color.web("#059669"), legendOk.getBackground().getFills().get(0).getFill());
        // the colour-vision-safe palette, from the Views menu: its tokens over the theme's
        robot.clickOn("#views-menu").clickOn("#colours-menu").clickOn("#palette-safe");
        assertTrue(scene.getStylesheets().get(1).endsWith("palette-safe-light.css"));
        RoomFloorView safe = (RoomFloorView) main.currentView();
        assertEquals(Color.web("#0bc87c"), pixel(robot, safe, "fra1-a01-r01"));
        assertEquals(Color.web("#c20f12"), pixel(robot, safe, "fra1-a01-r03"));
        robot.clickOn("#theme-toggle");
        assertEquals(
                Color.web("#12ee91"),
                pixel(robot, (RoomFloorView) main.currentView(), "fra1-a01-r01"));
        robot.interact(() -> ctx.options().coloursProperty().set(ColourScheme.STANDARD));
        assertEquals(2, scene.getStylesheets().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertTablesDrawnRowsShowTheThemesBadgesAndTellTheirColumns(FxRobot robot) {
        publish(
                robot,
                2,
                problem("node_up", "cn0165", Severity.CRIT, 0),
                problem("node_temperature", "cn0001", Severity.WARN, 81));
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.ALERTS, "")));
        TableView<io.rackscope.desktop.ui.alerts.AlertRow> table =
                robot.lookup("#alerts-table").queryAs(TableView.class);
        assertEquals(0, robot.lookup("#alerts-table .table-cell").queryAll().size(), "no cells");
        javafx.scene.control.TableRow<io.rackscope.desktop.ui.alerts.AlertRow> crit =
                row(robot, "cn0165");
        assertTrue(
                crit.getAccessibleText().contains("Severity CRIT")
                        && crit.getAccessibleText().contains("Entity cn0165"),
                crit.getAccessibleText());
        assertEquals(Color.web("#ef4444"), badge(robot, crit), "the dark theme's CRIT");
        assertEquals(Color.web("#f59e0b"), badge(robot, row(robot, "cn0001")), "its WARN");
        robot.clickOn("#theme-toggle");
        assertEquals(Color.web("#dc2626"), badge(robot, row(robot, "cn0165")), "the light one's");
        // the Since column's tooltip is the whole sentence; a column whose text fits has none
        javafx.scene.control.TableRow<io.rackscope.desktop.ui.alerts.AlertRow> r =
                row(robot, "cn0165");
        moveOver(robot, r, table, "Since");
        assertNotNull(r.getTooltip());
        assertTrue(r.getTooltip().getText().startsWith("since"), r.getTooltip().getText());
        moveOver(robot, r, table, "Site");
        assertNull(r.getTooltip(), "fra1 fits its column");
        // the rows select as the table's own do: a click, Shift up to it, the shortcut key toggles
        robot.clickOn(row(robot, "cn0165"));
        assertEquals(1, table.getSelectionModel().getSelectedItems().size());
        robot.press(KeyCode.SHIFT).clickOn(row(robot, "cn0001")).release(KeyCode.SHIFT);
        assertEquals(2, table.getSelectionModel().getSelectedItems().size(), "Shift: a range");
        robot.press(KeyCode.CONTROL).clickOn(row(robot, "cn0165")).release(KeyCode.CONTROL);
        assertEquals(
                List.of("cn0001"),
                table.getSelectionModel().getSelectedItems().stream()
                        .map(io.rackscope.desktop.ui.alerts.AlertRow::entity)
                        .toList(),
                "the shortcut key takes one away");
        // a new cycle, the same alerts with new values: the selection stays on its alerts
        publish(
                robot,
                3,
                problem("node_up", "cn0165", Severity.CRIT, 0),
                problem("node_temperature", "cn0001", Severity.WARN, 82));
        assertEquals(
                List.of("cn0001"),
                table.getSelectionModel().getSelectedItems().stream()
                        .map(io.rackscope.desktop.ui.alerts.AlertRow::entity)
                        .toList(),
                "kept through a cycle");
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.TableRow<io.rackscope.desktop.ui.alerts.AlertRow> row(
            FxRobot robot, String entity) {
        return robot
                .lookup("#alerts-table .table-row-cell")
                .queryAllAs(javafx.scene.control.TableRow.class)
                .stream()
                .filter(r -> r.getItem() != null)
                .filter(
                        r ->
                                ((io.rackscope.desktop.ui.alerts.AlertRow) r.getItem())
                                        .entity()
                                        .equals(entity))
                .findFirst()
                .orElseThrow();
    }

    /** The colour just inside the left end of a row's severity badge. */
    private static Color badge(FxRobot robot, Node row) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = row.snapshot(null, null));
        return img[0].getPixelReader().getColor(6, (int) (img[0].getHeight() / 2));
    }

    private static void moveOver(
            FxRobot robot,
            Node row,
            TableView<io.rackscope.desktop.ui.alerts.AlertRow> table,
            String column) {
        double x = 0;
        for (javafx.scene.control.TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            if (c.getText().equals(column)) {
                break;
            }
            x += c.getWidth();
        }
        // the event's place is the scene's
        Point2D at = row.localToScene(x + 5, 5);
        robot.interact(
                () ->
                        row.fireEvent(
                                new javafx.scene.input.MouseEvent(
                                        javafx.scene.input.MouseEvent.MOUSE_MOVED,
                                        at.getX(),
                                        at.getY(),
                                        0,
                                        0,
                                        javafx.scene.input.MouseButton.NONE,
                                        0,
                                        false,
                                        false,
                                        false,
                                        false,
                                        false,
                                        false,
                                        false,
                                        false,
                                        false,
                                        false,
                                        null)));
    }

    /** The canvas colour 4 px inside a rack tile's top-left corner. */
    static Color pixel(FxRobot robot, RoomFloorView room, String rackId) {
        Rectangle2D t = room.tileOf(rackId);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = room.canvas().snapshot(null, null));
        return img[0].getPixelReader().getColor((int) t.getMinX() + 4, (int) t.getMinY() + 4);
    }

    @Test
    void roomFilterDimsRacksOfOtherStates(FxRobot robot) {
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.ROOM, "fra1/hall-a")));
        RoomFloorView room = (RoomFloorView) main.currentView();
        robot.clickOn("#filter-crit");
        assertEquals(
                Color.web("#ef4444"),
                pixel(robot, room, "fra1-a01-r03"),
                "the CRIT rack stays bright");
        Color dimmedOk = pixel(robot, room, "fra1-a01-r01");
        assertTrue(dimmedOk.getGreen() < 0.3, "an OK rack is dimmed, not green: " + dimmedOk);
    }

    @Test
    void wallboardMarksRecentChangesAndOpensTheNodeClicked(FxRobot robot) {
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.WALLBOARD, "fra1/hall-a")));
        WallboardView wall = (WallboardView) main.currentView();
        int n = indexOf(wall, "cn0001");
        assertEquals(Severity.OK, wall.model().state(n));
        assertEquals(0, wall.model().changedAt(n), "nothing changed yet");
        publish(
                robot,
                2,
                problem("node_up", "cn0165", Severity.CRIT, 0),
                problem("node_up", "cn0001", Severity.CRIT, 0));
        assertEquals(Severity.CRIT, wall.model().state(n));
        assertTrue(wall.model().changedAt(n) > 0);
        double[] cell = wall.cellPosition(n);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = wall.node().snapshot(null, null));
        Point2D inRoot =
                wall.canvas()
                        .localToScene(cell[0], cell[1])
                        .subtract(wall.node().localToScene(0, 0));
        Color corner =
                img[0].getPixelReader()
                        .getColor((int) (inRoot.getX() + cell[2] - 1), (int) inRoot.getY());
        Color body =
                img[0].getPixelReader()
                        .getColor((int) inRoot.getX(), (int) (inRoot.getY() + cell[2] - 1));
        assertEquals(Color.WHITE, corner, "recently changed mark");
        assertEquals(Color.web("#ef4444"), body);
        robot.clickOn(wall.canvas().localToScreen(cell[0] + cell[2] / 2, cell[1] + cell[2] / 2));
        assertEquals(
                Place.of(Place.Kind.DEVICE, "fra1-a01r01-c01").highlighting("cn0001"),
                ctx.navigation().current());
    }

    @Test
    void slurmViewListsStatesAndAJobHighlightsItsRacks(FxRobot robot) {
        SlurmSnapshot slurm =
                new SlurmSnapshot(
                        true,
                        Map.of(
                                "cn0001",
                                        new SlurmNode(
                                                "nwc0001",
                                                "cn0001",
                                                "alloc",
                                                "allocated",
                                                SlurmState.OK,
                                                Set.of("compute")),
                                "cn0165",
                                        new SlurmNode(
                                                "nwc0165",
                                                "cn0165",
                                                "drain",
                                                "drained",
                                                SlurmState.WARN,
                                                Set.of("compute"))),
                        Map.of("42", List.of("cn0001", "cn0165")),
                        List.of(),
                        null);
        robot.interact(() -> feed.publish(Snapshots.withSlurm(snapshots.at(2), slurm)));
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.SLURM, "")));
        @SuppressWarnings("unchecked")
        TableView<SlurmNode> nodes = robot.lookup("#slurm-nodes").queryAs(TableView.class);
        assertEquals("cn0165", nodes.getItems().get(0).instance(), "worst state first");
        robot.clickOn("42  (2 nodes)");
        assertEquals("42", ctx.options().selectedJobProperty().get());
        robot.clickOn("#slurm-show-job");
        assertEquals(Place.of(Place.Kind.ROOM, "fra1/hall-a"), ctx.navigation().current());
        RoomFloorView room = (RoomFloorView) main.currentView();
        robot.clickOn("#colour-slurm");
        assertEquals(
                Color.web("#f59e0b"),
                pixel(robot, room, "fra1-a01-r03"),
                "the drained node's rack in the WARN colour");
        Color other = pixel(robot, room, "fra1-a02-r01");
        assertTrue(
                other.getOpacity() < 1 || other.getBrightness() < 0.3,
                "racks outside the job are dimmed: " + other);
    }

    private static int indexOf(WallboardView wall, String id) {
        for (int i = 0; i < wall.model().size(); i++) {
            if (wall.model().id(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id + " not on the wallboard");
    }

    @Test
    void switchingRackFacesLeavesNoLabelsOfTheOtherFaceBehind(FxRobot robot) {
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.RACK, "fra1-a01-r03")));
        RackElevationView view = (RackElevationView) main.currentView();
        int painted = view.paintedCount();
        int badges = robot.lookup("#content .sev-badge").queryAll().size();
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#face-rear");
            robot.clickOn("#face-front");
        }
        assertEquals(painted, view.paintedCount());
        assertEquals(badges, robot.lookup("#content .sev-badge").queryAll().size());
    }

    @Test
    void bothFacesSideBySidePaintWhatTheFrontAndTheRearPaint(FxRobot robot) {
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.RACK, "fra1-a01-r03")));
        RackElevationView view = (RackElevationView) main.currentView();
        int front = view.paintedCount();
        robot.clickOn("#face-rear");
        int rear = view.paintedCount();
        robot.clickOn("#face-both");
        // the rack's own checks are listed once, below the two faces
        int rackChecks =
                ctx.config()
                        .checksFor(ctx.config().topology().rack("fra1-a01-r03").orElseThrow())
                        .size();
        assertEquals(front + rear - rackChecks, view.paintedCount());
        robot.clickOn("#face-front");
        assertEquals(front, view.paintedCount(), "back to one face");
    }

    @Test
    void aClickOnAFloorRackGivesAQuickLookBesideTheFloorAndADoubleClickOpensIt(FxRobot robot)
            throws Exception {
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.ROOM, "fra1/hall-a")));
        RoomFloorView room = (RoomFloorView) main.currentView();
        assertTrue(robot.lookup("#quick-look").tryQuery().map(n -> !n.isVisible()).orElse(true));
        robot.clickOn(room.screenCentreOf("fra1-a01-r03"));
        javafx.scene.Node panel = robot.lookup("#quick-look").query();
        assertTrue(panel.isVisible(), "the quick look shows");
        assertEquals(Place.Kind.ROOM, ctx.navigation().current().kind(), "still on the floor");
        assertTrue(
                robot.from(panel).lookup(".label").queryAll().stream()
                        .anyMatch(
                                l ->
                                        ((javafx.scene.control.Label) l)
                                                .getText()
                                                .startsWith("CRIT  Node reachable  cn0165")),
                "its failing check with the node");
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = scene.snapshot(null));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "visual"));
        javax.imageio.ImageIO.write(
                javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null),
                "png",
                java.nio.file.Path.of("target", "visual", "room-quick-look.png").toFile());
        robot.clickOn("#quick-look-close");
        assertTrue(!panel.isVisible(), "closed");
        robot.doubleClickOn(room.screenCentreOf("fra1-a01-r03"));
        assertEquals(Place.of(Place.Kind.RACK, "fra1-a01-r03"), ctx.navigation().current());
    }
}
