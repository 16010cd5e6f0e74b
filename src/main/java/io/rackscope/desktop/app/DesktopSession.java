package io.rackscope.desktop.app;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.alerting.IncidentTracker;
import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Stores;
import io.rackscope.desktop.live.HandlingBridge;
import io.rackscope.desktop.telemetry.CheckTrials;
import io.rackscope.desktop.telemetry.LookBack;
import io.rackscope.desktop.telemetry.MetricsService;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.SelfMonitoringServer;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.CheckTrialSource;
import io.rackscope.desktop.ui.JournalHistory;
import io.rackscope.desktop.ui.JournalMarks;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.alerts.AlertSound;
import io.rackscope.desktop.ui.kiosk.KioskController;
import io.rackscope.desktop.ui.shell.MainView;
import io.rackscope.desktop.ui.trial.CheckTrialViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One open window and everything it owns: the Prometheus client, the planner, the feed, the sound,
 * the kiosk controller and the self-monitoring endpoint. {@link #close()} stops every thread and
 * timeline they started. Built on the FX thread.
 */
public final class DesktopSession implements AutoCloseable {
    /**
     * Past moments the time control keeps evaluated: up to 120 (two hours of one-minute cycles),
     * fewer on large estates, so that they hold at most about 128 MB (a moment holds about 64 bytes
     * per node, measured at 14,000 nodes).
     */
    static int pastMomentsKept(int nodes) {
        return Math.max(10, Math.min(120, 2_000_000 / Math.max(1, nodes)));
    }

    private final PrometheusRouter prometheus;
    private final TelemetryPlanner planner;
    private final HealthFeed feed;

    /** The feed of this session's snapshots. */
    HealthFeed feed() {
        return feed;
    }

    private final AppContext ctx;
    private final AlertSound sound;
    private final MainView main;
    private final CheckTrials trials;
    private final Journal journal;
    private final io.rackscope.desktop.alerting.Webhooks webhooks;

    /** The screens of a wall (kiosk.screens), the first being this window's. */
    private List<Wall.Screen> wall = List.of();

    private final HandlingBridge handling;
    private final EditingService editing;
    private KioskController kiosk;
    private SelfMonitoringServer selfMonitoring;

    private final UserSettings settings;
    private final FxHeartbeat heartbeat = new FxHeartbeat(Platform::runLater, Clock.systemUTC());

    private io.rackscope.desktop.ui.edit.EditViewModel editModel;

    /**
     * {@code settings}: what the user chose in earlier sessions (not used in kiosk mode); {@code
     * editing}: the estate's files being edited, which outlives the session (the window is opened
     * again on each edit); {@code begun}: the telemetry made at launch for {@code cfg}, its first
     * cycle begun (else null).
     */
    DesktopSession(
            RackscopeConfig cfg,
            LaunchOptions options,
            Clock clock,
            UserSettings settings,
            EditingService editing,
            SessionTelemetry begun) {
        this.settings = settings;
        this.editing = editing;
        SessionTelemetry telemetry =
                begun != null ? begun : SessionTelemetry.of(cfg, options, clock);
        prometheus = telemetry.prometheus();
        planner = telemetry.planner();
        LookBack past =
                LookBack.forWindow(
                        cfg, prometheus, clock, pastMomentsKept(cfg.topology().instances().size()));
        AppConfig.Alerts alerts = cfg.app().alerts();
        AlertTracker tracker =
                new AlertTracker(
                        new IncidentTracker(alerts.flapTransitions(), alerts.flapWindow()),
                        alerts.sinceLookback());
        journal = new Journal(Journal.defaultDirectory(), alerts.journalDays());
        tracker.journalTo(journal::append);
        feed = new HealthFeed(planner, past, Platform::runLater, tracker);
        webhooks = new io.rackscope.desktop.alerting.Webhooks(alerts.notifications());
        // the moments of incidents: to the webhooks, and to the desktop's notifier where it has one
        java.util.function.Consumer<io.rackscope.desktop.alerting.Escalation.Moment> moments =
                webhooks;
        var os = io.rackscope.desktop.alerting.OsNotices.available();
        if (os.isPresent()) {
            moments = webhooks.andThen(os.get());
        }
        feed.loop()
                .escalateWith(
                        new io.rackscope.desktop.alerting.Escalation(
                                alerts.escalateAfter(), moments));
        HandlingService handlingService = Stores.service(cfg, clock, Journal.defaultDirectory());
        handlingService.journalTo(journal::append);
        handling =
                new HandlingBridge(
                        handlingService,
                        feed.loop(),
                        Duration.ofSeconds(cfg.app().alerts().handlingRefreshSeconds()));
        MetricsService metrics = new MetricsService(prometheus, cfg.topology(), cfg.app());
        ctx =
                new AppContext(
                        cfg,
                        feed,
                        AppContext.charts(metrics),
                        planner::valuesAt,
                        clock,
                        new AppContext.Kept(
                                handling,
                                planner::lastSampleAt,
                                (from, to) ->
                                        CompletableFuture.supplyAsync(
                                                () ->
                                                        journal.read(from, to).entries().stream()
                                                                .filter(this::ours)
                                                                .map(DesktopSession::mark)
                                                                .toList()),
                                new JournalHistory() {
                                    @Override
                                    public CompletableFuture<Journal.Read> read(
                                            Instant from, Instant to) {
                                        return CompletableFuture.supplyAsync(
                                                () -> journal.read(from, to));
                                    }

                                    @Override
                                    public java.util.Optional<String> problem() {
                                        return journal.problem();
                                    }
                                },
                                editing));
        StringBuilder notice = new StringBuilder(options.notice() == null ? "" : options.notice());
        if (options.prometheusUrl() != null) {
            ctx.override(options.prometheusUrl());
        }
        if (cfg.hasErrors()) {
            Diagnostic first = cfg.diagnostics().errors().get(0);
            append(
                    notice,
                    cfg.diagnostics().errors().size()
                            + " configuration error(s); the rest loaded. First: "
                            + first);
        }
        if (!options.kiosk()) {
            settings.bind(ctx.options());
            if (options.view() == null) {
                settings.lastView()
                        .map(ctx.locator()::resolve)
                        .filter(ctx.locator()::exists)
                        .ifPresent(ctx.navigation()::go);
            }
            settings.rememberViews(ctx.navigation().currentProperty());
        }
        if (options.view() != null) {
            Place.parse(options.view())
                    .map(ctx.locator()::resolve)
                    .filter(ctx.locator()::exists)
                    .ifPresentOrElse(
                            ctx.navigation()::go,
                            () -> append(notice, "No view '" + options.view() + "'."));
        }
        sound = new AlertSound(clock, Duration.ofSeconds(5));
        // the first cycle asks Prometheus while the views are built (its snapshot reaches them on
        // the FX thread once they are): the first coloured frame waits for the longer of the two
        feed.start(cfg.app().refresh().cycle());
        main = ViewFactory.main(ctx, notice.toString(), sound);
        trials = new CheckTrials(cfg, prometheus);
        CheckTrialSource source =
                new CheckTrialSource() {
                    @Override
                    public CompletableFuture<CheckTrials.Trial> tryText(String yaml, Instant at) {
                        return trials.tryText(yaml, at);
                    }

                    @Override
                    public CompletableFuture<CheckTrials.Trial> tryFile(Path file, Instant at) {
                        return trials.tryFile(file, at);
                    }
                };
        if (!options.kiosk()) {
            editModel =
                    new io.rackscope.desktop.ui.edit.EditViewModel(
                            editing, ctx.options(), Platform::runLater);
            main.enableEditing(editModel);
        }
        main.enableCheckTrials(
                () ->
                        new CheckTrialViewModel(
                                source, feed, ctx.options(), clock, Platform::runLater));
    }

    /**
     * Whether a journal entry is this window's to mark: the journal is the user's, kept across
     * configurations; an outage of a server this window does not ask is another estate's.
     */
    private boolean ours(Journal.Entry e) {
        return !e.place().startsWith("prometheus:")
                || prometheus.displayUrls().contains(e.place().substring("prometheus:".length()));
    }

    private static JournalMarks.Mark mark(Journal.Entry e) {
        Severity s =
                e.kind() == io.rackscope.desktop.alerting.Transition.Kind.CLEARED
                        ? Severity.OK
                        : e.severity();
        return new JournalMarks.Mark(
                e.at(),
                s,
                e.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " "
                        + e.severity()
                        + ": "
                        + e.path()
                        + " ("
                        + e.members()
                        + ")");
    }

    private static void append(StringBuilder notice, String text) {
        notice.append(notice.length() == 0 ? "" : "  ").append(text);
    }

    /**
     * Goes on where {@code earlier} (the window on the same directory before an edit or a save)
     * was: its last states shown until the first cycle (see {@link HealthFeed#seed}), the user's
     * choices, the view and its history.
     */
    void continueFrom(DesktopSession earlier) {
        feed.seed(earlier.ctx.health().current());
        ctx.options().takeFrom(earlier.ctx.options());
        ctx.navigation()
                .takeFrom(
                        earlier.ctx.navigation(),
                        p -> ctx.locator().exists(ctx.locator().resolve(p)));
    }

    /** Shows the session in {@code stage} (the planner's cycles started with the session). */
    public void show(Stage stage, Scene scene, LaunchOptions options) {
        RackscopeConfig cfg = ctx.config();
        scene.setRoot(main.node());
        main.install(scene);
        if (!options.kiosk()) {
            settings.window(stage);
            // quit without a window manager; the kiosk keeps its own held exit key
            scene.getAccelerators()
                    .put(
                            new javafx.scene.input.KeyCodeCombination(
                                    javafx.scene.input.KeyCode.Q,
                                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
                            () -> {
                                if (mayClose(stage)) {
                                    Platform.exit();
                                }
                            });
            stage.setOnCloseRequest(
                    e -> {
                        if (!mayClose(stage)) {
                            e.consume();
                        }
                    });
        }
        if (options.kiosk()) {
            ctx.options()
                    .coloursProperty()
                    .set(
                            io.rackscope.desktop.ui.ColourScheme.parse(cfg.app().kiosk().palette())
                                    .orElse(io.rackscope.desktop.ui.ColourScheme.STANDARD));
            if (cfg.app().kiosk().screens().isEmpty()) {
                kiosk = ViewFactory.kiosk(ctx, Platform::exit);
                kiosk.install(stage, scene, main, options.screen());
            } else {
                wall = Wall.open(ctx, stage, scene, main, Platform::exit);
                kiosk = wall.get(0).kiosk();
            }
        }
        ctx.options().style(scene);
        stage.setTitle(
                "Rackscope Desktop — "
                        + cfg.app().name()
                        + " — "
                        + prometheus.fallback().displayUrl()
                        + (prometheus.servers() > 1
                                ? " (+" + (prometheus.servers() - 1) + " more)"
                                : ""));
        if (cfg.app().selfMonitoring().enabled()) {
            try {
                selfMonitoring =
                        new SelfMonitoringServer(
                                cfg.app().selfMonitoring().listen(),
                                planner,
                                Clock.systemUTC(),
                                heartbeat::stalled);
                if (selfMonitoring.beyondLoopback()) {
                    main.showNotice(
                            "Self-monitoring listens on "
                                    + cfg.app().selfMonitoring().listen()
                                    + ", beyond loopback: anyone who can reach it can read the"
                                    + " estate's numbers.");
                }
            } catch (IOException | RuntimeException e) {
                main.showNotice(
                        "Self-monitoring endpoint not started on "
                                + cfg.app().selfMonitoring().listen()
                                + ": "
                                + e.getMessage());
            }
        }
    }

    /** Asks before closing while an acknowledgement or maintenance has not reached its store. */
    private boolean mayClose(Stage stage) {
        java.util.Optional<String> unsent = handling.unsentWarning();
        if (unsent.isEmpty()) {
            return true;
        }
        javafx.scene.control.ButtonType close =
                new javafx.scene.control.ButtonType(
                        "Close anyway", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType stay =
                new javafx.scene.control.ButtonType(
                        "Keep open", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert ask =
                new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.WARNING, unsent.get(), stay, close);
        ask.initOwner(stage);
        ask.setTitle("Not yet sent");
        ask.setHeaderText("Acknowledgements or maintenances are not yet sent");
        return ask.showAndWait().filter(close::equals).isPresent();
    }

    public MainView main() {
        return main;
    }

    public AppContext context() {
        return ctx;
    }

    @Override
    public void close() {
        Closer.closeAll(
                java.util.List.of(
                        new Closer.Part("the user's settings", settings::close),
                        new Closer.Part("the window", main::dispose),
                        new Closer.Part(
                                "the kiosk",
                                () -> {
                                    if (kiosk != null) {
                                        kiosk.stop();
                                    }
                                    wall.stream()
                                            .skip(1)
                                            .forEach(
                                                    w -> {
                                                        w.kiosk().stop();
                                                        w.main().dispose();
                                                        w.stage().close();
                                                    });
                                }),
                        new Closer.Part("handling", handling::close),
                        new Closer.Part(
                                "the edit bar",
                                () -> {
                                    if (editModel != null) {
                                        editModel.close();
                                    }
                                }),
                        new Closer.Part("the feed", feed::close),
                        new Closer.Part("the journal", journal::close),
                        new Closer.Part("the webhooks", webhooks::close),
                        new Closer.Part("check trials", trials::close),
                        new Closer.Part("the planner", planner::close),
                        new Closer.Part("the Prometheus clients", prometheus::close),
                        new Closer.Part("sound", sound::close),
                        new Closer.Part(
                                "self-monitoring",
                                () -> {
                                    if (selfMonitoring != null) {
                                        selfMonitoring.close();
                                    }
                                }),
                        new Closer.Part("the heartbeat", heartbeat::close)));
    }
}
