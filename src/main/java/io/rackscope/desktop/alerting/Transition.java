package io.rackscope.desktop.alerting;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Incident;
import java.time.Instant;

/**
 * A change of an incident: it appeared (NEW), was already there when the app started (ONGOING), got
 * worse or better, or CLEARED; was acknowledged, came under maintenance, or became unhandled again;
 * {@code previous} is the severity before (null for NEW and ONGOING). Journalled, one line each.
 */
public record Transition(Kind kind, Instant at, Incident incident, Severity previous) {
    public enum Kind {
        NEW,
        ONGOING,
        WORSE,
        BETTER,
        CLEARED,
        /** Someone acknowledged it (here or on another desk sharing the store). */
        ACKNOWLEDGED,
        /** A maintenance covers it now. */
        MAINTENANCE,
        /** Still failing, no longer acknowledged or under maintenance: new again. */
        UNHANDLED
    }
}
