package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.Severity;
import java.time.Instant;

/**
 * An (entity, check) pair at WARN or CRIT, with where the entity is: its path for people, and the
 * rack and device it belongs to (null where it has none). {@code since} is when it was first seen
 * failing, null until the feed has tracked it.
 */
public record Alert(
        Severity severity,
        String check,
        String entity,
        String path,
        double value,
        boolean stale,
        String rack,
        String device,
        Instant since) {

    /** The same alert, known to have started at {@code start}. */
    public Alert since(Instant start) {
        return new Alert(severity, check, entity, path, value, stale, rack, device, start);
    }

    /** Identifies the alert across snapshots: the check and the entity. */
    public String key() {
        return key(check, entity);
    }

    /** The key of {@code check}'s alert on {@code entity}. */
    public static String key(String check, String entity) {
        return check + '\u0000' + entity;
    }
}
