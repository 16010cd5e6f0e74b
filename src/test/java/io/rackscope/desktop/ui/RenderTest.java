package io.rackscope.desktop.ui;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.ui.room.RoomFloorView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders to PNG the way the render command does and checks pixels where racks are drawn. */
class RenderTest {
    @TempDir Path tmp;

    @Test
    void failingRackIsDrawnInTheCritColourAndAHealthyOneInTheOkColour() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(
                new Snapshots(cfg)
                        .at(
                                1,
                                problem("node_up", "cn0165", Severity.CRIT, 0),
                                problem(
                                        "rack_inlet_temperature",
                                        "fra1-a02-r02",
                                        Severity.WARN,
                                        29)));
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        Path png = tmp.resolve("room.png");
        Scene scene =
                ViewRenderer.render(
                        ctx,
                        Place.of(Place.Kind.ROOM, "fra1/hall-a"),
                        Theme.DARK,
                        1400,
                        900,
                        png,
                        new QueryStats());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1400, img.getWidth());
        assertEquals(0xef4444, pixelAt(scene, img, "fra1-a01-r03"), "CRIT rack");
        assertEquals(0x10b981, pixelAt(scene, img, "fra1-a01-r01"), "OK rack");
        assertEquals(0xf59e0b, pixelAt(scene, img, "fra1-a02-r02"), "WARN rack");
        assertTrue(Files.size(png) > 10_000);
    }

    /**
     * The PNG's colour 5 px inside the top-left corner of a rack's tile (clear of its count label).
     */
    private static int pixelAt(Scene scene, BufferedImage img, String rackId) throws Exception {
        CompletableFuture<Point2D> at = new CompletableFuture<>();
        Platform.runLater(
                () -> {
                    RoomFloorView room = (RoomFloorView) scene.getProperties().get(PlaceView.class);
                    Rectangle2D t = room.tileOf(rackId);
                    at.complete(room.canvas().localToScene(t.getMinX() + 5, t.getMinY() + 5));
                });
        Point2D p = at.get();
        return img.getRGB((int) p.getX(), (int) p.getY()) & 0xffffff;
    }
}
