package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.telemetry.Alert;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers since when each alert has been active and tells which alerts are new in a snapshot. The
 * first snapshot with data only seeds what is already failing: starting the app raises no storm.
 */
public final class AlertTracker {
    private Map<String, Instant> since = new HashMap<>();
    private boolean seeded;

    /**
     * The alerts of {@code s} that were not active in the previous snapshot (none while seeding).
     */
    public List<Alert> update(HealthSnapshot s) {
        Map<String, Instant> next = new HashMap<>();
        List<Alert> fresh = new ArrayList<>();
        for (Alert a : s.alerts()) {
            String key = key(a.check(), a.entity());
            Instant first = since.get(key);
            if (first == null) {
                first = s.takenAt();
                if (seeded) {
                    fresh.add(a);
                }
            }
            next.put(key, first);
        }
        since = next;
        if (s.version() > 0 && s.errors().isEmpty()) {
            seeded = true;
        }
        return fresh;
    }

    /** When the alert of {@code check} on {@code entity} was first seen active, or null. */
    public Instant since(String check, String entity) {
        return since.get(key(check, entity));
    }

    private static String key(String check, String entity) {
        return check + '\u0000' + entity;
    }
}
