package io.rackscope.desktop.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alerts into incidents on the bundled estate, and incidents followed across snapshots. */
class IncidentsTest {
    static RackscopeConfig cfg;
    static Snapshots snapshots;

    @BeforeAll
    static void load() {
        cfg = new ConfigLoader().load(Path.of("config"));
        snapshots = new Snapshots(cfg);
    }

    static List<String> nodesOf(String rackId) {
        return cfg.topology().instances().stream()
                .filter(p -> p.rack().id().equals(rackId))
                .map(InstancePath::instanceId)
                .toList();
    }

    static Snapshots.Problem down(String node) {
        return Snapshots.problem("node_up", node, Severity.CRIT, 0);
    }

    @Test
    void aWholeRackDownIsOneIncidentWithAllItsNodesAndTwoUnrelatedNodesAreTwo() {
        List<String> rack = nodesOf("fra1-a01-r05");
        List<Snapshots.Problem> problems = new ArrayList<>();
        rack.forEach(n -> problems.add(down(n)));
        problems.add(down("cn0865"));
        problems.add(Snapshots.problem("node_temperature", "cn1100", Severity.WARN, 80));
        HealthSnapshot s = snapshots.at(1, problems.toArray(Snapshots.Problem[]::new));
        List<Incident> incidents = s.incidents();
        assertEquals(3, incidents.size(), incidents.toString());
        Incident whole = incidents.get(0);
        assertEquals("rack:fra1-a01-r05", whole.key());
        assertEquals(Incident.Level.RACK, whole.level());
        assertEquals(rack.size(), whole.members().size());
        assertEquals(rack.size(), whole.failingNodes());
        assertEquals(rack.size(), whole.nodes());
        assertEquals(Map.of("node_up", rack.size()), whole.checks());
        assertEquals(List.of("cn0865"), incidents.get(1).members());
        assertEquals(Incident.Level.NODE, incidents.get(1).level());
        assertEquals(Severity.WARN, incidents.get(2).severity());
    }

    @Test
    void afewNodesOfABigPlaceStayTheirOwnIncidentsAndRackChecksFoldIntoTheirRack() {
        List<String> rack = nodesOf("fra1-a01-r05");
        HealthSnapshot two = snapshots.at(1, down(rack.get(0)), down(rack.get(1)));
        assertEquals(
                2, two.incidents().size(), "2 of " + rack.size() + " nodes: below the minimum");
        List<Snapshots.Problem> problems = new ArrayList<>();
        rack.forEach(n -> problems.add(down(n)));
        problems.add(
                Snapshots.problem("rack_inlet_temperature", "fra1-a01-r05", Severity.WARN, 31));
        HealthSnapshot s = snapshots.at(2, problems.toArray(Snapshots.Problem[]::new));
        assertEquals(1, s.incidents().size(), s.incidents().toString());
        assertTrue(s.incidents().get(0).checks().containsKey("rack_inlet_temperature"));
    }

    @Test
    void threeNodesOfAFourNodeChassisAreOneChassisIncident() {
        List<String> rack = nodesOf("fra1-a01-r05");
        HealthSnapshot s = snapshots.at(1, down(rack.get(0)), down(rack.get(1)), down(rack.get(2)));
        assertEquals(1, s.incidents().size(), s.incidents().toString());
        assertEquals(Incident.Level.CHASSIS, s.incidents().get(0).level());
    }

    @Test
    void aWholeAisleDownIsOneAisleIncident() {
        List<Snapshots.Problem> problems = new ArrayList<>();
        // the GPU aisle holds far less than half of its room's nodes
        cfg.topology().racks().stream()
                .filter(r -> "a03".equals(r.aisleId()) && r.roomKey().equals("fra1/hall-a"))
                .map(Rack::id)
                .forEach(r -> nodesOf(r).forEach(n -> problems.add(down(n))));
        assertFalse(problems.isEmpty());
        HealthSnapshot s = snapshots.at(1, problems.toArray(Snapshots.Problem[]::new));
        assertEquals(1, s.incidents().size());
        assertEquals(Incident.Level.AISLE, s.incidents().get(0).level());
    }

