package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert the site's own alerting raised (a Prometheus rule's {@code ALERTS} series), with its
 * labels, and where on the estate it was placed: {@code scope} and {@code entity} (a node, a device
 * id or a rack id), both null when none of its labels names one ("Not placed").
 */
public record SiteAlert(
        Alert.Source source,
        String name,
        Severity severity,
        State state,
        Map<String, String> labels,
        CheckScope scope,
        String entity,
        Instant since) {
    /**
     * Firing; pending (a rule's {@code for:} not yet held); inhibited by Alertmanager (another
     * alert covers it). Only a firing one colours the estate and joins the alerts.
     */
    public enum State {
        FIRING,
        PENDING,
        INHIBITED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SiteAlert {
        labels = Map.copyOf(labels);
    }

    public boolean firing() {
        return state == State.FIRING;
    }

    public boolean placed() {
        return entity != null;
    }

    /** The labels as {@code name="value"} pairs in name order, for a list or a tooltip. */
    public String labelText() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(labels)
                .forEach(
                        (k, v) ->
                                b.append(b.isEmpty() ? "" : ", ")
                                        .append(k)
                                        .append("=\"")
                                        .append(v)
                                        .append('"'));
        return b.toString();
    }
}
