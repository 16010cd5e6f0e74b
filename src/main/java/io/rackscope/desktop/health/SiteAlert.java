package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
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
        boolean pending,
        Map<String, String> labels,
        CheckScope scope,
        String entity) {
    public SiteAlert {
        labels = Map.copyOf(labels);
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
