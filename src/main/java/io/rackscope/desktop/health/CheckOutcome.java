package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.Severity;
import java.util.Map;
import java.util.Set;

/**
 * What one check said about all its targets in one cycle: the non-OK results, and the targets that
 * returned no sample at all. Every other target is OK. Keeping only these makes a healthy estate's
 * snapshot small. {@code unevaluated} are the targets whose batch failed this cycle: what is said
 * of them is their last known result (stale) or nothing (never known).
 */
public record CheckOutcome(
        String checkId,
        Map<String, CheckResult> problems,
        Set<String> absent,
        Set<String> unevaluated) {
    public CheckOutcome {
        problems = FrozenMap.of(problems);
        absent = Set.copyOf(absent);
        unevaluated = Set.copyOf(unevaluated);
    }

    /** An outcome where every target was evaluated. */
    public CheckOutcome(String checkId, Map<String, CheckResult> problems, Set<String> absent) {
        this(checkId, problems, absent, Set.of());
    }

    /**
     * What this check says of {@code entity}: its problem's severity, UNKNOWN without a sample,
     * else OK.
     */
    public Severity stateOf(String entity) {
        return state(entity).severity();
    }

    /**
     * What this check says of {@code entity}, and why: a failing sample (or a last known one,
     * stale, while the query fails), no sample, a failed query with nothing known, else OK.
     */
    public CheckState state(String entity) {
        CheckResult r = problems.get(entity);
        boolean failed = unevaluated.contains(entity);
        if (r != null) {
            return new CheckState(
                    r.severity(),
                    failed || r.stale()
                            ? CheckState.Reason.QUERY_FAILED
                            : CheckState.Reason.FAILING,
                    r.value(),
                    r.stale());
        }
        if (absent.contains(entity)) {
            // the planner marks absent what a failed query leaves never known
            return new CheckState(
                    Severity.UNKNOWN,
                    failed ? CheckState.Reason.QUERY_FAILED : CheckState.Reason.NO_SAMPLE,
                    Double.NaN,
                    false);
        }
        return new CheckState(
                Severity.OK,
                failed ? CheckState.Reason.QUERY_FAILED : CheckState.Reason.OK,
                Double.NaN,
                failed);
    }
}
