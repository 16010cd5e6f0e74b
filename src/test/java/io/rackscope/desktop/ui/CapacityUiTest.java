package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.EstateFromNothingUiTest;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.ui.capacity.CapacityViewModel;
import io.rackscope.desktop.ui.shell.MainView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The capacity table of Hall A: rack r03 has a 6 kW budget, draws 4.5 kW and peaked at 5.2 kW, so
 * 800 W of headroom; a 4U 1.2 kW server fits in every rack with 4 U free but r03, and the floor
 * outlines where.
 */
@ExtendWith(ApplicationExtension.class)
class CapacityUiTest {
    static final String R03 = "fra1-a01-r03";
    static RackscopeConfig cfg;
    AppContext ctx;
    Stage stage;

    @BeforeAll
    static void load() throws IOException {
        Path dir = Files.createTempDirectory("capacity-ui");
        io.rackscope.desktop.config.ConfigFixture.copyOfBundled(dir);
        Path rack =
                dir.resolve(
                        "topology/datacenters/fra1/rooms/hall-a/aisles/a01/racks/" + R03 + ".yaml");
        Files.writeString(
                rack,
                Files.readString(rack)
                        .replaceAll("power_budget_w: [0-9]+", "power_budget_w: 6000"));
        cfg = new ConfigLoader().load(dir);
        assertEquals(List.of(), cfg.diagnostics().errors());
    }

