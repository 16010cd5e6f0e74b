package io.rackscope.desktop.app;

import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.shell.MainView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javax.imageio.ImageIO;

/**
 * Draws the main window on a place, off screen, and writes it as a PNG. Starts a headless toolkit
 * when needed.
 */
public final class ViewRenderer {
    private static final int FX_TIMEOUT_SECONDS = 60;

    private ViewRenderer() {}

    /** Headless Monocle unless a toolkit is already running (tests) or a display was asked for. */
    public static void startToolkit() throws InterruptedException {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "3840x2400-32");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        within(started);
    }

    /**
     * Writes the PNG and returns the scene it was taken from (tests look up where things were
     * drawn).
     */
    public static Scene render(
            AppContext ctx,
            Place place,
            Theme theme,
            int width,
            int height,
            Path out,
            QueryStats stats)
            throws IOException, InterruptedException {
        startToolkit();
        CompletableFuture<Scene> scene = new CompletableFuture<>();
        Platform.runLater(
                () -> {
                    try {
                        ctx.options().themeProperty().set(theme);
                        ctx.navigation().go(place);
                        MainView main = ViewFactory.main(ctx, "", null);
                        Scene s = new Scene(main.node(), width, height);
                        s.getProperties().put(PlaceView.class, main.currentView());
                        theme.applyTo(s, ctx.options().coloursProperty().get());
                        // shown in a window: some controls (TilesFX skins) finish their layout only
                        // once showing
                        Stage stage = new Stage(StageStyle.UNDECORATED);
                        stage.setScene(s);
                        stage.show();
                        scene.complete(s);
                    } catch (RuntimeException e) {
                        scene.completeExceptionally(e);
                    }
                });
        Scene s = within(scene);
        settle(stats);
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(
                () -> {
                    s.getRoot().applyCss();
                    s.getRoot().layout();
                    image.complete(s.snapshot(null));
                    s.getWindow().hide();
                });
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(SwingFXUtils.fromFXImage(within(image), null), "png", out.toFile());
        return s;
    }

    /**
     * Waits (up to 10 s) until the view's on-demand queries have answered and the FX thread has
     * drawn them.
     */
    private static void settle(QueryStats stats) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            Thread.sleep(150);
            CompletableFuture<Void> pulse = new CompletableFuture<>();
            Platform.runLater(() -> pulse.complete(null));
            within(pulse);
        } while (stats.inFlight() > 0 && System.nanoTime() < deadline);
        // controls that lay themselves out in later pulses (TilesFX skins) need a few more rounds
        for (int i = 0; i < 6; i++) {
            Thread.sleep(80);
            CompletableFuture<Void> pulse = new CompletableFuture<>();
            Platform.runLater(() -> pulse.complete(null));
            within(pulse);
        }
    }

    /**
     * Every wait on the FX thread is bounded: a dead or wedged toolkit fails the render plainly.
     */
    private static <T> T within(CompletableFuture<T> f) {
        try {
            return f.get(FX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the JavaFX thread did not answer within " + FX_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
        }
    }
}
