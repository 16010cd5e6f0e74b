package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.EstateFromNothingUiTest;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.ui.alerts.AlertRow;
import io.rackscope.desktop.ui.device.CheckRow;
import io.rackscope.desktop.ui.device.DeviceViewModel;
import io.rackscope.desktop.ui.room.RackStatus;
import io.rackscope.desktop.ui.room.RoomFloorView;
import io.rackscope.desktop.ui.room.RoomFloorViewModel;
import io.rackscope.desktop.ui.shell.MainView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Forecasts on screen: the rack of a node heading for CRIT carries a chip with how soon (drawn
 * where the rack is), the quick look and the device's check row say it, the alert table has a
 * Forecast column that sorts soonest first.
 */
@ExtendWith(ApplicationExtension.class)
class ForecastUiTest {
    static final String NODE = "cn0165";
    static RackscopeConfig cfg;
    static Snapshots snapshots;
    static InstancePath where;
    HealthFeed feed;
    AppContext ctx;
    Stage stage;
    MainView main;

    @BeforeAll
    static void load() {
        cfg = new ConfigLoader().load(Path.of("config"));
        snapshots = new Snapshots(cfg);
        where = cfg.topology().instance(NODE).orElseThrow();
    }

    static Forecast forecast(String node, Severity heading, double eta, double value) {
        return new Forecast(
                "node_temperature", node, null, null, null, heading, eta, value, 85, 0.0066, 0.93);
    }

    static HealthSnapshot planted() {
        return snapshots.withForecasts(
                1,
                List.of(
                        forecast(NODE, Severity.CRIT, 720, 80.2),
                        forecast("cn0001", Severity.WARN, 1500, 70)),
                Snapshots.problem("node_temperature", NODE, Severity.WARN, 80.2));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        feed = new HealthFeed(null, Runnable::run);
        ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        feed.publish(planted());
        main = ViewFactory.main(ctx, "", null);
        Scene scene = new Scene(main.node(), 1280, 800);
        ctx.options().style(scene);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    RoomFloorViewModel floor() {
        return ViewFactory.floor(ctx, where.room());
    }

    @Test
    void theRackCarriesAChipAndTheQuickLookSaysIt(FxRobot robot) throws Exception {
        String rack = where.rack().key();
        RoomFloorViewModel[] model = new RoomFloorViewModel[1];
        robot.interact(() -> model[0] = floor());
        RackStatus st = model[0].rack(rack).get();
        assertEquals("12m", st.eta());
        assertEquals(Severity.CRIT, st.heading(), "the severity it is heading for");
        assertEquals(Severity.WARN, st.severity(), "a forecast changes no state");
        List<String> lines = model[0].quickLook(where.rack()).forecasts();
        assertEquals(
                List.of(
                        "Node temperature on "
                                + NODE
                                + ": CRIT at 85 in ~12 min (+0.4/min, now 80.2)"),
                lines);
        String other = cfg.topology().instance("cn0001").orElseThrow().rack().key();
        if (!other.equals(rack)) {
            assertEquals("25m", model[0].rack(other).get().eta());
        }
    }

    /** The chip is drawn across the top edge of the rack's tile, in the CRIT colour. */
    @Test
    void theChipIsDrawnWhereTheRackIs(FxRobot robot) throws Exception {
        RoomFloorView[] view = new RoomFloorView[1];
        robot.interact(
                () -> {
                    view[0] =
                            (RoomFloorView)
                                    ViewFactory.create(
                                            ctx, Place.of(Place.Kind.ROOM, where.room().key()));
                    Stage s = new Stage();
                    Scene scene = new Scene(new StackPane(view[0].node()), 1440, 900);
                    ctx.options().style(scene);
                    s.setScene(scene);
                    s.show();
                });
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D[] t = new Rectangle2D[1];
        WritableImage[] image = new WritableImage[1];
        robot.interact(
                () -> {
                    t[0] = view[0].tileOf(where.rack().key());
                    image[0] = view[0].canvas().snapshot(null, null);
                });
        Color chip =
                image[0].getPixelReader()
                        .getColor(
                                (int) Math.round(t[0].getMinX() + t[0].getWidth() / 2 - 6),
                                (int) Math.round(t[0].getMinY() - 4));
        Color crit = ctx.options().palette().tone(Tone.CRIT);
        assertTrue(
                near(chip, crit),
                "the chip's CRIT colour just above the tile's top edge: " + chip + " vs " + crit);
        String calm =
                where.room()
                        .racks()
                        .filter(
                                r ->
                                        !r.key().equals(where.rack().key())
                                                && !r.key()
                                                        .equals(
                                                                cfg.topology()
                                                                        .instance("cn0001")
                                                                        .orElseThrow()
                                                                        .rack()
                                                                        .key()))
                        .findFirst()
                        .orElseThrow()
                        .key();
        Rectangle2D[] c = new Rectangle2D[1];
        robot.interact(() -> c[0] = view[0].tileOf(calm));
        Color above =
                image[0].getPixelReader()
                        .getColor(
                                (int) Math.round(c[0].getMinX() + c[0].getWidth() / 2 - 6),
                                (int) Math.round(c[0].getMinY() - 4));
        assertTrue(!near(above, crit), "no chip over a rack without a forecast: " + above);
    }

    static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.06
                && Math.abs(a.getGreen() - b.getGreen()) < 0.06
                && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
    }

    @Test
    void theDeviceRowAndTheAlertTableSayIt(FxRobot robot) throws Exception {
        DeviceViewModel[] device = new DeviceViewModel[1];
        robot.interact(
                () ->
                        device[0] =
                                ((io.rackscope.desktop.ui.device.DeviceView)
                                                ViewFactory.create(
                                                        ctx,
                                                        Place.of(
                                                                Place.Kind.DEVICE,
                                                                where.device().key())))
                                        .model());
        CheckRow row =
                device[0].rows(NODE).get().stream()
                        .filter(r -> r.checkId().equals("node_temperature"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("CRIT at 85 in ~12 min (+0.4/min, now 80.2)", row.forecast());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        TableView<AlertRow> table = robot.lookup("#alerts-table").queryAs(TableView.class);
        TableColumn<AlertRow, ?> column =
                table.getColumns().stream()
                        .filter(c -> c.getText().equals("Forecast"))
                        .findFirst()
                        .orElseThrow();
        robot.interact(
                () -> {
                    column.setSortType(TableColumn.SortType.ASCENDING);
                    table.getSortOrder().setAll(List.of(column));
                });
        AlertRow first = table.getItems().get(0);
        assertEquals(NODE, first.entity(), "soonest first");
        assertNotNull(first.forecast());
        assertEquals(720, first.forecast().etaSeconds());
        assertTrue(
                table.getItems().stream().skip(1).allMatch(r -> r.forecast() == null),
                "the other alerts have none");
        for (int[] size : new int[][] {{1280, 800}, {1440, 900}, {1920, 1080}}) {
            for (Theme theme : Theme.values()) {
                String name = theme.name().toLowerCase(Locale.ROOT) + "-" + size[0];
                robot.interact(
                        () -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            ctx.options().themeProperty().set(theme);
                            ctx.navigation().go(Place.of(Place.Kind.ALERTS, ""));
                        });
                EstateFromNothingUiTest.shot(stage, "forecast-alerts-" + name);
                robot.interact(
                        () -> ctx.navigation().go(Place.of(Place.Kind.ROOM, where.room().key())));
                EstateFromNothingUiTest.shot(stage, "forecast-room-" + name);
            }
        }
    }
}
