package io.rackscope.desktop.ui;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryStats;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders to PNG the way the render command does and checks pixels where racks are drawn. */
class RenderTest {
    @TempDir
    Path tmp;

    @Test
    void failingRackIsDrawnInTheCritColourAndAHealthyOneInTheOkColour() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(new Snapshots(cfg).at(1, problem("node_up", "cn0165", Severity.CRIT, 0),
                problem("rack_inlet_temperature", "fra1-a02-r02", Severity.WARN, 29)));
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        Path png = tmp.resolve("room.png");
        Scene scene = ViewRenderer.render(ctx, Place.of(Place.Kind.ROOM, "fra1/hall-a"), Theme.DARK, 1400, 900, png, new QueryStats());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1400, img.getWidth());
        assertEquals(0xef4444, pixelAt(scene, img, "#rack-fra1-a01-r03"), "CRIT rack");
        assertEquals(0x10b981, pixelAt(scene, img, "#rack-fra1-a01-r01"), "OK rack");
        assertEquals(0xf59e0b, pixelAt(scene, img, "#rack-fra1-a02-r02"), "WARN rack");
        assertTrue(Files.size(png) > 10_000);
    }

    /** The colour 5 px inside the top-left corner of the node (clear of the count label and the border). */
    private static int pixelAt(Scene scene, BufferedImage img, String selector) throws Exception {
        CompletableFuture<Bounds> b = new CompletableFuture<>();
        Platform.runLater(() -> {
            Node n = scene.lookup(selector);
            b.complete(n.localToScene(n.getBoundsInLocal()));
        });
        Bounds bounds = b.get();
        return img.getRGB((int) bounds.getMinX() + 5, (int) bounds.getMinY() + 5) & 0xffffff;
    }
}
