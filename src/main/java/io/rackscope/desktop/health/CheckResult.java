package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * A non-OK outcome of one check for one entity. {@code value} is NaN when the state comes from a
 * {@code for:} window rather than from one sample. {@code children} holds the states of {@code
 * expand_by_label} sub-nodes. {@code stale} results are the last known ones, kept while their query
 * fails; {@code observedAt} tells their age.
 */
public record CheckResult(
        String checkId,
        String entity,
        Severity severity,
        double value,
        Map<String, Severity> children,
        Instant observedAt,
        boolean stale) {
    public CheckResult {
        children = Map.copyOf(children);
    }

    public CheckResult asStale() {
        return stale
                ? this
                : new CheckResult(checkId, entity, severity, value, children, observedAt, true);
    }
}
