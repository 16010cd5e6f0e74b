package io.rackscope.desktop.cli;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Acknowledges one active alert from a script: one health cycle finds it (an alert that is not
 * failing cannot be acknowledged), then the acknowledgement goes to the same store as the window's.
 */
@Command(
        name = "ack",
        mixinStandardHelpOptions = true,
        description =
                "Acknowledge an active alert: it stays listed under Handled, without toasts,"
                        + " sounds or kiosk jumps, until it clears, gets worse or --duration ends."
                        + " Exit 1 when the alert is not active or the store cannot keep it.")
public final class AckCommand implements Callable<Integer> {
    @Mixin MaintenanceCommand.StoreOptions store;

    @Option(
            names = "--alert",
            required = true,
            paramLabel = "ENTITY/CHECK",
            description = "the alert: its entity and check id, e.g. cn0165/node_up")
    String alert;

    @Option(names = "--note", required = true, paramLabel = "TEXT")
    String note;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "how long at most (default: until it clears or gets worse)")
    String duration;

    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            description = "Prometheus base URL (overrides telemetry.prometheus_url)")
    String prometheus;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int slash = alert.lastIndexOf('/');
        if (slash < 1 || slash == alert.length() - 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--alert must be ENTITY/CHECK, e.g. cn0165/node_up");
        }
        String entity = alert.substring(0, slash);
        String check = alert.substring(slash + 1);
        Instant until = null;
        if (duration != null) {
            until =
                    Instant.now()
                            .plus(
                                    Durations.parse(duration)
                                            .orElseThrow(
                                                    () ->
                                                            new CommandLine.ParameterException(
                                                                    spec.commandLine(),
                                                                    "--duration must be like 30m or 2h")));
        }
        RackscopeConfig cfg = store.load();
        PrintWriter err = spec.commandLine().getErr();
        String url = prometheus != null ? prometheus : cfg.app().telemetry().prometheusUrl();
        HealthSnapshot s;
        try (PrometheusRouter client = new PrometheusRouter(cfg, url, new QueryStats());
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                cfg, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
            s = planner.refresh();
        }
        Optional<Alert> found =
                s.alerts().stream()
                        .filter(a -> a.entity().equals(entity) && a.check().equals(check))
                        .findFirst();
        if (found.isEmpty()) {
            err.println(
                    "no active alert "
                            + entity
                            + "/"
                            + check
                            + (s.errors().isEmpty() ? "" : " (" + s.errors().get(0) + ")"));
            return 1;
        }
        java.util.Optional<String> unknown = store.undetermined(cfg);
        if (unknown.isPresent()) {
            err.println(unknown.get());
            return 1;
        }
        HandlingService h = store.service(cfg);
        Silence made = h.acknowledge(found.get(), store.by(), note, until);
        if (made.id().startsWith("pending-")) {
            err.println(
                    "could not keep the acknowledgement: "
                            + h.problem().orElse("the store did not answer"));
            return 1;
        }
        spec.commandLine().getOut().println(made.id());
        return 0;
    }
}
