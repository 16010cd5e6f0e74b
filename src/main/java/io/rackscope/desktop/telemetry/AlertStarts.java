package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One snapshot's alert starts read from Prometheus' history, for the one-shot commands. */
public final class AlertStarts {
    private AlertStarts() {}

    /**
     * {@code s} with each alert's (and incident's) start read from Prometheus' history; where
     * history cannot say, the start stays unknown.
     */
    public static HealthSnapshot read(
            TelemetryPlanner planner, HealthSnapshot seen, Duration lookback) {
        // only history says when an alert began: when the caller first saw it is not a start
        HealthSnapshot s =
                seen.withTracking(
                        seen.alerts().stream()
                                .map(a -> a.source() == Alert.Source.CHECK ? a.since(null) : a)
                                .toList(),
                        seen.fresh());
        Map<String, List<String>> byCheck = new LinkedHashMap<>();
        s.alerts().stream()
                .filter(a -> a.source() == Alert.Source.CHECK)
                .forEach(
                        a ->
                                byCheck.computeIfAbsent(a.check(), k -> new ArrayList<>())
                                        .add(a.entity()));
        if (byCheck.isEmpty()) {
            return s;
        }
        AlertTracker tracker = new AlertTracker();
        tracker.track(s);
        boolean any = false;
        for (Map.Entry<String, List<String>> e : byCheck.entrySet()) {
            try {
                tracker.started(
                        e.getKey(),
                        planner.failingSince(e.getKey(), e.getValue(), s.takenAt(), lookback)
                                .get(60, TimeUnit.SECONDS));
                any = true;
            } catch (Exception ex) {
                // the start stays unknown for this check
            }
        }
        if (!any) {
            return s;
        }
        HealthSnapshot tracked = tracker.track(s);
        // a start history did not give is when this run saw it: not a start, so it is dropped
        List<Alert> alerts =
                tracked.alerts().stream()
                        .map(
                                a ->
                                        a.since() != null && a.since().equals(s.takenAt())
                                                ? a.since(null)
                                                : a)
                        .toList();
        List<Incident> incidents =
                tracked.incidents().stream()
                        .map(
                                i ->
                                        s.takenAt().equals(i.since())
                                                ? i.tracked(
                                                        i.id(), null, i.flapping(), i.transitions())
                                                : i)
                        .toList();
        return tracked.withTracking(alerts, List.of()).withIncidents(incidents, List.of());
    }
}
