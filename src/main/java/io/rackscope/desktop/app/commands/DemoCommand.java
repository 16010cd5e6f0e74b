package io.rackscope.desktop.app.commands;

import io.rackscope.desktop.app.DesktopApp;
import io.rackscope.desktop.app.LaunchOptions;
import io.rackscope.desktop.cli.ConfigLocation;
import io.rackscope.desktop.cli.HistoryCommand;
import io.rackscope.desktop.cli.SimulationOptions;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.LocalPrometheus;
import io.rackscope.desktop.simulator.MetricsExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Bring the demo up: the simulator, hours of backfilled history, a real Prometheus on loopback, and the app on it.",
            "With the bundled configuration and no --scenario it plays scenarios/demo.yaml, 'demo night shift': an aisle"
                    + " running hot, a node down, an exporter gone silent, a flapping node, a temperature climbing to CRIT, a rack"
                    + " losing power a few minutes in, a drained rack and a large Slurm job (--scenario none: all healthy).",
            "Everything it started stops when the app closes (also on Ctrl-C). Without 'prometheus' on PATH the app still opens, "
                    + "with UNKNOWN states and the reason. With --no-app it prints the command that attaches an app and"
                    + " restarts Prometheus (same port, same data) if it dies."
        })
public final class DemoCommand implements Callable<Integer> {
    @Mixin SimulationOptions options;

    @Option(
            names = "--hours",
            defaultValue = "6",
            paramLabel = "H",
            description = "hours of history to backfill (default 6; 0 for none)")
    int hours;

    @Option(
            names = "--no-app",
            description =
                    "start the stack and wait for Ctrl-C instead of opening the app (headless servers)")
    boolean noApp;

    @Option(names = "--kiosk", description = "open the app in kiosk mode")
    boolean kiosk;

    @Option(
            names = "--target-per-node",
            description =
                    "scrape every node as a target of its own (instance = the node), as an estate with an"
                            + " exporter per node, and the racks' and Slurm's series as one more; a node down or"
                            + " silent is a target down (default: one target for everything)")
    boolean targetPerNode;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (options.scenario != null && options.scenario.toString().equals("none")) {
            options.scenario = null;
        } else if (options.scenario == null
                && options.config == null
                && Files.exists(ConfigLocation.bundled().resolve("scenarios/demo.yaml"))) {
            options.scenario = ConfigLocation.bundled().resolve("scenarios/demo.yaml");
        }
        if (options.config == null) {
            options.config = ConfigLocation.bundled();
        }
        Clock clock = Clock.systemUTC();
        Instant start = clock.instant();
        RackscopeConfig cfg = options.load(spec.commandLine().getErr());
        Optional<EstateSimulator> sim = options.simulator(cfg, start, spec.commandLine().getErr());
        if (sim.isEmpty()) {
            return 1;
        }
        try (MetricsExporter exporter = new MetricsExporter(sim.get(), "127.0.0.1", 0, clock)) {
            out.printf(
                    "simulator: %d series at http://%s/metrics%n",
                    sim.get().seriesCount(), exporter.address());
            out.printf(
                    "scenario: %s (%d events%s)%n",
                    sim.get().scenario().name(),
                    sim.get().scenario().events().size(),
                    options.scenario == null ? "" : ", " + options.scenario);
            out.flush();
            if (LocalPrometheus.binary("prometheus").isEmpty()) {
                out.println(LocalPrometheus.INSTALL_HINT);
                out.println(
                        "Opening the app anyway: the estate shows with UNKNOWN states until Prometheus is there.");
                out.flush();
                return run(
                        LaunchOptions.of(options.config, kiosk)
                                .withNotice(LocalPrometheus.INSTALL_HINT)
                                .withPrometheus("http://127.0.0.1:9"),
                        null,
                        null);
            }
            try (LocalPrometheus prometheus = LocalPrometheus.prepare(null)) {
                int scrape = cfg.app().telemetry().scrapeIntervalSeconds();
                if (targetPerNode) {
                    List<String> nodes = sim.get().nodeTargets();
                    prometheus.startByTarget(
                            exporter.address(), nodes, scrape, Duration.ofSeconds(60));
                    out.printf("targets: %d nodes and one for the rest%n", nodes.size());
                } else {
                    prometheus.start(exporter.address(), scrape, Duration.ofSeconds(60));
                }
                out.printf(
                        "prometheus: %s (data in %s)%n", prometheus.url(), prometheus.directory());
                out.flush();
                Thread history = backfillBehind(prometheus, sim.get(), start, out);
                Thread cleanup =
                        new Thread(
                                () -> {
                                    if (history != null) {
                                        history.interrupt();
                                    }
                                    prometheus.close();
                                    exporter.close();
                                },
                                "demo-cleanup");
                Runtime.getRuntime().addShutdownHook(cleanup);
                return run(
                        LaunchOptions.of(options.config, kiosk).withPrometheus(prometheus.url()),
                        cleanup,
                        prometheus);
            }
        }
    }

    /**
     * The history, backfilled behind the window (written while the app opens on the live scrapes):
     * Prometheus reads the blocks at its next block reload, within a minute; null when there is
     * none to write.
     */
    private Thread backfillBehind(
            LocalPrometheus prometheus, EstateSimulator sim, Instant start, PrintWriter out) {
        if (hours <= 0 || LocalPrometheus.binary("promtool").isEmpty()) {
            return null;
        }
        Thread t =
                new Thread(
                        () -> {
                            long t0 = System.nanoTime();
                            Path file = prometheus.directory().resolve("history.om");
                            try {
                                HistoryCommand.write(
                                        sim,
                                        start,
                                        Duration.ofHours(hours),
                                        Duration.ofMinutes(2),
                                        file);
                                prometheus.backfill(file);
                                Files.deleteIfExists(file);
                                out.printf(
                                        "history: %d h backfilled in %.1f s behind the window;"
                                                + " Prometheus reads it within a minute%n",
                                        hours, (System.nanoTime() - t0) / 1e9);
                            } catch (IOException e) {
                                out.println("history could not be backfilled: " + e.getMessage());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            out.flush();
                        },
                        "demo-history");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The launcher that runs this app, as a command that works from anywhere: in a clone it is not
     * on PATH ({@code target/bin/rackscope-desktop}), installed it is.
     */
    static String launcher() {
        String home = System.getProperty("rackscope.home");
        if (home != null) {
            java.nio.file.Path bin = java.nio.file.Path.of(home, "bin", "rackscope-desktop");
            if (Files.isExecutable(bin)) {
                return bin.toAbsolutePath().normalize().toString();
            }
        }
        return "rackscope-desktop";
    }

    private int run(LaunchOptions launch, Thread cleanup, LocalPrometheus prometheus)
            throws InterruptedException {
        if (noApp) {
            if (prometheus != null) {
                out().printf(
                                "attach an app: %s --config %s --prometheus %s%n",
                                launcher(), options.config.toAbsolutePath(), prometheus.url());
            }
            out().println("running; Ctrl-C stops everything");
            out().flush();
            while (true) {
                Thread.sleep(5000);
                if (prometheus != null && !prometheus.alive()) {
                    out().println(
                                    "prometheus stopped; starting it again on the same port and data");
                    out().flush();
                    try {
                        prometheus.launch(Duration.ofSeconds(60));
                        out().println("prometheus: back at " + prometheus.url());
                    } catch (IOException e) {
                        out().println("prometheus could not be started again: " + e.getMessage());
                    }
                    out().flush();
                }
            }
        }
        DesktopApp.open(launch, null);
        if (cleanup != null) {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
