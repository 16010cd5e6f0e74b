package io.rackscope.desktop.alerting;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Incident;
import java.time.Instant;

/**
 * A change of an incident: it appeared (NEW), was already there when the app started (ONGOING), got
 * worse or better, or CLEARED; was acknowledged (by whom, their note), came under maintenance, or
 * became unhandled again; {@code previous} is the severity before (null for NEW and ONGOING). Also
 * the events of a shift that are not an incident's: maintenances starting and ending, Prometheus
 * outages. Journalled, one line each.
 */
public record Transition(
        Kind kind, Instant at, Incident incident, Severity previous, String by, String note) {
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
        UNHANDLED,
        /** A maintenance began (a place, not an incident: {@link #event}). */
        MAINTENANCE_STARTED,
        /** A maintenance ended or was ended. */
        MAINTENANCE_ENDED,
        /** A Prometheus stopped answering. */
        OUTAGE,
        /** It answers again. */
        RECOVERED,
        /** A run of a flapping incident's changes, folded into one row when read back. */
        FLAPPING;

        /** Whether it is about a place or a server rather than an incident's health. */
        public boolean event() {
            return this == MAINTENANCE_STARTED
                    || this == MAINTENANCE_ENDED
                    || this == OUTAGE
                    || this == RECOVERED;
        }
    }

    /** A change of an incident's health, by no one. */
    public Transition(Kind kind, Instant at, Incident incident, Severity previous) {
        this(kind, at, incident, previous, null, null);
    }

    /**
     * An event that is not an incident's (a maintenance, an outage): {@code place} names what it is
     * about ({@code rack:r05}, {@code prometheus}), {@code by} and {@code note} who and why.
     */
    public static Transition event(
            Kind kind,
            Instant at,
            String place,
            String name,
            String path,
            Severity severity,
            String by,
            String note) {
        Incident about =
                new Incident(
                        place,
                        place,
                        Incident.Level.NODE,
                        place,
                        name,
                        path,
                        severity,
                        java.util.Map.of(),
                        java.util.List.of(),
                        0,
                        0,
                        null,
                        false,
                        0);
        return new Transition(kind, at, about, null, by, note);
    }
}
