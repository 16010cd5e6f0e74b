package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.checks.Operator;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.promql.IdPattern;
import io.rackscope.desktop.promql.Placeholder;
import io.rackscope.desktop.promql.PromQL;
import io.rackscope.desktop.promql.QueryTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a check and its targets into PromQL. Only the placeholder of the check's scope is batched;
 * the others get the ids related to that batch, so two placeholders never multiply.
 *
 * <p>Batches are cut three ways. The app's scheme ({@code compact}) writes a batch's ids one by one
 * and packs as many as fit in {@code max_query_bytes} (at most {@code
 * planner.max_entities_per_query}): Prometheus answers an alternation of literals by set lookups,
 * where any other regex is matched against every value of the label (measured at 100,000 nodes: 2.1
 * s of engine time per cycle this way, 5.7 s with range patterns). With {@code planner.id_matcher:
 * ranges} it writes them as exact range patterns ({@link IdPattern}) instead, at most {@code
 * max_ids_per_query} alternatives (a literal id or a run of consecutive ids) per query: fewer,
 * shorter queries. The original's scheme cuts at {@code max_ids_per_query} ids written one by one.
 * Every way, a batch whose query is too long is halved.
 */
final class CheckQueries {
    static final String SEVERITY_LABEL = "rackscope_severity";
    private static final String RUN_PART_LABEL = "rackscope_part";

    /**
     * One query's worth of a check: its ids and its expression for them ({@code e}). When the
     * running Slurm jobs stand for {@code $jobs}, the expression keeps that placeholder until
     * {@link #withJobs} fills it for the cycle.
     */
    record Batch(Check check, int index, List<String> ids, String expr) {}

    private final AppConfig.Telemetry telemetry;
    private final int maxIds;
    private final int maxEntities;
    private final int maxBytes;
    private final int maxSeries;
    private final boolean compact;
    private final boolean ranges;
    private final CheckTargets targets;

    /** True when {@code $jobs} stands for the running Slurm jobs, which change every cycle. */
    private final boolean slurmJobs;

    private final Map<String, QueryTemplate> templates = new ConcurrentHashMap<>();

    CheckQueries(AppConfig app, boolean compact, CheckTargets targets, boolean slurmJobs) {
        this.telemetry = app.telemetry();
        this.maxIds = app.planner().maxIdsPerQuery();
        this.maxEntities = Math.max(maxIds, app.planner().maxEntitiesPerQuery());
        this.maxBytes = app.planner().maxQueryBytes();
        this.maxSeries = app.planner().maxSeriesPerQuery();
        this.compact = compact;
        this.ranges = compact && app.planner().rangeIds();
        this.targets = targets;
        this.slurmJobs = slurmJobs;
    }

    int maxEntitiesPerQuery() {
        return maxEntities;
    }

    int maxQueryBytes() {
        return maxBytes;
    }

    /** The most series one answer may bring ({@code planner.max_series_per_query}). */
    int maxSeriesPerQuery() {
        return maxSeries;
    }

    /**
     * The batches of {@code check} over {@code ids} (its targets, or those one Prometheus holds).
     */
    List<Batch> batches(Check check, List<String> ids) {
        List<List<String>> groups = new ArrayList<>();
        if (ranges) {
            pack(ids, groups);
        } else if (compact) {
            fill(check, ids, groups);
        } else {
            for (int i = 0; i < ids.size(); i += maxIds) {
                groups.add(ids.subList(i, Math.min(ids.size(), i + maxIds)));
            }
        }
        List<Batch> out = new ArrayList<>();
        for (List<String> group : groups) {
            split(check, group, out);
        }
        return out;
    }

