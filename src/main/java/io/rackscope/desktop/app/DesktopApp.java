package io.rackscope.desktop.app;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
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
    private DesktopSession session;

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
        session =
                new DesktopSession(
                        cfg,
                        options,
                        Clock.systemUTC(),
                        UserSettings.forUser(),
                        () -> reload(stage, scene));
        session.show(stage, scene, options);
    }

    /**
     * After a save from Edit mode: the configuration is read again and the window opens on it in
     * place (no restart): the last known states are shown, with their age, until the first cycle;
     * acknowledgements and maintenances live in their store and stay, Prometheus' history gives the
     * alerts' starts back, and the view shown (kept in the user's settings) is shown again where it
     * still exists.
     */
    private void reload(Stage stage, Scene scene) {
        DesktopSession old = session;
        session = null;
        HealthSnapshot last = old.context().health().current();
        CompletableFuture.supplyAsync(() -> new ConfigLoader().load(options.config()))
                .thenAccept(
                        cfg ->
                                Platform.runLater(
                                        () -> {
                                            old.close();
                                            show(stage, scene, cfg);
                                            // the last known states, with their age, until the
                                            // first cycle on the new files
                                            session.seed(last);
                                            // the admin was editing: the window stays in Edit mode
                                            AppContext ctx = session.context();
                                            ctx.options()
                                                    .editingProperty()
                                                    .set(ctx.editing().unavailable().isEmpty());
                                        }));
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }

    /** The window's icon, kept with the themes under the ui resources. */
    static java.io.InputStream icon() {
        return DesktopApp.class.getResourceAsStream("/io/rackscope/desktop/ui/icon-256.png");
    }
}
