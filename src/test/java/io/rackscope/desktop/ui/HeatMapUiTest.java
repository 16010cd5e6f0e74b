package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.EstateFromNothingUiTest;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.room.RoomFloorView;
import io.rackscope.desktop.ui.shell.MainView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
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
 * The floor as a heat map of rack inlet temperature: a planted hot rack (CRIT) reddens the floor
 * around it while a far one stays cool; the place text {@code room:SITE/ROOM:heat:METRIC} opens it
 * so (kiosk playlists, {@code render}); the values are asked at the moment shown, in one batch.
 */
@ExtendWith(ApplicationExtension.class)
class HeatMapUiTest {
    static final String ROOM = "fra1/hall-a";
    static final String PLACE = "room:" + ROOM + ":heat:rack_inlet_temperature";
    static RackscopeConfig cfg;
    static Room room;
    static Rack hot;
    static Rack cool;
    final List<Instant> askedAt = new java.util.ArrayList<>();
    AppContext ctx;
    Stage stage;

    @BeforeAll
    static void load() {
        cfg = new ConfigLoader().load(Path.of("config"));
        room = cfg.topology().room("fra1", "hall-a").orElseThrow();
        hot = room.aisles().get(0).racks().get(2);
        cool = room.aisles().get(room.aisles().size() - 1).racks().get(5);
    }

    /** Charts that answer the inlet temperature: 34 °C at the hot rack, 31 at its neighbours. */
    ChartSource charts() {
        return new ChartSource() {
            @Override
            public CompletableFuture<ChartData> range(
                    MetricDefinition metric, String entity, Duration range, int w, Instant now) {
                return CompletableFuture.failedFuture(new IllegalStateException("not asked"));
            }

            @Override
            public CompletableFuture<Map<String, Double>> valuesAt(
                    MetricDefinition metric, List<String> entities, Instant at) {
                synchronized (askedAt) {
                    askedAt.add(at);
                }
                Map<String, Double> out = new HashMap<>();
                if (metric.id().equals("node_temperature")) {
                    // the hot rack's top third runs hot, the rest of the room mild
                    hot.devices()
                            .forEach(
                                    d ->
                                            d.instances()
                                                    .forEach(
                                                            n ->
                                                                    out.put(
                                                                            n.instanceId(),
                                                                            d.uPosition() > 28
                                                                                    ? 82.0
                                                                                    : 50.0)));
                    entities.forEach(e -> out.putIfAbsent(e, 48.0));
                    return CompletableFuture.completedFuture(out);
                }
                List<Rack> aisle = room.aisles().get(0).racks();
                List<String> hotSpot = List.of(aisle.get(1).id(), hot.id(), aisle.get(3).id());
                for (String e : entities) {
                    out.put(e, e.equals(hot.id()) ? 34.0 : hotSpot.contains(e) ? 31.0 : 21.0);
                }
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
        Scene scene = new Scene(main.node(), 1280, 800);
        ctx.options().style(scene);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void thePlaceTextNamesTheMetric() {
        Place p = Place.parse(PLACE).orElseThrow();
        assertEquals(Place.Kind.ROOM, p.kind());
        assertEquals(ROOM, p.id());
        assertEquals("rack_inlet_temperature", p.heatMetric().orElseThrow());
        assertEquals(PLACE, p.text());
        assertTrue(Place.parse("room:" + ROOM).orElseThrow().heatMetric().isEmpty());
    }

    @Test
    void theHotRackReddensTheFloorAroundItAndAFarOneStaysCool(FxRobot robot) throws Exception {
        RoomFloorView[] view = new RoomFloorView[1];
        robot.interact(
                () -> {
                    view[0] =
                            (RoomFloorView)
                                    ViewFactory.create(ctx, Place.parse(PLACE).orElseThrow());
                    Stage s = new Stage();
                    Scene scene = new Scene(new StackPane(view[0].node()), 1440, 900);
                    ctx.options().style(scene);
                    s.setScene(scene);
                    s.show();
                });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, askedAt.size(), "every rack of the room in one batch");
        WritableImage[] image = new WritableImage[1];
        Rectangle2D[] t = new Rectangle2D[2];
        robot.interact(
                () -> {
                    t[0] = view[0].tileOf(hot.key());
                    t[1] = view[0].tileOf(cool.key());
                    image[0] = view[0].canvas().snapshot(null, null);
                });
        // in the aisle below the tiles, clear of their names
        Color nearHot = pixel(image[0], t[0], t[0].getHeight() * 0.4);
        Color nearCool = pixel(image[0], t[1], t[1].getHeight() * 0.4);
        assertTrue(
                nearHot.getRed() > nearCool.getRed() + 0.2,
                "red by the hot rack: " + nearHot + " vs " + nearCool);
        assertTrue(nearCool.getBlue() > nearHot.getBlue(), "blue by the cool one: " + nearCool);
        for (int[] size : new int[][] {{1280, 800}, {1440, 900}, {1920, 1080}}) {
            for (Theme theme : Theme.values()) {
                robot.interact(
                        () -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            ctx.options().themeProperty().set(theme);
                            ctx.navigation().go(Place.parse(PLACE).orElseThrow());
                        });
                WaitForAsyncUtils.waitForFxEvents();
                EstateFromNothingUiTest.shot(
                        stage, "heat-map-" + theme.name().toLowerCase(Locale.ROOT) + "-" + size[0]);
            }
        }
    }

    /** A node-level metric: each rack shows its hottest node, and its profile by thirds of U. */
    @Test
    void aNodeMetricGivesEachRackItsProfileByU(FxRobot robot) throws Exception {
        io.rackscope.desktop.ui.room.RoomFloorViewModel[] floor =
                new io.rackscope.desktop.ui.room.RoomFloorViewModel[1];
        robot.interact(
                () -> {
                    floor[0] = ViewFactory.floor(ctx, room);
                    assertTrue(floor[0].showHeat("node_temperature"));
                });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(82.0, floor[0].metricValues().get(hot.key()), "its hottest node");
        double[] profile = floor[0].metricProfile(hot.key());
        assertEquals(50.0, profile[0], "bottom third");
        assertEquals(82.0, profile[2], "top third");
        assertEquals(48.0, floor[0].metricProfile(cool.key())[0]);
        robot.interact(
                () -> {
                    stage.setWidth(1440);
                    stage.setHeight(900);
                    ctx.navigation()
                            .go(
                                    Place.parse("room:" + ROOM + ":heat:node_temperature")
                                            .orElseThrow());
                });
        WaitForAsyncUtils.waitForFxEvents();
        EstateFromNothingUiTest.shot(stage, "heat-map-nodes-1440");
    }

    static Color pixel(WritableImage image, Rectangle2D tile, double below) {
        return image.getPixelReader()
                .getColor(
                        (int) Math.round(tile.getMinX() + tile.getWidth() / 2),
                        (int) Math.round(tile.getMaxY() + below));
    }
}