    /** Packs the range parts of {@code ids} into groups within the alternative and id limits. */
    private void pack(List<String> ids, List<List<String>> groups) {
        List<String> current = new ArrayList<>();
        int alternatives = 0;
        for (IdPattern.Part part : IdPattern.parts(ids)) {
            List<String> rest = part.ids();
            while (!rest.isEmpty()) {
                if (alternatives >= maxIds || current.size() >= maxEntities) {
                    groups.add(current);
                    current = new ArrayList<>();
                    alternatives = 0;
                }
                int take = Math.min(rest.size(), maxEntities - current.size());
                current.addAll(rest.subList(0, take));
                rest = rest.subList(take, rest.size());
                alternatives++;
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
    }

    /** Fills groups with literal ids up to the byte budget (what the query around them leaves). */
    private void fill(Check check, List<String> ids, List<List<String>> groups) {
        if (ids.isEmpty()) {
            return;
        }
        String first = ids.get(0);
        int around = expr(check, List.of(first)).length() - literalLength(first);
        int budget = Math.max(1, maxBytes - around);
        List<String> current = new ArrayList<>();
        int used = 0;
        for (String id : ids) {
            int len = literalLength(id) + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && (used + len > budget || current.size() >= maxEntities)) {
                groups.add(current);
                current = new ArrayList<>();
                used = 0;
                len = literalLength(id);
            }
            current.add(id);
            used += len;
        }
        groups.add(current);
    }

    private static int literalLength(String id) {
        return PromQL.alternation(List.of(id)).length();
    }

    private void split(Check check, List<String> ids, List<Batch> out) {
        String e = expr(check, ids);
        if (e.length() > maxBytes && ids.size() > 1) {
            int half = ids.size() / 2;
            split(check, ids.subList(0, half), out);
            split(check, ids.subList(half, ids.size()), out);
        } else {
            out.add(new Batch(check, out.size(), List.copyOf(ids), e));
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

    /** The check's expression for {@code ids} (of its scope). */
    String expr(Check check, Collection<String> ids) {
        return expand(check.expr(), check, ids);
    }

    /**
     * {@code check}'s expression for every entity of its scope the server holds, its own entities
     * not named ({@link WholeRead}); empty when its answer could not be told apart by entity as its
     * batches' answers are, or it also names the entities of another scope.
     */
    Optional<String> whole(Check check) {
        if (check.expandByLabel() != null || check.expandDiscoveryExpr() != null) {
            return Optional.empty();
        }
        QueryTemplate template = templates.computeIfAbsent(check.expr(), QueryTemplate::of);
        Placeholder own =
                switch (check.scope()) {
                    case NODE -> Placeholder.INSTANCE;
                    case CHASSIS -> Placeholder.CHASSIS;
                    case RACK -> Placeholder.RACK;
                };
        Map<Placeholder, Object> values = new EnumMap<>(Placeholder.class);
        for (Placeholder p : template.placeholders()) {
            if (p == own) {
                values.put(p, QueryTemplate.Value.regex(WholeRead.MARKER));
            } else if (p == Placeholder.JOB) {
                if (!slurmJobs) {
                    values.put(p, QueryTemplate.Value.regex(telemetry.jobRegex()));
                }
            } else {
                return Optional.empty();
            }
        }
        if (!values.containsKey(own)) {
            return Optional.empty();
        }
        return WholeRead.of(template.fill(values), entityLabel(check));
    }

    /** The sub-nodes that should exist ({@code expand_discovery_expr}) for {@code ids}. */
    String discovery(Check check, Collection<String> ids) {
        return expand(check.expandDiscoveryExpr(), check, ids);
    }

    /**
     * {@code expr} with the placeholders filled in: {@code ids} for the check's own scope, the ids
     * related to them for the others.
     */
    private String expand(String expr, Check check, Collection<String> ids) {
        QueryTemplate template = templates.computeIfAbsent(expr, QueryTemplate::of);
        List<String> batch = ids instanceof List<String> l ? l : new ArrayList<>(ids);
        Map<Placeholder, Object> values = new EnumMap<>(Placeholder.class);
        for (Placeholder p : template.placeholders()) {
            switch (p) {
                case INSTANCE ->
                        values.put(p, ids(targets.related(check.scope(), batch, CheckScope.NODE)));
                case CHASSIS ->
                        values.put(
                                p, ids(targets.related(check.scope(), batch, CheckScope.CHASSIS)));
                case RACK ->
                        values.put(p, ids(targets.related(check.scope(), batch, CheckScope.RACK)));
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

    private QueryTemplate.Value ids(Collection<String> ids) {
        return ranges ? QueryTemplate.Value.pattern(ids) : QueryTemplate.Value.anyOf(ids);
    }

    /** {@code query} with {@code $jobs}, if it is still there, standing for {@code jobs}. */
    static String withJobs(String query, QueryTemplate.Value jobs) {
        if (!query.contains("$jobs")) {
            return query;
        }
        return QueryTemplate.of(query).fill(Map.of(Placeholder.JOB, jobs));
    }

    /** Which entities have samples, and nothing else. */
    static String presence(String e, String entityLabel) {
        return "count by (" + entityLabel + ") (" + e + ")";
    }

    /** The label that tells a presence probe's series from the check's own. */
    static final String PROBE_LABEL = "rackscope_probe";

    /** How many entities have samples: one series labelled {@code rackscope_probe="all"}. */
    static String entityCount(String e, String entityLabel) {
        return probe("count(" + presence(e, entityLabel) + ")", "all");
    }

    /** Which of the entities of {@code e} have samples, labelled {@code rackscope_probe="back"}. */
    static String returned(String e, String entityLabel) {
        return probe(presence(e, entityLabel), "back");
    }

    private static String probe(String q, String kind) {
        return "label_replace(" + q + ", \"" + PROBE_LABEL + "\", \"" + kind + "\", \"\", \"\")";
    }

    /**
     * Every entity's worst sample, one series each with only the labels that name it: {@code max
     * by} when every non-OK rule is a lower bound (higher is worse), {@code min by} when every one
     * is an upper bound; the plain expression otherwise, since then no one sample is the worst. A
     * check with {@code output: bool} reads {@code == 0} as below 1 and {@code == 1} as above 0.
     */
    static String values(String e, Check check, String entityLabel) {
        int direction = 0;
        for (Rule r : check.rules()) {
            if (r.severity() == Severity.OK) {
                continue;
            }
            int d = direction(r, check.boolOutput());
            if (d == 0 || direction != 0 && d != direction) {
                return e;
            }
            direction = d;
        }
        if (direction == 0) {
            return e;
        }
        String by =
                check.expandByLabel() == null
                        ? entityLabel
                        : entityLabel + ", " + check.expandByLabel();
        return (direction > 0 ? "max" : "min") + " by (" + by + ") (" + e + ")";
    }

    /**
     * One series per entity, its worst sample, for a check whose thresholds bound one side ({@link
     * io.rackscope.desktop.checks.Trends#direction}); sub-nodes fold into their entity.
     */
    static String worstPerEntity(String e, Check check, String entityLabel) {
        int d = io.rackscope.desktop.checks.Trends.direction(check);
        return (d < 0 ? "min" : "max") + " by (" + entityLabel + ") (" + e + ")";
    }

    /** +1 when higher values are worse for this rule, -1 when lower are, 0 when neither. */
    private static int direction(Rule r, boolean bool) {
        return switch (r.op()) {
            case GT, GE -> 1;
            case LT, LE -> -1;
            case EQ -> bool && r.value() == 0 ? -1 : bool && r.value() == 1 ? 1 : 0;
            case NE -> bool && r.value() == 1 ? -1 : bool && r.value() == 0 ? 1 : 0;
        };
    }

    /**
     * Only the samples that break a rule: {@code (e) op v} when the check's non-OK rules come down
     * to one comparison, so that the expression is evaluated once; empty otherwise (several
     * disjoint conditions would each evaluate it again, and then the plain expression is cheaper).
     */
    static Optional<String> failing(String e, Check check) {
        return failing(e, check, 0);
    }

    /**
     * As above, the bound moved {@code margin} (a fraction of it) towards healthy, so that the
     * samples near failing come too (for forecasts; the caller tells failing from near).
     */
    static Optional<String> failing(String e, Check check, double margin) {
        List<Rule> conditions =
                merge(check.rules().stream().filter(r -> r.severity() != Severity.OK).toList());
        if (conditions.size() != 1) {
            return Optional.empty();
        }
        Rule r = conditions.get(0);
        int d = io.rackscope.desktop.checks.Trends.direction(check);
        double bound = r.value() - d * margin * Math.abs(r.value());
        return Optional.of("(" + e + ") " + r.op().symbol + " " + PromQL.number(bound));
    }

    /**
     * Where each entity's current failing run began within {@code lookback}, at {@code step}: one
     * number per entity, epoch seconds: the step after it was last healthy (no non-OK rule matched;
     * with sub-nodes, the earliest such moment among them, the failing child's), or the step its
     * series came back after a gap without samples, whichever is later - a gap is not failing, so
     * the run starts again after it. An entity failing through the whole window, without a gap, is
     * absent. Empty when the check has no non-OK rule.
     */
    static Optional<String> runStart(
            String e, Check check, String entityLabel, Duration lookback, Duration step) {
        List<Rule> conditions =
                merge(check.rules().stream().filter(r -> r.severity() != Severity.OK).toList());
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        String window = "[" + lookback.toSeconds() + "s:" + step.toSeconds() + "s]";
        String s = step.toSeconds() + "s";
        String afterHealthy =
                "min by ("
                        + entityLabel
                        + ") (max_over_time(timestamp("
                        + sumOfBools("(" + e + ")", conditions)
                        + " == 0)"
                        + window
                        + ")) + "
                        + step.toSeconds();
        // present now but not one step before: the series came back (or first appeared)
        String cameBack =
                "label_replace(max by ("
                        + entityLabel
                        + ") (max_over_time(timestamp(("
                        + e
                        + ") unless on ("
                        + entityLabel
                        + ") last_over_time(("
                        + e
                        + ")["
                        + s
                        + ":"
                        + s
                        + "] offset "
                        + s
                        + "))"
                        + window
                        + ")), \""
                        + RUN_PART_LABEL
                        + "\", \"came_back\", \"\", \"\")";
        return Optional.of(
                "max by (" + entityLabel + ") (" + afterHealthy + " or " + cameBack + ")");
    }

    /**
     * The full {@code for:} rule evaluated at once (the reference the planner's cheaper scheme is
     * checked against): per series and severity, how many steps of the window met the severity's
     * condition. The condition held when every step did.
     */
    static String reference(String e, Check check, Duration step) {
        String window = "[" + Durations.format(check.forDuration()) + ":" + step.toSeconds() + "s]";
        List<String> parts = new ArrayList<>();
        conditionsBySeverity(check)
                .forEach(
                        (severity, conditions) ->
                                parts.add(
                                        "label_replace(count_over_time(("
                                                + sumOfBools("(" + e + ")", conditions)
                                                + " == 1)"
                                                + window
                                                + "), \""
                                                + SEVERITY_LABEL
                                                + "\", \""
                                                + severity
                                                + "\", \"\", \"\")"));
        return String.join(" or ", parts);
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
