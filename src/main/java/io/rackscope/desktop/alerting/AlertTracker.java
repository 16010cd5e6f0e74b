package io.rackscope.desktop.alerting;

import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers since when each alert has been active and tells which alerts are new in a snapshot. The
 * first snapshot with data only seeds what is already failing: starting the app raises no storm. A
 * step of the feed: it runs on each snapshot before the views see it.
 */
public final class AlertTracker {
    private Map<String, Instant> since = new HashMap<>();
    private boolean seeded;

    /** {@code s} with each alert's start filled in and its new alerts listed. */
    public HealthSnapshot track(HealthSnapshot s) {
        Map<String, Instant> next = new HashMap<>();
        List<Alert> tracked = new ArrayList<>(s.alerts().size());
        List<Alert> fresh = new ArrayList<>();
        for (Alert a : s.alerts()) {
            Instant first = since.get(a.key());
            if (first == null) {
                first = a.since() != null ? a.since() : s.takenAt();
                if (seeded) {
                    fresh.add(a.since(first));
                }
            }
            next.put(a.key(), first);
            tracked.add(a.since(first));
        }
        since = next;
        if (s.version() > 0 && s.errors().isEmpty()) {
            seeded = true;
        }
        return s.withTracking(tracked, fresh);
    }
}