    @Test
    void anIncidentKeepsItsIdAsItGrowsAndIsAnnouncedWhenNewOrWorseNeverWhileFlapping() {
        IncidentTracker tracker = new IncidentTracker(4, Duration.ofMinutes(15));
        List<String> rack = nodesOf("fra1-a01-r05");
        Instant t0 = Instant.parse("2026-12-01T02:00:00Z");
        List<Incident> three =
                snapshots
                        .at(1, down(rack.get(0)), down(rack.get(10)), down(rack.get(20)))
                        .incidents();
        // 3 of 74 nodes, in three chassis: three single-node incidents
        assertEquals(3, three.size(), three.toString());
        IncidentTracker.Tracked first = tracker.track(three, t0, true);
        assertEquals(3, first.announce().size());
        String id = first.incidents().get(0).id();
        IncidentTracker.Tracked same = tracker.track(three, t0.plusSeconds(60), true);
        assertEquals(List.of(), same.announce(), "nothing new");
        assertEquals(id, same.incidents().get(0).id(), "stable id");
        assertEquals(t0, same.incidents().get(0).since());

        List<Incident> flapping = snapshots.at(2, down("cn0865")).incidents();
        List<Incident> none = List.of();
        int announced = 0;
        for (int i = 0; i < 10; i++) {
            Instant at = t0.plusSeconds(120 + 60L * i);
            announced += tracker.track(i % 2 == 0 ? flapping : none, at, true).announce().size();
        }
        // appears (1), clears (2), returns (3), clears (4), returns (5 > 4): flapping from then on
        assertEquals(2, announced, "announced on its first two appearances, then silent");
        IncidentTracker.Tracked again = tracker.track(flapping, t0.plusSeconds(780), true);
        assertTrue(again.incidents().get(0).flapping());
        assertTrue(again.incidents().get(0).transitions() > 4);
        assertEquals(List.of(), again.announce());
        // stable for the window: announced again when it next comes back
        tracker.track(none, t0.plusSeconds(840), true);
        IncidentTracker.Tracked calm = tracker.track(flapping, t0.plusSeconds(840 + 1000), true);
        assertFalse(calm.incidents().get(0).flapping());
        assertEquals(1, calm.announce().size());
    }

    @Test
    void theFeedsTrackerSeedsTheFirstSnapshotSilentlyAndAnnouncesWorseIncidents() {
        AlertTracker tracker = new AlertTracker();
        List<String> rack = nodesOf("fra1-a01-r05");
        HealthSnapshot seeded = tracker.track(snapshots.at(1, down("cn0865")));
        assertEquals(List.of(), seeded.announced());
        assertEquals(1, seeded.incidents().size());
        List<Snapshots.Problem> problems = new ArrayList<>();
        rack.forEach(n -> problems.add(down(n)));
        problems.add(down("cn0865"));
        HealthSnapshot next =
                tracker.track(snapshots.at(2, problems.toArray(Snapshots.Problem[]::new)));
        assertEquals(1, next.announced().size(), "one announcement for 74 new alerts");
        assertEquals("rack:fra1-a01-r05", next.announced().get(0).key());
    }

    @Test
    void aMemberThatFlapsInsideAStableIncidentIsMarkedOnItsOwnAlert() {
        AlertTracker tracker = new AlertTracker();
        List<String> rack = nodesOf("fra1-a01-r05");
        String flapper = rack.get(0);
        HealthSnapshot s = null;
        for (int v = 1; v <= 7; v++) {
            List<Snapshots.Problem> problems = new ArrayList<>();
            rack.stream().skip(1).forEach(n -> problems.add(down(n)));
            if (v % 2 == 1) {
                problems.add(down(flapper));
            }
            s = tracker.track(snapshots.at(v, problems.toArray(Snapshots.Problem[]::new)));
        }
        Incident incident = s.incidents().get(0);
        assertEquals("rack:fra1-a01-r05", incident.key());
        assertFalse(incident.flapping(), "the rack stayed CRIT throughout");
        Alert flapping =
                s.alerts().stream()
                        .filter(a -> a.entity().equals(flapper))
                        .findFirst()
                        .orElseThrow();
        assertTrue(flapping.flapping(), "appeared and cleared 7 times: " + flapping.changes());
        assertEquals(7, flapping.changes());
        Alert steady =
                s.alerts().stream()
                        .filter(a -> a.entity().equals(rack.get(1)))
                        .findFirst()
                        .orElseThrow();
        assertFalse(steady.flapping());
        assertEquals(1, steady.changes(), "it appeared once");
    }
}