    /** Every rack draws 2 kW (peak 2.5 kW) but r03, 4.5 kW (peak 5.2 kW). */
    static ChartSource charts() {
        return new ChartSource() {
            @Override
            public CompletableFuture<ChartData> range(
                    MetricDefinition metric, String entity, Duration range, int w, Instant now) {
                return CompletableFuture.failedFuture(new IllegalStateException("not asked"));
            }

            @Override
            public CompletableFuture<Map<String, Double>> valuesAt(
                    MetricDefinition metric, List<String> entities, Instant at) {
                Map<String, Double> out = new HashMap<>();
                entities.forEach(e -> out.put(e, e.equals(R03) ? 4500.0 : 2000.0));
                return CompletableFuture.completedFuture(out);
            }

            @Override
            public CompletableFuture<Map<String, Double>> peaksAt(
                    MetricDefinition metric, List<String> entities, Instant at, Duration range) {
                Map<String, Double> out = new HashMap<>();
                entities.forEach(e -> out.put(e, e.equals(R03) ? 5200.0 : 2500.0));
                return CompletableFuture.completedFuture(out);
            }
        };
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        ctx = new AppContext(cfg, feed, charts(), null, Clock.systemUTC());
        feed.publish(new Snapshots(cfg).at(1));
        MainView main = ViewFactory.main(ctx, "", null);
        Scene scene = new Scene(main.node(), 1440, 900);
        ctx.options().style(scene);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void headroomIsTheBudgetLessThePeakAndTheFitSearchOutlinesTheRacks(FxRobot robot)
            throws Exception {
        robot.interact(
                () -> ctx.navigation().go(Place.parse("capacity:fra1/hall-a").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<CapacityViewModel.Row> table =
                robot.lookup("#capacity-table").queryAs(TableView.class);
        assertEquals(22, table.getItems().size(), "every rack of Hall A");
        CapacityViewModel.Row r03 =
                table.getItems().stream()
                        .filter(r -> r.capacity().rack().id().equals(R03))
                        .findFirst()
                        .orElseThrow();
        assertEquals(4500, r03.capacity().nowWatts());
        assertEquals(800, r03.capacity().headroomWatts(), "6,000 W less the 5,200 W peak");
        String totals = robot.lookup("#capacity-totals").queryAs(Label.class).getText();
        assertTrue(totals.startsWith("Hall A - Compute: 46.5 kW now, peak 57.7 kW"), totals);
        robot.clickOn("#capacity-fit-units").write("4");
        robot.clickOn("#capacity-fit-watts").write("1200");
        robot.clickOn("#capacity-fit");
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Set<String> fits = ctx.options().fitsProperty().get();
        assertFalse(fits.contains(r03.capacity().rack().key()), "800 W of headroom: not r03");
        assertFalse(
                fits.stream().anyMatch(k -> k.endsWith("fra1-a01-r07")),
                "over its budget: not r07");
        assertTrue(
                fits.size() > 0
                        && table.getItems().stream()
                                .filter(r -> r.capacity().largestFree() >= 4)
                                .filter(r -> !r.capacity().rack().id().equals(R03))
                                // the bundled 800 W budget of r07 is below the 2.5 kW peak here
                                .filter(r -> !r.capacity().rack().id().equals("fra1-a01-r07"))
                                .allMatch(r -> fits.contains(r.capacity().rack().key())),
                "every other rack with 4 U free in one run: " + fits);
        String said = robot.lookup("#capacity-fit-said").queryAs(Label.class).getText();
        assertTrue(said.endsWith("room for 4 U and 1.2 kW: outlined on the floor"), said);
        for (int[] size : new int[][] {{1280, 800}, {1440, 900}, {1920, 1080}}) {
            for (Theme theme : Theme.values()) {
                String name = theme.name().toLowerCase(Locale.ROOT) + "-" + size[0];
                robot.interact(
                        () -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            ctx.options().themeProperty().set(theme);
                            ctx.navigation().go(Place.parse("capacity:fra1/hall-a").orElseThrow());
                        });
                EstateFromNothingUiTest.shot(stage, "capacity-" + name);
                robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.ROOM, "fra1/hall-a")));
                EstateFromNothingUiTest.shot(stage, "capacity-floor-" + name);
            }
        }
    }

    /** The floor coloured by power headroom: budgeted racks by what they have left, others none. */
    @Test
    void theFloorColouredByHeadroom(FxRobot robot) {
        io.rackscope.desktop.ui.room.RoomFloorViewModel[] floor =
                new io.rackscope.desktop.ui.room.RoomFloorViewModel[1];
        robot.interact(
                () -> {
                    floor[0] =
                            ViewFactory.floor(
                                    ctx, cfg.topology().room("fra1", "hall-a").orElseThrow());
                    floor[0].colourByProperty()
                            .set(
                                    floor[0].colourableMetrics().stream()
                                            .filter(m -> m.id().equals("rackscope:headroom"))
                                            .findFirst()
                                            .orElseThrow());
                });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("13.33", floor[0].rack(R03).get().label(), "800 W of 6,000 W left");
        assertEquals(
                "68.75", floor[0].rack("fra1-a01-r01").get().label(), "5,500 W of 8,000 W left");
        assertEquals(
                io.rackscope.desktop.checks.Severity.UNKNOWN,
                floor[0].rack("fra1-a02-r01").get().severity(),
                "no budget: no headroom to show");
        assertFalse(floor[0].heatPossible().get(), "a headroom is not spread over the floor");
    }

    @Test
    void aSitesTotalsAddItsRooms() {
        CapacityViewModel m =
                new CapacityViewModel(
                        cfg,
                        new Locator(cfg.topology()),
                        "fra1",
                        charts(),
                        Clock.systemUTC(),
                        new NavigationModel(),
                        new ViewOptions(),
                        Runnable::run);
        String[] lines = m.totalsProperty().get().split("\n");
        String site = lines[lines.length - 1];
        assertTrue(site.startsWith("Site fra1 (" + (lines.length - 1) + " rooms): "), site);
        assertTrue(site.contains("; cooling 30 kW"), "Hall A's: " + site);
    }

    @Test
    void theCsvHasEveryFigure() {
        CapacityViewModel m =
                new CapacityViewModel(
                        cfg,
                        new Locator(cfg.topology()),
                        "fra1/hall-a",
                        charts(),
                        Clock.systemUTC(),
                        new NavigationModel(),
                        new ViewOptions(),
                        Runnable::run);
        CapacityViewModel.Row r03 =
                m.rowsProperty().get().stream()
                        .filter(r -> r.capacity().rack().id().equals(R03))
                        .findFirst()
                        .orElseThrow();
        String[] lines = m.csv(List.of(r03)).split("\n");
        assertEquals(
                "rack,room,free_u_front,free_u_rear,largest_free_front,largest_free_rear,"
                        + "nameplate_w,now_w,peak_24h_w,budget_w,headroom_w,heat_btu_h",
                lines[0]);
        assertTrue(lines[1].startsWith(R03 + ",Hall A - Compute,"), lines[1]);
        assertTrue(lines[1].endsWith(",4500,5200,6000,800,15355"), lines[1]);
    }
}
