package io.rackscope.desktop.app.commands;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.cli.ConfigLocation;
import io.rackscope.desktop.cli.Handlings;
import io.rackscope.desktop.cli.Moment;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.ConnectionStatus;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.AlertStarts;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.LookBack;
import io.rackscope.desktop.telemetry.MetricsService;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Render one view headless to a PNG, with live states from one health cycle.",
            "Views: world, site:ID, room:SITE/ROOM[:heat:METRIC] (or room:ROOM when unique), rack:ID[:rear|:both], device:ID, wallboard[:SCOPE], slurm, alerts[:SCOPE], capacity[:SCOPE], maintenance."
        })
public final class RenderCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "DIR", description = "configuration directory")
    Path config;

    @Option(
            names = "--view",
            required = true,
            paramLabel = "VIEW",
            description = "what to render, e.g. room:fra1/hall-a or rack:fra1-a01-r05:rear")
    String view;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE.png",
            description = "PNG file to write")
    Path out;

    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            description = "Prometheus base URL (default: the configuration's)")
    String prometheus;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            converter = Moment.class,
            description =
                    "health states as they were at TIME (RFC 3339, or before now: -2h); the"
                            + " banner says the view is not live")
    Instant at;

    @Option(
            names = "--width",
            defaultValue = "1600",
            paramLabel = "W",
            description = "image width in pixels (default 1600)")
    int width;

    @Option(
            names = "--height",
            defaultValue = "1000",
            paramLabel = "H",
            description = "image height in pixels (default 1000)")
    int height;

    @Option(
            names = "--theme",
            defaultValue = "dark",
            paramLabel = "dark|light",
            description = "colour theme (default dark)")
    String theme;

    @Option(
            names = "--palette",
            defaultValue = "standard",
            paramLabel = "standard|safe|quiet",
            description =
                    "severity colours: standard, safe (told apart under colour-vision"
                            + " deficiencies) or quiet (calm in grey)")
    String palette;

    @Option(names = "--slurm", description = "colour nodes by their Slurm state instead of health")
    boolean slurm;

    @Option(
            names = "--job",
            paramLabel = "ID",
            description = "highlight the nodes of this Slurm job")
    String job;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (width < 200 || height < 150 || width > 8000 || height > 8000) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--width must be 200..8000 and --height 150..8000");
        }
        io.rackscope.desktop.ui.ColourScheme colours =
                io.rackscope.desktop.ui.ColourScheme.parse(palette)
                        .orElseThrow(
                                () ->
                                        new CommandLine.ParameterException(
                                                spec.commandLine(),
                                                "--palette is standard, safe or quiet, not "
                                                        + palette));
        Place place =
                Place.parse(view)
                        .orElseThrow(
                                () ->
                                        new CommandLine.ParameterException(
                                                spec.commandLine(),
                                                "--view must be world, site:ID, room:ID, rack:ID[:rear|:both], device:ID or alerts, not '"
                                                        + view
                                                        + "'"));
        RackscopeConfig cfg = new ConfigLoader().load(ConfigLocation.resolve(config));
        cfg.diagnostics().errors().forEach(spec.commandLine().getErr()::println);
        Locator locator = new Locator(cfg.topology());
        try {
            place = locator.resolve(place);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!locator.exists(place)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "nothing called '" + view + "' in " + cfg.paths().root());
        }
        if (place.heatMetric().isPresent() && cfg.metric(place.heatMetric().get()).isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "no metric '"
                            + place.heatMetric().get()
                            + "' to draw as a heat map: the metric library ("
                            + cfg.paths().root()
                            + ") has no definition with that id");
        }
        String url = prometheus != null ? prometheus : cfg.app().telemetry().prometheusUrl();
        try (PrometheusRouter client = new PrometheusRouter(cfg, url, new QueryStats());
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                cfg, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
            HealthFeed feed =
                    at == null
                            ? live(cfg, planner, spec.commandLine().getErr())
                            : past(cfg, client, at);
            HealthSnapshot snapshot = feed.current();
            if (!snapshot.errors().isEmpty()) {
                ConnectionStatus c = ConnectionStatus.of(snapshot);
                spec.commandLine().getErr().println("warning: " + c.headline() + ": " + c.reason());
            }
            MetricsService metrics = new MetricsService(client, cfg.topology(), cfg.app());
            AppContext ctx =
                    new AppContext(
                            cfg,
                            feed,
                            AppContext.charts(metrics),
                            planner::valuesAt,
                            Clock.systemUTC(),
                            new AppContext.Kept(
                                    io.rackscope.desktop.live.AlertHandling.NONE,
                                    planner::lastSampleAt,
                                    io.rackscope.desktop.ui.JournalMarks.NONE,
                                    io.rackscope.desktop.ui.JournalHistory.NONE,
                                    io.rackscope.desktop.ui.EstateEditing.NONE));
            ctx.options().colourBySlurmProperty().set(slurm);
            ctx.options().coloursProperty().set(colours);
            ctx.options().selectedJobProperty().set(job);
            ViewRenderer.render(ctx, place, Theme.parse(theme), width, height, out, client.stats());
        }
        spec.commandLine()
                .getOut()
                .printf("wrote %s (%dx%d) of %s%n", out, width, height, place.text());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** One live cycle, with what is acknowledged or under maintenance. */
    private static HealthFeed live(
            RackscopeConfig cfg, TelemetryPlanner planner, java.io.PrintWriter err) {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(
                AlertStarts.read(planner, planner.refresh(), cfg.app().alerts().sinceLookback()));
        feed.publish(Handlings.applied(cfg, null, feed.current(), null, err));
        return feed;
    }

    /** A feed showing {@code at}, as the window's time control would. */
    private HealthFeed past(RackscopeConfig cfg, PrometheusRouter client, Instant at)
            throws InterruptedException {
        LookBack lookBack = LookBack.forWindow(cfg, client, Clock.systemUTC(), 1);
        if (at.isBefore(Instant.now().minus(lookBack.span()))) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "warning: "
                                    + at
                                    + " is before the last history.max_hours ("
                                    + cfg.app().history().maxHours()
                                    + " h); showing the earliest moment kept");
        }
        ViewRenderer.startToolkit();
        HealthFeed feed = new HealthFeed(null, lookBack, Platform::runLater);
        feed.lookAt(at);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (feed.viewing() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return feed;
    }
}
