package io.rackscope.desktop.health;

import java.time.Instant;

/**
 * How an alert or an incident is being handled: acknowledged by someone, or under a maintenance;
 * who, when, their note or reason, until when (null: until it clears or is ended), whether its
 * maintenance hides it, and whether the store has not taken it yet (typed while it was down).
 */
public record Handled(
        Kind kind,
        String id,
        String by,
        String text,
        Instant since,
        Instant until,
        boolean hidden,
        boolean pending) {
    public enum Kind {
        ACKNOWLEDGED,
        MAINTENANCE
    }

    public boolean acknowledged() {
        return kind == Kind.ACKNOWLEDGED;
    }
}
