package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.CheckResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gathers one check's states per entity from samples (or held severities) and folds them into
 * results: several samples of an entity give its worst state (the value of the worst one, the
 * largest in magnitude among equals); {@code expand_by_label} sub-nodes roll into their parent per
 * {@code expand_crit_threshold}.
 */
final class OutcomeBuilder {
    private final Check check;
    private final Instant at;
    private final Map<String, Map<String, Severity>> children = new HashMap<>();
    private final Map<String, Severity> worst = new HashMap<>();
    private final Map<String, Double> worstValue = new HashMap<>();

    OutcomeBuilder(Check check, Instant at) {
        this.check = check;
        this.at = at;
    }

    /** A state of {@code entity} (or of its sub-node {@code child} when not null). */
    void add(String entity, String child, Severity severity, double value) {
        if (child != null && check.expandByLabel() != null) {
            children.computeIfAbsent(entity, k -> new LinkedHashMap<>())
                    .merge(child, severity, Severity::worst);
            return;
        }
        Severity before = worst.get(entity);
        if (before == null
                || severity.worseThan(before)
                || severity == before && Math.abs(value) > Math.abs(worstValue.get(entity))) {
            worst.put(entity, severity);
            worstValue.put(entity, value);
        }
    }

    /** The non-OK results by entity. */
    Map<String, CheckResult> problems() {
        Map<String, CheckResult> out = new HashMap<>();
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
                        out.put(
                                entity,
                                new CheckResult(
                                        check.id(), entity, parent, Double.NaN, notOk, at, false));
                    }
                });
        worst.forEach(
                (entity, severity) -> {
                    if (severity != Severity.OK && !out.containsKey(entity)) {
                        out.put(
                                entity,
                                new CheckResult(
                                        check.id(),
                                        entity,
                                        severity,
                                        worstValue.get(entity),
                                        Map.of(),
                                        at,
                                        false));
                    }
                });
        return out;
    }
}
