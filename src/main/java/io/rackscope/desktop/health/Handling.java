package io.rackscope.desktop.health;

import java.time.Instant;
import java.util.Map;

/**
 * What a snapshot knows of acknowledgements and maintenances: the handled alerts (by alert key) and
 * incidents (by incident key), where they are kept, when that was last read and, if the last read
 * failed, why (what is shown is then as of {@code readAt}); {@code notice}: what else the operator
 * must be told though the store answers (an entry it refused, silences it lost and the app made
 * again), or null.
 */
public record Handling(
        Map<String, Handled> alerts,
        Map<String, Handled> incidents,
        String source,
        Instant readAt,
        String problem,
        String notice) {
    public static final Handling NONE = new Handling(Map.of(), Map.of(), "", null, null, null);

    public Handling {
        alerts = Map.copyOf(alerts);
        incidents = Map.copyOf(incidents);
    }

    public Handled alert(Alert a) {
        return alerts.get(a.key());
    }

    public Handled incident(Incident i) {
        return incidents.get(i.key());
    }

    /** An alert a maintenance hides: not listed, not announced. */
    public boolean hides(Alert a) {
        Handled h = alert(a);
        return h != null && h.hidden();
    }
}
