package io.rackscope.desktop.cli;

import io.rackscope.desktop.capacity.Capacity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.FileStore;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.MetricsService;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        description =
                "Load a configuration directory, print its counts and every problem found. Exit 1 when there are errors.")
public final class CheckConfigCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "DIR",
            description =
                    "configuration directory (default: /etc/rackscope, ~/.config/rackscope, then the demo)")
    Path config;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            description =
                    "also ask the racks' power peak over the last 24 h and warn of each rack over its"
                            + " power_budget_w")
    String prometheus;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        RackscopeConfig cfg = new ConfigLoader().load(ConfigLocation.resolve(config));
        Map<String, Object> counts = counts(cfg);
        if (cfg.app().alertmanager() == null) {
            // maintenances.yaml (the web original's) and the acknowledgements beside it
            counts.put(
                    "maintenances",
                    new FileStore(cfg.paths().appYaml().toAbsolutePath().getParent())
                            .check(cfg.diagnostics()));
        }
        if (prometheus != null) {
            measuredOverBudget(cfg, prometheus);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>(counts);
            doc.put("errors", Json.diagnostics(cfg.diagnostics().errors()));
            doc.put("warnings", Json.diagnostics(cfg.diagnostics().warnings()));
            out.println(Json.write(doc));
        } else {
            out.println("Configuration " + cfg.paths().root());
            counts.forEach((k, v) -> out.printf("  %-10s %d%n", k, v));
            for (Diagnostic d : cfg.diagnostics().all()) {
                out.println(d);
            }
            out.printf(
                    "%d error(s), %d warning(s)%n",
                    cfg.diagnostics().errors().size(), cfg.diagnostics().warnings().size());
        }
        out.flush();
        return cfg.hasErrors() ? 1 : 0;
    }

    /**
     * A warning for each budgeted rack whose power peaked above its budget over the last 24 h (the
     * estate's rack power metric, see {@link Capacity#powerMetric}); when Prometheus cannot say, a
     * warning that says why.
     */
    static void measuredOverBudget(RackscopeConfig cfg, String url) {
        Capacity capacity = new Capacity(cfg);
        List<Rack> budgeted = cfg.topology().racks().stream().filter(Rack::budgeted).toList();
        if (budgeted.isEmpty()) {
            return;
        }
        MetricDefinition power = capacity.powerMetric(budgeted).orElse(null);
        if (power == null) {
            cfg.diagnostics()
                    .warning(
                            cfg.paths().appYaml(),
                            0,
                            "no rack metric in W or kW: the racks' measured peaks cannot be"
                                    + " checked against their power_budget_w");
            return;
        }
        try (PrometheusClient client =
                new PrometheusClient(cfg.app().telemetry().endpoint(url), new QueryStats())) {
            Map<String, Double> peaks =
                    new MetricsService(client, cfg.app())
                            .peaksAt(
                                    power,
                                    budgeted.stream().map(Rack::id).distinct().toList(),
                                    Instant.now(),
                                    Duration.ofHours(24))
                            .get(60, TimeUnit.SECONDS);
            double scale = Capacity.wattsPerUnit(power);
            for (Rack r : budgeted) {
                Double peak = peaks.get(r.id());
                if (peak != null && peak * scale > r.powerBudgetWatts()) {
                    cfg.diagnostics()
                            .warning(
                                    r.file(),
                                    r.line(),
                                    String.format(
                                            Locale.ROOT,
                                            "rack '%s' is over its power budget: its power (%s)"
                                                    + " peaked at %,.0f W over the last 24 h, its"
                                                    + " power_budget_w is %,.0f W",
                                            r.id(),
                                            power.id(),
                                            peak * scale,
                                            r.powerBudgetWatts()));
                }
            }
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            cfg.diagnostics()
                    .warning(
                            cfg.paths().appYaml(),
                            0,
                            "the racks' measured peaks could not be checked: "
                                    + cause.getMessage());
        }
    }

    static Map<String, Object> counts(RackscopeConfig cfg) {
        Topology t = cfg.topology();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sites", t.sites().size());
        m.put("rooms", t.rooms().size());
        m.put("aisles", t.aisles().size());
        m.put("racks", t.racks().size());
        m.put("devices", t.deviceCount());
        m.put("instances", t.instances().size());
        m.put("checks", cfg.checks().size());
        m.put("metrics", cfg.metrics().size());
        return m;
    }
}
