package io.rackscope.desktop.cli;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.CheckTrial;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check-test",
        mixinStandardHelpOptions = true,
        description =
                "Try one check (new or changed, not yet in the library) against the estate with the"
                        + " planner's own batching: per target the value, the rule that matched and"
                        + " the state, the totals, the queries and what they cost Prometheus. A check"
                        + " no template lists is tried on every entity of its scope. Exit 1 when the"
                        + " check is invalid or Prometheus rejects it (with its file and line).")
public final class CheckTestCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "DIR", description = "configuration directory")
    Path config;

    @Option(
            names = "--check",
            required = true,
            paramLabel = "FILE.yaml[#ID]",
            description = "the file holding the check; #ID picks one when it holds several")
    String check;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            converter = Moment.class,
            description = "evaluate at TIME (RFC 3339, or before now: -2h) instead of now")
    Instant at;

    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            description = "Prometheus base URL (overrides telemetry.prometheus_url)")
    String prometheus;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(
            names = "--all",
            description = "list every target, not only those that are not OK (text output)")
    boolean all;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int hash = check.lastIndexOf('#');
        Path file = Path.of(hash < 0 ? check : check.substring(0, hash));
        String id = hash < 0 ? null : check.substring(hash + 1);
        ConfigLoader loader = new ConfigLoader();
        RackscopeConfig cfg = loader.load(ConfigLocation.resolve(config));
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Check> found = loader.checksOf(file, diagnostics, cfg);
        diagnostics.all().forEach(err::println);
        Check tried = pick(found, id, file);
        if (tried == null) {
            err.flush();
            return 1;
        }
        String url = prometheus != null ? prometheus : cfg.app().telemetry().prometheusUrl();
        CheckTrial.Result r;
        try (PrometheusRouter router = new PrometheusRouter(cfg, url, new QueryStats())) {
            Instant when = at == null ? Instant.now() : at;
            java.util.Optional<String> syntax =
                    io.rackscope.desktop.telemetry.CheckTrials.syntaxError(
                            router, file, file.toString(), tried, when);
            if (syntax.isPresent()) {
                // one error, at the line and column of the expression as written
                err.println(syntax.get());
                err.flush();
                return 1;
            }
            r = CheckTrial.run(cfg, tried, router, when);
        }
        List<String> rejected = r.rejected(tried.file().toString());
        if (json) {
            out.println(Json.write(document(r, rejected)));
        } else {
            print(out, r, rejected);
        }
        out.flush();
        rejected.forEach(err::println);
        err.flush();
        boolean bad =
                r.errors().stream().anyMatch(e -> e.kind() == CycleError.Kind.BAD_QUERY)
                        || !diagnostics.errors().isEmpty();
        return bad ? 1 : 0;
    }

    private Check pick(Map<String, Check> found, String id, Path file) {
        if (id != null) {
            Check c = found.get(id);
            if (c == null) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "error: "
                                        + file
                                        + " holds no valid check '"
                                        + id
                                        + "' (it holds: "
                                        + String.join(", ", found.keySet())
                                        + ")");
            }
            return c;
        }
        if (found.size() == 1) {
            return found.values().iterator().next();
        }
        spec.commandLine()
                .getErr()
                .println(
                        found.isEmpty()
                                ? "error: " + file + " holds no valid check"
                                : "error: "
                                        + file
                                        + " holds "
                                        + found.size()
                                        + " checks; name one: "
                                        + file
                                        + "#"
                                        + found.keySet().iterator().next());
        return null;
    }

    private void print(PrintWriter out, CheckTrial.Result r, List<String> rejected) {
        out.printf(
                "check %s (%s scope) at %s on %d targets%s%n",
                r.check().id(),
                r.check().scope().name().toLowerCase(Locale.ROOT),
                r.at(),
                r.rows().size(),
                r.listed() ? "" : " (no template lists it: every entity of its scope)");
        out.printf("  %-28s %-44s %12s  %-7s %s%n", "TARGET", "PATH", "VALUE", "STATE", "RULE");
        int shown = 0;
        for (CheckTrial.Row row : r.rows()) {
            if (!all && row.state() == Severity.OK) {
                continue;
            }
            out.printf(
                    "  %-28s %-44s %12s  %-7s %s%n",
                    row.entity(),
                    row.path(),
                    row.value() == null ? "-" : format(row.value()),
                    row.state(),
                    row.rule());
            shown++;
        }
        if (shown == 0) {
            out.println("  (every target OK; --all lists them)");
        }
        out.printf(
                "totals: %s%n",
                String.join(
                        ", ",
                        r.totals().entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey())
                                .toList()));
        out.printf(
                "queries: %d planned batches, %d sent; Prometheus engine %s%n",
                r.queries().size(),
                r.queriesSent(),
                Double.isNaN(r.engineSeconds())
                        ? "n/a (the server keeps no engine counter)"
                        : String.format(Locale.ROOT, "%.4f s", r.engineSeconds()));
        rejected.forEach(e -> out.println("error: " + e));
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    private static Map<String, Object> document(CheckTrial.Result r, List<String> rejected) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("check", r.check().id());
        doc.put("at", r.at().toString());
        doc.put("listed_by_templates", r.listed());
        doc.put("targets", r.rows().size());
        Map<String, Integer> totals = new LinkedHashMap<>();
        r.totals().forEach((k, v) -> totals.put(k.name(), v));
        doc.put("totals", totals);
        doc.put(
                "rows",
                r.rows().stream()
                        .map(
                                row -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("entity", row.entity());
                                    m.put("path", row.path());
                                    m.put("value", row.value());
                                    m.put("state", row.state());
                                    m.put("rule", row.rule());
                                    return m;
                                })
                        .toList());
        doc.put("queries", r.queries());
        doc.put("queries_sent", r.queriesSent());
        doc.put("engine_seconds", Double.isNaN(r.engineSeconds()) ? null : r.engineSeconds());
        doc.put("errors", rejected);
        return doc;
    }
}
