package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.Severity;
import java.util.Locale;

/**
 * What one check says of one entity in a snapshot, and why: the one place that reads a {@link
 * CheckOutcome}'s sets, so every view, the JSON and the exports agree. {@code value} is NaN when no
 * value is known (an OK entity's value is not asked for; a {@code for:} state has none); {@code
 * stale} marks a last known state kept while its query fails.
 */
public record CheckState(Severity severity, Reason reason, double value, boolean stale) {

    /** Why a check's row says what it says. Their lower-case names are a JSON contract. */
    public enum Reason {
        /** A sample breaks a rule (or a {@code for:} run held). */
        FAILING,
        /** A sample, within every rule. */
        OK,
        /** The check's series has no sample for the entity at the moment. */
        NO_SAMPLE,
        /** The query failed this cycle: the last known state, stale, or nothing when none. */
        QUERY_FAILED,
        /** The check has not been evaluated (yet) for the entity. */
        NOT_EVALUATED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final CheckState NOT_EVALUATED =
            new CheckState(Severity.UNKNOWN, Reason.NOT_EVALUATED, Double.NaN, false);

    /** Whether the state is known to lack a sample (NO_SAMPLE, or a failed query never known). */
    public boolean withoutSample() {
        return reason == Reason.NO_SAMPLE
                || reason == Reason.QUERY_FAILED && severity == Severity.UNKNOWN && !stale;
    }
}
