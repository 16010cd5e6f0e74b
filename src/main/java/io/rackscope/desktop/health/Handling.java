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
        String notice,
        java.util.Set<String> unanswered) {
    public static final Handling NONE = new Handling(Map.of(), Map.of(), "", null, null, null);

    public Handling {
        alerts = FrozenMap.of(alerts);
        incidents = FrozenMap.of(incidents);
        unanswered = java.util.Set.copyOf(unanswered);
    }

    /** Nothing escalated. */
    public Handling(
            Map<String, Handled> alerts,
            Map<String, Handled> incidents,
            String source,
            Instant readAt,
            String problem,
            String notice) {
        this(alerts, incidents, source, readAt, problem, notice, java.util.Set.of());
    }

    /**
     * The same, with the keys of the CRIT incidents nobody has answered for twice {@code
     * alerts.escalate_after}: marked so on every desk.
     */
    public Handling withUnanswered(java.util.Set<String> keys) {
        return new Handling(alerts, incidents, source, readAt, problem, notice, keys);
    }

    /** Whether {@code i} is a CRIT nobody has answered for twice the escalation time. */
    public boolean unanswered(Incident i) {
        return unanswered.contains(i.key());
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
