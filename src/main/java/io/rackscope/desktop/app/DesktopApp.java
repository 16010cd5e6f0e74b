package io.rackscope.desktop.app;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.Theme;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The desktop window: loads the configuration off the FX thread, then shows the main view fed by
 * the planner.
 */
public final class DesktopApp extends Application {
    private static LaunchOptions options;
    private WindowSessions sessions;

    public static void open(LaunchOptions launch) {
        options = launch;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        Label loading = new Label("Loading " + options.config() + " …");
        Scene scene = new Scene(new StackPane(loading), 1440, 900);
        Theme.DARK.applyTo(scene);
        stage.setTitle("Rackscope Desktop");
        stage.getIcons().add(new Image(icon()));
        stage.setScene(scene);
        stage.show();
        CompletableFuture.supplyAsync(() -> new ConfigLoader().load(options.config()))
                .thenAccept(cfg -> Platform.runLater(() -> show(stage, scene, cfg)))
                .exceptionally(
                        e -> {
                            Platform.runLater(
                                    () ->
                                            loading.setText(
                                                    "Cannot load "
                                                            + options.config()
                                                            + ": "
                                                            + e.getMessage()));
                            return null;
                        });
    }

    private void show(Stage stage, Scene scene, RackscopeConfig cfg) {
        sessions =
                new WindowSessions(stage, scene, options, Clock.systemUTC(), UserSettings::forUser);
        sessions.open(cfg);
    }

    @Override
    public void stop() {
        if (sessions != null) {
            sessions.close();
        }
    }

    /** The window's icon, kept with the themes under the ui resources. */
    static java.io.InputStream icon() {
        return DesktopApp.class.getResourceAsStream("/io/rackscope/desktop/ui/icon-256.png");
    }
}
