package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.checks.Operator;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.promql.Placeholder;
import io.rackscope.desktop.promql.PromQL;
import io.rackscope.desktop.promql.QueryTemplate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a check and its targets into batched PromQL. Batches hold at most {@code max_ids_per_query}
 * ids and are halved until the query fits the byte budget. Only the placeholder of the check's
 * scope is batched; the others get the ids related to that batch, so two placeholders never
 * multiply.
 */
final class CheckQueries {
    static final String PRESENT_LABEL = "rackscope_present";
    static final String SEVERITY_LABEL = "rackscope_severity";

    /**
     * One query to send: the check, the ids it covers, the PromQL, and the label that names the
     * entity. When the running Slurm jobs stand for {@code $jobs}, the query keeps that placeholder
     * until {@link #query(QueryTemplate.Value)} fills it for the cycle.
     */
    record Batch(Check check, List<String> ids, String query, String entityLabel) {}

    /** {@code query} with {@code $jobs}, if it is still there, standing for {@code jobs}. */
    static String withJobs(String query, QueryTemplate.Value jobs) {
        if (!query.contains("$jobs")) {
            return query;
        }
        return QueryTemplate.of(query).fill(Map.of(Placeholder.JOB, jobs));
    }

    private final AppConfig.Telemetry telemetry;
    private final int maxIds;
    private final int maxBytes;
    private final EvaluationMode mode;
    private final CheckTargets targets;

    /** True when {@code $jobs} stands for the running Slurm jobs, which change every cycle. */
    private final boolean slurmJobs;

    private final Map<String, QueryTemplate> templates = new ConcurrentHashMap<>();

    CheckQueries(AppConfig app, EvaluationMode mode, CheckTargets targets, boolean slurmJobs) {
        this.slurmJobs = slurmJobs;
        this.telemetry = app.telemetry();
        this.maxIds = app.planner().maxIdsPerQuery();
        this.maxBytes = app.planner().maxQueryBytes();
        this.mode = mode;
        this.targets = targets;
    }

