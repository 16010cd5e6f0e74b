package io.rackscope.desktop.ui;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.metrics.MetricsService;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.SelfMonitoringServer;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.alerts.AlertSound;
import io.rackscope.desktop.ui.kiosk.KioskController;
import io.rackscope.desktop.ui.shell.MainView;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
    private PrometheusClient client;
    private HealthFeed feed;
    private AlertSound sound;
    private KioskController kioskController;
    private SelfMonitoringServer selfMonitoring;

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
        stage.getIcons().add(new Image(DesktopApp.class.getResourceAsStream("icon-256.png")));
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
        String url =
                options.prometheusUrl() != null
                        ? options.prometheusUrl()
                        : cfg.app().telemetry().prometheusUrl();
        client = new PrometheusClient(url, cfg.app().telemetry(), new QueryStats());
        TelemetryPlanner planner =
                new TelemetryPlanner(cfg, client, EvaluationMode.FILTERED, Clock.systemUTC());
        feed = new HealthFeed(planner, Platform::runLater);
        AppContext ctx =
                new AppContext(
                        cfg,
                        feed,
                        planner,
                        new MetricsService(client, cfg.app()),
                        Clock.systemUTC());
        StringBuilder notice = new StringBuilder(options.notice() == null ? "" : options.notice());
        if (cfg.hasErrors()) {
            Diagnostic first = cfg.diagnostics().errors().get(0);
            notice.append(notice.length() == 0 ? "" : "  ")
                    .append(cfg.diagnostics().errors().size())
                    .append(" configuration error(s); the rest loaded. First: ")
                    .append(first);
        }
        sound = new AlertSound(Clock.systemUTC(), Duration.ofSeconds(5));
        if (options.view() != null) {
            Place.parse(options.view())
                    .map(ctx.locator()::resolve)
                    .filter(ctx.locator()::exists)
                    .ifPresentOrElse(
                            ctx.navigation()::go,
                            () ->
                                    notice.append(notice.length() == 0 ? "" : "  ")
                                            .append("No view '")
                                            .append(options.view())
                                            .append("'."));
        }
        MainView main = new MainView(ctx, notice.toString(), sound);
        scene.setRoot(main.node());
        main.install(scene);
        if (options.kiosk()) {
            kioskController = new KioskController(ctx);
            kioskController.install(stage, scene, main, options.screen());
        }
        ctx.themeProperty().addListener((o, a, t) -> t.applyTo(scene));
        stage.setTitle("Rackscope Desktop — " + cfg.app().name() + " — " + client.displayUrl());
        int seconds =
                Math.max(
                        5,
                        Math.min(
                                cfg.app().refresh().roomStateSeconds(),
                                cfg.app().refresh().rackStateSeconds()));
        feed.start(Duration.ofSeconds(seconds));
        if (cfg.app().selfMonitoring().enabled()) {
            try {
                selfMonitoring =
                        new SelfMonitoringServer(
                                cfg.app().selfMonitoring().listen(),
                                client.stats(),
                                planner::latest);
            } catch (IOException | RuntimeException e) {
                main.showNotice(
                        "Self-monitoring endpoint not started on "
                                + cfg.app().selfMonitoring().listen()
                                + ": "
                                + e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        if (feed != null) {
            feed.close();
        }
        if (client != null) {
            client.close();
        }
        if (sound != null) {
            sound.close();
        }
        if (kioskController != null) {
            kioskController.stop();
        }
        if (selfMonitoring != null) {
            selfMonitoring.close();
        }
    }
}
