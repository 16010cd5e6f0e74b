package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * An (entity, check) pair at WARN or CRIT, with where the entity is: its path for people, and the
 * rack and device it belongs to (null where it has none). {@code since} is when it was first seen
 * failing, null until the feed has tracked it; {@code changes} how often it appeared, cleared or
 * changed severity within the flap window, {@code flapping} whether that is too often. {@code
 * source} says who raised it: one of this app's checks ({@code check} is its id), or the site's own
 * alerting ({@code check} is the alert's name, {@code labels} all its labels, for silences to
 * match; empty for a check's).
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
        Instant since,
        int changes,
        boolean flapping,
        Source source,
        Map<String, String> labels) {

    public Alert {
        labels = Map.copyOf(labels);
    }

    /** Who raised an alert: a check of this app, a Prometheus alerting rule, or Alertmanager. */
    public enum Source {
        CHECK("check"),
        RULE("rule"),
        ALERTMANAGER("Alertmanager");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** As the alert table's Source column says it. */
        public String label() {
            return label;
        }
    }

    /** An alert as a cycle finds it: no start and no changes known yet. */
    public Alert(
            Severity severity,
            String check,
            String entity,
            String path,
            double value,
            boolean stale,
            String rack,
            String device,
            Instant since) {
        this(
                severity,
                check,
                entity,
                path,
                value,
                stale,
                rack,
                device,
                since,
                0,
                false,
                Source.CHECK,
                Map.of());
    }

    /** The same alert, known to have started at {@code start}. */
    public Alert since(Instant start) {
        return new Alert(
                severity, check, entity, path, value, stale, rack, device, start, changes, flapping,
                source, labels);
    }

    /** The same alert with its recent changes counted. */
    public Alert changed(int count, boolean flaps) {
        return new Alert(
                severity, check, entity, path, value, stale, rack, device, since, count, flaps,
                source, labels);
    }

    /** The same alert, raised by {@code by}, with its own {@code labels}. */
    public Alert from(Source by, Map<String, String> labels) {
        return new Alert(
                severity, check, entity, path, value, stale, rack, device, since, changes, flapping,
                by, labels);
    }

    /** Whether this is a "no data" alert ({@link Check#NO_DATA}) rather than a check's. */
    public boolean noData() {
        return Check.NO_DATA.equals(check);
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
