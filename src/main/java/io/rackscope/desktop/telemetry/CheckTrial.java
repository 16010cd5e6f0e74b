package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.CheckOutcome;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * One check, new or changed, evaluated against the estate with the planner's own batching, at a
 * moment or now, without touching the live states: per target its value, the rule that matched and
 * the state, the totals, and what it cost Prometheus.
 */
public final class CheckTrial {
    /** A target: its value (null: no sample), state, and the rule behind a non-OK state. */
    public record Row(String entity, String path, Double value, Severity state, String rule) {}

    /**
     * @param listed whether a template lists the check (else it was tried on every entity of its
     *     scope)
     * @param engineSeconds what the trial cost Prometheus; NaN when the server does not say
     */
    public record Result(
            Check check,
            Instant at,
            boolean listed,
            List<Row> rows,
            Map<Severity, Integer> totals,
            List<String> queries,
            long queriesSent,
            double engineSeconds,
            List<CycleError> errors) {

        /** The errors as lines; a PromQL error names where the check is written ({@code where}). */
        public List<String> rejected(String where) {
            List<String> out = new ArrayList<>();
            for (CycleError e : errors) {
                out.add(
                        (e.kind() == CycleError.Kind.BAD_QUERY
                                        ? where
                                                + ":"
                                                + check.line()
                                                + ": check '"
                                                + check.id()
                                                + "': "
                                        : "")
                                + e.message());
            }
            return out;
        }
    }

    private static final int VALUES_PER_QUERY = 1000;

    private CheckTrial() {}

    public static Result run(
            RackscopeConfig cfg, Check check, PrometheusRouter router, Instant at) {
        RackscopeConfig trial = cfg.withChecks(Map.of(check.id(), check));
        boolean listed = !new CheckTargets(trial).of(check).isEmpty();
        CheckTargets targets = CheckTargets.orEveryOfScope(trial, check);
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        OptionalDouble before = router.engineSeconds();
        long sentBefore = router.stats().queryCount();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(trial, router, EvaluationMode.FILTERED, clock, targets)) {
            List<String> queries = planner.plannedQueries();
            HealthSnapshot s = planner.refresh();
            List<String> ids = targets.of(check);
            Map<String, Double> values = new HashMap<>();
            for (int i = 0; i < ids.size(); i += VALUES_PER_QUERY) {
                List<String> some = ids.subList(i, Math.min(ids.size(), i + VALUES_PER_QUERY));
                try {
                    values.putAll(planner.currentValues(check, some).get(30, TimeUnit.SECONDS));
                } catch (Exception e) {
                    // the values are a courtesy; the states and errors come from the cycle
                }
            }
            OptionalDouble after = router.engineSeconds();
            CheckOutcome outcome = s.checks().get(check.id());
            List<Row> rows = new ArrayList<>();
            Map<Severity, Integer> totals = new EnumMap<>(Severity.class);
            for (String id : ids) {
                Severity state =
                        outcome == null || outcome.unevaluated().contains(id)
                                ? Severity.UNKNOWN
                                : outcome.stateOf(id);
                Double v = values.get(id);
                rows.add(new Row(id, path(cfg.topology(), id), v, state, rule(check, v, state)));
                totals.merge(state, 1, Integer::sum);
            }
            double engine =
                    before.isPresent() && after.isPresent()
                            ? after.getAsDouble() - before.getAsDouble()
                            : Double.NaN;
            return new Result(
                    check,
                    s.takenAt(),
                    listed,
                    rows,
                    totals,
                    queries,
                    router.stats().queryCount() - sentBefore,
                    engine,
                    s.errors());
        }
    }

    /** The rule that gives {@code state}, or why a matching rule does not (yet) count. */
    static String rule(Check check, Double value, Severity state) {
        if (value == null) {
            return state == Severity.OK ? "" : "no sample";
        }
        for (Rule r : check.rules()) {
            if (r.matches(value) && r.severity() == state) {
                return r.op().symbol + " " + r.value();
            }
        }
        if (state == Severity.OK && check.evaluate(value) != Severity.OK) {
            return "matches now, not yet for " + check.forDuration().toSeconds() + " s";
        }
        return "";
    }

    private static String path(Topology topology, String id) {
        return topology.instance(id)
                .map(p -> p.rack().id() + "/" + p.device().id() + "/" + id)
                .or(() -> topology.device(id).map(d -> d.rackId() + "/" + d.id()))
                .or(() -> topology.rack(id).map(r -> r.siteId() + "/" + r.id()))
                .orElse(id);
    }
}
