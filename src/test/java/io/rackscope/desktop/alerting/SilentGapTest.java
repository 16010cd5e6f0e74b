package io.rackscope.desktop.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Prometheus restarted with an empty database, or an exporter silent for a while: what was
 * failing before the gap continues after it, neither cleared nor announced again.
 */
class SilentGapTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));
    static final Snapshots SNAPSHOTS = new Snapshots(CFG);

    static String node() {
        return CFG.topology().instances().stream()
                .map(InstancePath::instanceId)
                .findFirst()
                .orElseThrow();
    }

    /** Every check of the estate without a sample of {@code entity}. */
    static Map<String, Set<String>> silent(String entity) {
        Map<String, Set<String>> absent = new HashMap<>();
        CFG.checks().keySet().forEach(c -> absent.put(c, Set.of(entity)));
        return absent;
    }

    @Test
    void anIncidentWhoseSamplesStopAndReturnContinuesWithoutANewAnnouncement() {
        String n = node();
        List<Transition> journal = new ArrayList<>();
        AlertTracker tracker = new AlertTracker();
        tracker.journalTo(journal::addAll);
        tracker.track(SNAPSHOTS.at(1));
        HealthSnapshot hot =
                tracker.track(
                        SNAPSHOTS.at(
                                2, Snapshots.problem("node_temperature", n, Severity.CRIT, 95)));
        assertEquals(1, hot.announced().size(), "new: announced once");
        Incident before = hot.incidents().get(0);
        tracker.track(SNAPSHOTS.at(3, silent(n)));
        tracker.track(SNAPSHOTS.at(4, silent(n)));
        HealthSnapshot back =
                tracker.track(
                        SNAPSHOTS.at(
                                5, Snapshots.problem("node_temperature", n, Severity.CRIT, 95)));
        assertTrue(back.announced().isEmpty(), "back after the gap: not news");
        Incident after =
                back.incidents().stream()
                        .filter(i -> i.key().equals(before.key()))
                        .findFirst()
                        .orElseThrow();
        assertEquals(before.id(), after.id(), "the same incident");
        assertEquals(before.since(), after.since(), "with its start");
        assertTrue(
                journal.stream()
                        .noneMatch(
                                t ->
                                        t.incident().key().equals(before.key())
                                                && (t.kind() == Transition.Kind.CLEARED
                                                        || t.kind() == Transition.Kind.NEW
                                                                && t != journal.get(0))),
                "neither cleared nor new again in the journal: " + journal);
    }

    @Test
    void anIncidentThatClearsWithSamplesClears() {
        String n = node();
        AlertTracker tracker = new AlertTracker();
        tracker.track(SNAPSHOTS.at(1));
        tracker.track(SNAPSHOTS.at(2, Snapshots.problem("node_temperature", n, Severity.CRIT, 95)));
        tracker.track(SNAPSHOTS.at(3));
        HealthSnapshot again =
                tracker.track(
                        SNAPSHOTS.at(
                                4, Snapshots.problem("node_temperature", n, Severity.CRIT, 95)));
        assertEquals(1, again.announced().size(), "cleared with data, then new: announced");
    }
}
