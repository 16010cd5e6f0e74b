package io.rackscope.desktop.ui.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original's {@code map:} and {@code features.worldmap} settings in the world view. */
class WorldMapSettingsTest {
    @TempDir Path tmp;

    private <T> T onWorld(String appYamlTail, Function<Scene, T> look) throws Exception {
        Path config = ConfigFixture.copyOfBundled(tmp.resolve("c" + System.nanoTime()));
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(app, ConfigFixture.read(app) + appYamlTail);
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(config);
        assertTrue(cfg.diagnostics().errors().isEmpty(), cfg.diagnostics().errors().toString());
        AppContext ctx =
                new AppContext(
                        cfg, new HealthFeed(null, Runnable::run), null, null, Clock.systemUTC());
        Scene scene =
                ViewRenderer.render(
                        ctx,
                        Place.WORLD,
                        Theme.DARK,
                        1440,
                        900,
                        tmp.resolve("world" + System.nanoTime() + ".png"),
                        new QueryStats());
        CompletableFuture<T> out = new CompletableFuture<>();
        Platform.runLater(() -> out.complete(look.apply(scene)));
        return out.get();
    }

    private static WorldView view(Scene scene) {
        return (WorldView) scene.getProperties().get(PlaceView.class);
    }

    @Test
    void opensAtTheConfiguredZoomAndZoomsOnlyWithinItsLevels() throws Exception {
        String tail =
                """
                map:
                  default_zoom: 4
                  min_zoom: 3
                  max_zoom: 5
                  zoom_controls: true
                  center: {lat: 48.0, lon: 5.0}
                """;
        double[] zooms =
                onWorld(
                        tail,
                        scene -> {
                            WorldView w = view(scene);
                            double initial = w.zoomLevel();
                            Button in = (Button) scene.lookup("#zoom-in");
                            for (int i = 0; i < 5; i++) {
                                in.fire();
                            }
                            double deepest = w.zoomLevel();
                            Button out = (Button) scene.lookup("#zoom-out");
                            for (int i = 0; i < 5; i++) {
                                out.fire();
                            }
                            return new double[] {initial, deepest, w.zoomLevel()};
                        });
        assertEquals(4, zooms[0], 1e-9, "default_zoom");
        assertEquals(5, zooms[1], 1e-9, "max_zoom bounds zooming in");
        // out to min_zoom, or to where the globe's height fills the view when that comes first
        assertTrue(
                zooms[2] >= 3 - 1e-9 && zooms[2] < 3.2, "min_zoom bounds zooming out: " + zooms[2]);
    }

    @Test
    void zoomControlsCanBeTurnedOff() throws Exception {
        assertNull(
                onWorld("map: {zoom_controls: false}\n", s -> s.lookup("#zoom-in")),
                "no zoom buttons");
        assertNotNull(onWorld("", s -> s.lookup("#zoom-in")), "zoom buttons by default");
    }

    @Test
    void withTheWorldMapOffOnlyTheSitesAreListed() throws Exception {
        Path c = ConfigFixture.copyOfBundled(tmp.resolve("features"));
        boolean[] seen =
                onWorld(
                        "features: {worldmap: false}\n",
                        scene ->
                                new boolean[] {
                                    view(scene).canvas().getScene() != null,
                                    scene.lookup("#site-fra1") != null
                                });
        assertFalse(seen[0], "no map drawn");
        assertTrue(seen[1], "the sites are listed");
        RackscopeConfig off = new ConfigLoader(Map.of()).load(c);
        assertTrue(off.app().features().notifications(), "toasts on unless set off");
    }
}
