package io.rackscope.desktop.cli;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.Stores;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.CheckState;
import io.rackscope.desktop.health.ConnectionStatus;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.Handling;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.live.LiveLoop;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.AlertStarts;
import io.rackscope.desktop.telemetry.CheckTargets;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description =
                "Run health cycles headless (one by default) and print the states of the last."
                        + " Prometheus being down is reported, not an exit error; exit 1 means"
                        + " configuration errors.")
public final class SnapshotCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "DIR", description = "configuration directory")
    Path config;

    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            description = "Prometheus base URL (overrides telemetry.prometheus_url)")
    String prometheus;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            converter = Moment.class,
            description =
                    "the estate as it was at TIME (RFC 3339, or before now: -2h, -90m); with"
                            + " --cycles, the cycles end at TIME without waiting")
    Instant at;

    @Option(
            names = "--alertmanager",
            paramLabel = "URL",
            description =
                    "Alertmanager base URL for acknowledgements and maintenances (overrides"
                            + " alertmanager.url)")
    String alertmanager;

    @Option(
            names = "--checks",
            description =
                    "with --json: every check's state of every target, {entity: {check: {state,"
                            + " value, reason}}}, reason failing, ok, no_sample, query_failed or"
                            + " not_evaluated")
    boolean checks;

    @Option(
            names = "--plain",
            description = "ask the original way (every sample back), for comparison")
    boolean plain;

    @Option(
            names = "--cycles",
            paramLabel = "N",
            defaultValue = "1",
            description = "run N cycles on one planner, each asking Prometheus, print the last")
    int cycles;

    @Option(
            names = "--interval",
            paramLabel = "S",
            description =
                    "seconds between cycles (default: refresh.room_state_seconds/rack_state_seconds)")
    Integer interval;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        RackscopeConfig cfg = new ConfigLoader().load(ConfigLocation.resolve(config));
        PrintWriter err = spec.commandLine().getErr();
        for (Diagnostic d : cfg.diagnostics().errors()) {
            err.println(d);
        }
        String url = prometheus != null ? prometheus : cfg.app().telemetry().prometheusUrl();
        if (cycles < 1 || interval != null && interval < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--cycles and --interval must be at least 1");
        }
        HealthSnapshot s = null;
        List<Map<String, Object>> perCycle = new ArrayList<>();
        QueryStats stats = new QueryStats();
        try (PrometheusRouter client = new PrometheusRouter(cfg, url, stats);
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                cfg,
                                client,
                                plain ? EvaluationMode.PLAIN : EvaluationMode.FILTERED,
                                Clock.systemUTC());
                LiveLoop loop = new LiveLoop(planner, new AlertTracker(), shown -> {})) {
            if (interval != null) {
                planner.setCycleInterval(Duration.ofSeconds(interval));
            }
            Stores.feed(cfg, alertmanager).ifPresent(planner::setAlertFeed);
            long every = planner.cycleInterval().toMillis();
            for (int i = 0; i < cycles; i++) {
                if (i > 0 && at == null) {
                    sleep(every);
                }
                long q0 = stats.queryCount();
                long b0 = stats.bytes();
                long w0 = stats.wireBytes();
                planner.invalidateCaches();
                s =
                        at == null
                                ? loop.cycleNow()
                                : loop.publish(
                                        planner.refreshAt(
                                                at.minusMillis((cycles - 1 - i) * every)));
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("query_count", stats.queryCount() - q0);
                c.put("bytes", stats.bytes() - b0);
                c.put("wire_bytes", stats.wireBytes() - w0);
                c.put("cycle_ms", s.cycleTime().toMillis());
                perCycle.add(c);
            }
            s = AlertStarts.read(planner, s, cfg.app().alerts().sinceLookback());
        }
        s = Handlings.applied(cfg, alertmanager, s, at, err);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = document(s, cfg.topology());
            @SuppressWarnings("unchecked")
            Map<String, Object> st = (Map<String, Object>) doc.get("stats");
            st.put("cycles", perCycle);
            if (checks) {
                doc.put("checks", checkStates(s, cfg));
            }
            out.println(Json.write(doc));
        } else {
            out.printf(
                    "snapshot v%d at %s in %d ms: %d sites, %d racks, %d nodes%n",
                    s.version(),
                    s.takenAt(),
                    s.cycleTime().toMillis(),
                    s.sites().size(),
                    s.racks().size(),
                    s.nodes().size());
            s.sites().forEach((id, state) -> out.printf("  site %-20s %s%n", id, state));
            for (Alert a : s.alerts()) {
                out.printf(
                        "  %-4s %-24s %s%s%n",
                        a.severity(),
                        a.check(),
                        a.path(),
                        Double.isNaN(a.value()) ? "" : " = " + a.value());
            }
            s.errors().forEach(e -> out.println("  error: " + e));
            out.println("  stats: " + s.stats().asMap());
        }
        out.flush();
        err.flush();
        return cfg.hasErrors() ? 1 : 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why an entity's state is not this cycle's: "stale" (its last known state, since when) or
     * "unevaluated" (nothing was ever known), the checks concerned and the first reason given.
     */
    private static Map<String, Object> staleMarker(
            HealthSnapshot s, String entity, List<String> checks) {
        Map<String, Object> m = new LinkedHashMap<>();
        Instant since = s.staleSince().get(entity);
        m.put("state", since == null ? "unevaluated" : "stale");
        m.put("since", since == null ? null : since.toString());
        m.put("checks", checks);
        m.put(
                "reason",
                s.errors().stream()
                        .filter(e -> checks.contains(e.source()))
                        .map(CycleError::message)
                        .findFirst()
                        .orElse(null));
        return m;
    }

    /**
     * {@code ack: {by, note, at, until}} or {@code maintenance: {id, reason, effect, until}};
     * absent when neither.
     */
    private static void handled(Map<String, Object> m, Handled h) {
        if (h == null) {
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (h.acknowledged()) {
            out.put("by", h.by());
            out.put("note", h.text());
            out.put("at", h.since() == null ? null : h.since().toString());
            out.put("until", h.until() == null ? null : h.until().toString());
            out.put("pending", h.pending());
            m.put("ack", out);
        } else {
            out.put("id", h.id());
            out.put("reason", h.text());
            out.put("effect", h.hidden() ? "hide" : "badge");
            out.put("until", h.until() == null ? null : h.until().toString());
            m.put("maintenance", out);
        }
    }

    /**
     * Every check's state of each of its targets: {@code {entity: {check: {state, value, reason,
     * stale}}}}, value null when none is known (an OK sample's value is not asked for).
     */
    public static Map<String, Object> checkStates(HealthSnapshot s, RackscopeConfig cfg) {
        Map<String, Object> out = new TreeMap<>();
        CheckTargets targets = new CheckTargets(cfg);
        for (Check c : cfg.checks().values()) {
            for (String entity : targets.of(c)) {
                CheckState st = s.stateOf(c.id(), entity);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state", st.severity());
                m.put("value", Double.isFinite(st.value()) ? st.value() : null);
                m.put("reason", st.reason().json());
                m.put("stale", st.stale());
                @SuppressWarnings("unchecked")
                Map<String, Object> of =
                        (Map<String, Object>)
                                out.computeIfAbsent(entity, k -> new TreeMap<String, Object>());
                of.put(c.id(), m);
            }
        }
        return out;
    }

    /**
     * {@code racks} is keyed by rack id, the worst state among racks sharing one; {@code
     * rack_paths} by {@code site/room/rack}, one per rack.
     */
    static Map<String, Object> document(HealthSnapshot s, Topology topology) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("at", s.takenAt().toString());
        doc.put("sites", new TreeMap<>(s.sites()));
        doc.put("rooms", new TreeMap<>(s.rooms()));
        Map<String, Severity> byId = new TreeMap<>();
        Map<String, Severity> byPath = new TreeMap<>();
        for (Rack r : topology.racks()) {
            Severity state = s.rack(r.key());
            byId.merge(r.id(), state, Severity::worst);
            byPath.put(r.path(), state);
        }
        doc.put("racks", byId);
        doc.put("rack_paths", byPath);
        doc.put("nodes", new TreeMap<>(s.nodes()));
        Map<String, String> incidentOf = new HashMap<>();
        List<Map<String, Object>> incidents = new ArrayList<>();
        Handling handling = s.handling();
        for (Incident i : s.incidents()) {
            Handled handled = handling.incident(i);
            if (handled != null && handled.hidden()) {
                continue;
            }
            i.members().forEach(m -> incidentOf.putIfAbsent(m, i.id()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("severity", i.severity());
            m.put("place", i.key());
            m.put("level", i.level());
            m.put("name", i.name());
            m.put("path", i.path());
            m.put("checks", new TreeMap<>(i.checks()));
            m.put("members", i.members());
            m.put("failing_nodes", i.failingNodes());
            m.put("nodes", i.nodes());
            m.put("since", i.since() == null ? null : i.since().getEpochSecond());
            m.put("flapping", i.flapping());
            handled(m, handled);
            incidents.add(m);
        }
        List<Map<String, Object>> alerts =
                s.alerts().stream()
                        .filter(a -> !handling.hides(a))
                        .map(
                                a -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("severity", a.severity());
                                    m.put("check", a.check());
                                    m.put("entity", a.entity());
                                    m.put("path", a.path());
                                    m.put("source", a.source().label());
                                    m.put("value", Double.isFinite(a.value()) ? a.value() : null);
                                    m.put("incident", incidentOf.get(a.entity()));
                                    m.put(
                                            "since",
                                            a.since() == null ? null : a.since().getEpochSecond());
                                    handled(m, handling.alert(a));
                                    return m;
                                })
                        .toList();
        doc.put("alerts", alerts);
        doc.put("incidents", incidents);
        doc.put(
                "site_alerts",
                s.siteAlerts().stream()
                        .map(
                                a -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("source", a.source().label());
                                    m.put("name", a.name());
                                    m.put("severity", a.severity());
                                    m.put("state", a.state().label());
                                    m.put(
                                            "since",
                                            a.since() == null ? null : a.since().getEpochSecond());
                                    m.put(
                                            "placed",
                                            a.placed()
                                                    ? Map.of(
                                                            "scope",
                                                            a.scope()
                                                                    .name()
                                                                    .toLowerCase(Locale.ROOT),
                                                            "id",
                                                            a.entity())
                                                    : null);
                                    m.put("labels", new TreeMap<>(a.labels()));
                                    return m;
                                })
                        .toList());
        doc.put("forecasts", s.forecasts().stream().map(SnapshotCommand::forecast).toList());
        Map<String, Object> nodesOut = new TreeMap<>();
        Map<String, Object> othersOut = new TreeMap<>();
        s.unevaluated()
                .forEach(
                        (entity, checks) ->
                                (s.nodes().containsKey(entity) ? nodesOut : othersOut)
                                        .put(entity, staleMarker(s, entity, checks)));
        doc.put("stale_nodes", nodesOut);
        doc.put("stale_entities", othersOut);
        ConnectionStatus c = ConnectionStatus.of(s);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("level", c.level());
        status.put("headline", c.headline());
        status.put("reason", c.reason());
        doc.put("status", status);
        if (!handling.source().isEmpty()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("source", handling.source());
            h.put("read_at", handling.readAt() == null ? null : handling.readAt().toString());
            h.put("problem", handling.problem());
            h.put("hidden_alerts", s.alerts().stream().filter(handling::hides).count());
            doc.put("handling", h);
        }
        doc.put("stats", new LinkedHashMap<>(s.stats().asMap()));
        doc.put("errors", s.errors().stream().map(CycleError::toString).toList());
        doc.put(
                "cycle_errors",
                s.errors().stream()
                        .map(
                                e -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("kind", e.kind());
                                    m.put("source", e.source());
                                    m.put("batch", e.batch());
                                    m.put("message", e.message());
                                    return m;
                                })
                        .toList());
        return doc;
    }

    /**
     * One forecast: the contract's keys first (entity, check, severity, eta_seconds, value, rate).
     */
    private static Map<String, Object> forecast(Forecast f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entity", f.entity());
        m.put("check", f.check());
        m.put("severity", f.severity());
        m.put("eta_seconds", Math.round(f.etaSeconds()));
        m.put("value", f.value());
        m.put("rate_per_second", f.ratePerSecond());
        m.put("threshold", f.threshold());
        m.put("fit", Math.round(f.fit() * 1000) / 1000.0);
        m.put("path", f.path());
        m.put("rack", f.rack());
        return m;
    }
}
