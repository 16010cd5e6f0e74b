package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.CheckResult;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the answer to one batch: non-OK results per entity, and which entities had samples. */
final class BatchOutcome {
    final Map<String, CheckResult> problems = new HashMap<>();
    final Set<String> present = new HashSet<>();

    /** The count of entities present, when the query carried one; -1 otherwise. */
    long presentCount = -1;

    private final Check check;
    private final Set<String> ids;
    private final String entityLabel;
    private final Instant at;
    private final Map<String, Map<String, Severity>> children = new HashMap<>();
    private final Map<String, double[]> worstValue = new HashMap<>();
    private final Map<String, Severity> worst = new HashMap<>();

    BatchOutcome(CheckQueries.Batch batch, Instant at) {
        this.check = batch.check();
        this.ids = new HashSet<>(batch.ids());
        this.entityLabel = batch.entityLabel();
        this.at = at;
    }

    void read(QueryResult result) {
        boolean debounced = !check.forDuration().isZero();
        for (Series s : result.series()) {
            if (s.labels().containsKey(CheckQueries.PRESENT_LABEL)) {
                presentCount = Math.round(s.value());
                continue;
            }
            String entity = s.label(entityLabel);
            if (entity == null || !ids.contains(entity)) {
                continue;
            }
            String held = s.label(CheckQueries.SEVERITY_LABEL);
            if (held != null) {
                if (s.value() == 1) {
                    record(entity, null, Severity.parse(held).orElse(Severity.UNKNOWN), Double.NaN);
                }
                continue;
            }
            present.add(entity);
            if (!debounced) {
                String child =
                        check.expandByLabel() == null ? null : s.label(check.expandByLabel());
                record(entity, child, check.evaluate(s.value()), s.value());
            }
        }
    }

    /** Entities listed by the presence query ({@code count by (label)}). */
    void readPresence(QueryResult result) {
        for (Series s : result.series()) {
            String entity = s.label(entityLabel);
            if (entity != null && ids.contains(entity)) {
                present.add(entity);
            }
        }
    }

    /**
     * Sub-nodes the discovery expression lists but that returned no sample take the check's absent
     * state ({@code expand_absent_state}, OK unless configured); they then roll into their parent
     * like any other.
     */
    void readDiscovery(QueryResult discovered, QueryResult withSamples) {
        String label = check.expandByLabel();
        Set<String> seen = new HashSet<>();
        for (Series s : withSamples.series()) {
            seen.add(s.label(entityLabel) + '\u0000' + s.label(label));
        }
        for (Series s : discovered.series()) {
            String entity = s.label(entityLabel);
            String child = s.label(label);
            if (entity != null
                    && child != null
                    && ids.contains(entity)
                    && !seen.contains(entity + '\u0000' + child)) {
                present.add(entity);
                record(entity, child, check.expandAbsentState(), Double.NaN);
            }
        }
    }

    /** True when the count says every id of the batch has samples (and no stranger does). */
    boolean allPresent() {
        return presentCount == ids.size();
    }

    private void record(String entity, String child, Severity severity, double value) {
        if (child != null) {
            children.computeIfAbsent(entity, k -> new LinkedHashMap<>())
                    .merge(child, severity, Severity::worst);
            return;
        }
        Severity before = worst.get(entity);
        if (before == null
                || severity.worseThan(before)
                || severity == before && Math.abs(value) > Math.abs(worstValue.get(entity)[0])) {
            worst.put(entity, severity);
            worstValue.put(entity, new double[] {value});
        }
    }

    /**
     * Folds the samples into results: sub-nodes roll into their parent per {@code
     * expand_crit_threshold}.
     */
    void finish() {
        children.forEach(
                (entity, kids) -> {
                    long crit = kids.values().stream().filter(s -> s == Severity.CRIT).count();
                    boolean warn = kids.values().stream().anyMatch(s -> s == Severity.WARN);
                    Severity parent =
                            crit > 0
                                    ? (check.expandCritThreshold() > 0
                                                    && crit < check.expandCritThreshold()
                                            ? Severity.WARN
                                            : Severity.CRIT)
                                    : warn ? Severity.WARN : Severity.OK;
                    Map<String, Severity> notOk = new LinkedHashMap<>();
                    kids.forEach(
                            (k, v) -> {
                                if (v != Severity.OK) {
                                    notOk.put(k, v);
                                }
                            });
                    if (parent != Severity.OK) {
                        problems.put(
                                entity,
                                new CheckResult(
                                        check.id(), entity, parent, Double.NaN, notOk, at, false));
                    }
                });
        worst.forEach(
                (entity, severity) -> {
                    if (severity != Severity.OK && !problems.containsKey(entity)) {
                        problems.put(
                                entity,
                                new CheckResult(
                                        check.id(),
                                        entity,
                                        severity,
                                        worstValue.get(entity)[0],
                                        Map.of(),
                                        at,
                                        false));
                    }
                });
    }

    List<String> ids() {
        return List.copyOf(ids);
    }
}
