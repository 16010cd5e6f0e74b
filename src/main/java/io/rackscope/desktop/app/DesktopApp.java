package io.rackscope.desktop.app;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.firstrun.FirstRunView;
import io.rackscope.desktop.ui.firstrun.FirstRunViewModel;
import java.nio.file.Path;
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
    // when the window showed and the estate was loaded, in ms since the process started
    private long shownAt;
    private volatile long loadedAt;

    private static Path firstRun;
    // the estate read, and its first cycle begun, while JavaFX starts (neither needs the
    // toolkit): the window opens on it, and shows its states, sooner
    private static CompletableFuture<Loaded> early;

    private record Loaded(RackscopeConfig cfg, SessionTelemetry begun) {}

    /**
     * Opens the window on {@code launch}'s configuration; {@code firstRunDirectory} not null: first
     * the first run, which finds an estate in Prometheus and writes it there (or opens the bundled
     * demo when asked).
     */
    public static void open(LaunchOptions launch, Path firstRunDirectory) {
        options = launch;
        firstRun = firstRunDirectory;
        if (firstRun == null) {
            early =
                    loading(launch.config())
                            .thenApply(
                                    l ->
                                            new Loaded(
                                                    l.cfg(),
                                                    SessionTelemetry.begun(
                                                            l.cfg(), launch, Clock.systemUTC())));
        }
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        CompletableFuture.runAsync(DesktopApp::readTrustStore);
        Label loading = new Label("Loading " + options.config() + " …");
        Scene scene = new Scene(new StackPane(loading), 1440, 900);
        Theme.DARK.applyTo(scene);
        stage.setTitle("Rackscope Desktop");
        stage.getIcons().add(new Image(icon()));
        stage.setScene(scene);
        stage.show();
        shownAt = StartupReport.elapsed();
        if (firstRun != null) {
            FirstRunViewModel model =
                    new FirstRunViewModel(
                            new FirstRunService(),
                            Platform::runLater,
                            firstRun,
                            dir -> {
                                options = LaunchOptions.of(dir, false);
                                load(stage, scene, loading);
                            });
            scene.setRoot(new FirstRunView(model, () -> load(stage, scene, loading)).node());
            return;
        }
        load(stage, scene, loading);
    }

    private void load(Stage stage, Scene scene, Label loading) {
        loading.setText("Loading " + options.config() + " …");
        scene.setRoot(new StackPane(loading));
        CompletableFuture<Loaded> read = early != null ? early : loading(options.config());
        early = null;
        read.thenAccept(
                        l -> {
                            loadedAt = StartupReport.elapsed();
                            Platform.runLater(() -> show(stage, scene, l));
                        })
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

    private static CompletableFuture<Loaded> loading(Path config) {
        return CompletableFuture.supplyAsync(
                () -> new Loaded(new ConfigLoader().load(config), null));
    }

    private void show(Stage stage, Scene scene, Loaded loaded) {
        sessions =
                new WindowSessions(stage, scene, options, Clock.systemUTC(), UserSettings::forUser);
        sessions.open(loaded.cfg(), loaded.begun());
        boolean training = Boolean.getBoolean(ClassDataTraining.PROPERTY);
        if (training || System.getenv("RACKSCOPE_STARTUP_REPORT") != null) {
            StartupReport.watch(
                    sessions.current().feed(),
                    scene,
                    System.err,
                    shownAt,
                    loadedAt,
                    training ? Platform::exit : () -> {});
        }
    }

    @Override
    public void stop() {
        if (sessions != null) {
            sessions.close();
        }
    }

    /**
     * The JDK's trust store read off the FX thread while the estate loads: the session's HTTP
     * clients, built on the FX thread, then find it read (it took ~80 ms there at every start).
     */
    private static void readTrustStore() {
        try {
            javax.net.ssl.TrustManagerFactory f =
                    javax.net.ssl.TrustManagerFactory.getInstance(
                            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            f.init((java.security.KeyStore) null);
            javax.net.ssl.SSLContext.getInstance("TLS");
        } catch (java.security.GeneralSecurityException e) {
            // nothing read ahead: the clients read it themselves and say what fails
        }
    }

    /** The window's icon, kept with the themes under the ui resources. */
    static java.io.InputStream icon() {
        return DesktopApp.class.getResourceAsStream("/io/rackscope/desktop/ui/icon-256.png");
    }
}
