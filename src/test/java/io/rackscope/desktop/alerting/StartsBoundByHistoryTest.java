package io.rackscope.desktop.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.ui.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Starts that were only where history began are found again, and replaced by earlier ones. */
class StartsBoundByHistoryTest {
    @Test
    void theAlertsStartingWhereHistoryBeganAreTheOnesToReadAgain() {
        String a = SilentGapTest.node();
        String b =
                SilentGapTest.CFG.topology().instances().stream()
                        .map(i -> i.instanceId())
                        .filter(i -> !i.equals(a))
                        .findFirst()
                        .orElseThrow();
        AlertTracker tracker = new AlertTracker();
        HealthSnapshot hot =
                SilentGapTest.SNAPSHOTS.at(
                        1,
                        Snapshots.problem("node_temperature", a, Severity.CRIT, 95),
                        Snapshots.problem("node_temperature", b, Severity.CRIT, 95));
        tracker.track(hot);
        tracker.takeNewAlerts();
        Instant historyBegins = hot.takenAt().minus(Duration.ofMinutes(2));
        tracker.started(
                "node_temperature",
                Map.of(a, historyBegins, b, historyBegins.plus(Duration.ofSeconds(90))));
        tracker.track(hot);

        assertEquals(
                Map.of("node_temperature", List.of(a)),
                tracker.startingBy(historyBegins.plus(Duration.ofSeconds(30))),
                "only the start at the bound, not one read after it");

        Instant longer = historyBegins.minus(Duration.ofHours(5));
        tracker.started("node_temperature", Map.of(a, longer));
        assertEquals(longer, since(tracker.track(hot), a), "the earlier start read again wins");
    }

    private static Instant since(HealthSnapshot s, String entity) {
        return s.alerts().stream()
                .filter(x -> x.entity().equals(entity))
                .map(Alert::since)
                .findFirst()
                .orElseThrow();
    }
}