    List<Batch> batches(Check check) {
        List<String> ids = targets.of(check);
        List<Batch> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += maxIds) {
            split(check, ids.subList(i, Math.min(ids.size(), i + maxIds)), out);
        }
        return out;
    }

    private void split(Check check, List<String> ids, List<Batch> out) {
        String query = query(check, ids);
        if (query.length() > maxBytes && ids.size() > 1) {
            int half = ids.size() / 2;
            split(check, ids.subList(0, half), out);
            split(check, ids.subList(half, ids.size()), out);
        } else {
            out.add(new Batch(check, List.copyOf(ids), query, entityLabel(check)));
        }
    }

    String entityLabel(Check check) {
        if (!check.selectors().isEmpty()) {
            return check.selectors().get(0);
        }
        return switch (check.scope()) {
            case NODE -> telemetry.identityLabel();
            case CHASSIS -> telemetry.chassisLabel();
            case RACK -> telemetry.rackLabel();
        };
    }

    String expand(Check check, List<String> ids) {
        return expand(check.expr(), check, ids);
    }

    /**
     * {@code expr} with the placeholders filled in for a batch of {@code check}: the batch's ids
     * for the check's own scope, the ids related to them for the others.
     */
    private String expand(String expr, Check check, List<String> ids) {
        QueryTemplate template = templates.computeIfAbsent(expr, QueryTemplate::of);
        Map<Placeholder, Object> values = new EnumMap<>(Placeholder.class);
        for (Placeholder p : template.placeholders()) {
            switch (p) {
                case INSTANCE ->
                        values.put(p, targets.related(check.scope(), ids, CheckScope.NODE));
                case CHASSIS ->
                        values.put(p, targets.related(check.scope(), ids, CheckScope.CHASSIS));
                case RACK -> values.put(p, targets.related(check.scope(), ids, CheckScope.RACK));
                case JOB -> {
                    if (!slurmJobs) {
                        values.put(p, QueryTemplate.Value.regex(telemetry.jobRegex()));
                    }
                }
                default -> {}
            }
        }
        return template.fill(values);
    }

    String query(Check check, List<String> ids) {
        String e = "(" + expand(check, ids) + ")";
        String label = entityLabel(check);
        List<String> parts = new ArrayList<>();
        boolean debounced = !check.forDuration().isZero();
        if (debounced) {
            String window =
                    "["
                            + Durations.format(check.forDuration())
                            + ":"
                            + telemetry.scrapeIntervalSeconds()
                            + "s]";
            conditionsBySeverity(check)
                    .forEach(
                            (severity, conditions) -> {
                                String held =
                                        "min_over_time(("
                                                + sumOfBools(e, conditions)
                                                + ")"
                                                + window
                                                + ")";
                                if (mode == EvaluationMode.FILTERED) {
                                    held += " == 1";
                                }
                                parts.add(
                                        "label_replace("
                                                + held
                                                + ", \""
                                                + SEVERITY_LABEL
                                                + "\", \""
                                                + severity
                                                + "\", \"\", \"\")");
                            });
            if (mode == EvaluationMode.PLAIN) {
                parts.add(e);
            }
        } else if (mode == EvaluationMode.FILTERED) {
            for (Rule r :
                    merge(
                            check.rules().stream()
                                    .filter(r -> r.severity() != Severity.OK)
                                    .toList())) {
                parts.add(e + " " + r.op().symbol + " " + PromQL.number(r.value()));
            }
        } else {
            parts.add(e);
        }
        if (mode == EvaluationMode.FILTERED) {
            parts.add(presenceCount(e, label));
        }
        return String.join(" or ", parts);
    }

    /**
     * The sub-nodes that should exist ({@code expand_discovery_expr}), for a batch of an expanding
     * check.
     */
    String discovery(Batch batch) {
        return expand(batch.check().expandDiscoveryExpr(), batch.check(), batch.ids());
    }

    /** Which sub-nodes of a batch have samples: entity and sub-node label pairs. */
    String childPresence(Batch batch) {
        return "count by ("
                + batch.entityLabel()
                + ", "
                + batch.check().expandByLabel()
                + ") (("
                + expand(batch.check(), batch.ids())
                + "))";
    }

    /** The query that lists which entities of a batch have samples. */
    String presenceList(Batch batch) {
        return "count by ("
                + batch.entityLabel()
                + ") (("
                + expand(batch.check(), batch.ids())
                + "))";
    }

    private static String presenceCount(String e, String label) {
        return "label_replace(count(count by ("
                + label
                + ") ("
                + e
                + ")), \""
                + PRESENT_LABEL
                + "\", \"1\", \"\", \"\")";
    }

    private static Map<Severity, List<Rule>> conditionsBySeverity(Check check) {
        Map<Severity, List<Rule>> by = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN)) {
            List<Rule> rules =
                    merge(check.rules().stream().filter(r -> r.severity() == s).toList());
            if (!rules.isEmpty()) {
                by.put(s, rules);
            }
        }
        return by;
    }

    private static String sumOfBools(String e, List<Rule> rules) {
        List<String> terms =
                rules.stream()
                        .map(r -> e + " " + r.op().symbol + " bool " + PromQL.number(r.value()))
                        .toList();
        return terms.size() == 1 ? terms.get(0) : "clamp_max(" + String.join(" + ", terms) + ", 1)";
    }

    /**
     * The fewest conditions that match exactly the samples at least one of {@code rules} matches:
     * of several lower bounds only the loosest matters, likewise upper bounds; equalities stay as
     * they are.
     */
    static List<Rule> merge(List<Rule> rules) {
        Rule lower = null;
        Rule upper = null;
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            switch (r.op()) {
                case GT, GE -> lower = lower == null || looser(r, lower, true) ? r : lower;
                case LT, LE -> upper = upper == null || looser(r, upper, false) ? r : upper;
                default -> {
                    if (out.stream().noneMatch(o -> o.op() == r.op() && o.value() == r.value())) {
                        out.add(r);
                    }
                }
            }
        }
        if (lower != null) {
            out.add(lower);
        }
        if (upper != null) {
            out.add(upper);
        }
        return out;
    }

    private static boolean looser(Rule candidate, Rule current, boolean lowerBound) {
        if (candidate.value() != current.value()) {
            return lowerBound
                    ? candidate.value() < current.value()
                    : candidate.value() > current.value();
        }
        return candidate.op() == Operator.GE || candidate.op() == Operator.LE;
    }
}
