package io.rackscope.desktop.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.Handling;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class EscalationTest {
    public static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    public static Incident incident(String node, Severity severity, Instant since) {
        return new Incident(
                "i-" + node,
                "node:" + node,
                Incident.Level.NODE,
                node,
                "Node reachable",
                "fra1 / hall-a / " + node,
                severity,
                Map.of("node_up", 1),
                List.of(node),
                1,
                1,
                since,
                false,
                1);
    }

    /** A cycle at {@code minutes} past T0 showing {@code incidents}, {@code acked} acknowledged. */
    static HealthSnapshot at(int minutes, List<Incident> incidents, String... acked) {
        HealthSnapshot s =
                new HealthSnapshot(
                        minutes,
                        T0.plus(Duration.ofMinutes(minutes)),
                        Duration.ZERO,
                        HealthSnapshot.Levels.NONE,
                        HealthSnapshot.Findings.NONE,
                        SlurmSnapshot.DISABLED,
                        HealthSnapshot.Tracking.of(incidents));
        Map<String, Handled> byIncident = new java.util.HashMap<>();
        for (String key : acked) {
            byIncident.put(
                    key,
                    new Handled(
                            Handled.Kind.ACKNOWLEDGED,
                            "s1",
                            "erin",
                            "on it",
                            T0,
                            null,
                            false,
                            false));
        }
        return s.withHandling(new Handling(Map.of(), byIncident, "", null, null, null), List.of());
    }

    @Test
    void anUnansweredCritIsAnnouncedAgainThenMarkedAndEachMomentTold() {
        List<Escalation.Moment> told = new ArrayList<>();
        Escalation e = new Escalation(Duration.ofMinutes(10), told::add);
        Incident crit = incident("cn0001", Severity.CRIT, T0);
        Incident warn = incident("cn0002", Severity.WARN, T0);
        List<Incident> both = List.of(crit, warn);
        assertTrue(e.apply(at(0, both), true).announced().isEmpty());
        assertTrue(e.apply(at(9, both), true).announced().isEmpty());
        HealthSnapshot ten = e.apply(at(10, both), true);
        assertEquals(List.of(crit), ten.announced(), "the CRIT again, never the WARN");
        assertFalse(ten.handling().unanswered(crit));
        assertTrue(e.apply(at(11, both), true).announced().isEmpty(), "once per stage");
        HealthSnapshot twenty = e.apply(at(20, both), true);
        assertEquals(List.of(crit), twenty.announced());
        assertTrue(twenty.handling().unanswered(crit), "marked unanswered");
        assertTrue(e.apply(at(21, both), true).handling().unanswered(crit), "and stays so");
        assertEquals(
                List.of("escalated", "unanswered"),
                told.stream().map(Escalation.Moment::kind).toList());
    }

    @Test
    void anAcknowledgedCritIsNeitherRemindedNorMarkedAndAnAcknowledgementTakesTheMarkAway() {
        List<Escalation.Moment> told = new ArrayList<>();
        Escalation e = new Escalation(Duration.ofMinutes(10), told::add);
        Incident crit = incident("cn0001", Severity.CRIT, T0);
        e.apply(at(0, List.of(crit)), true);
        assertTrue(e.apply(at(25, List.of(crit)), true).handling().unanswered(crit));
        HealthSnapshot acked = e.apply(at(26, List.of(crit), crit.key()), false);
        assertFalse(acked.handling().unanswered(crit), "answered on another desk: unmarked");
        assertTrue(e.apply(at(40, List.of(crit), crit.key()), true).announced().isEmpty());
    }

    @Test
    void whatIsOverdueWhenTheDeskStartsIsMarkedNotAnnouncedAgainAtOnce() {
        List<Escalation.Moment> told = new ArrayList<>();
        Escalation e = new Escalation(Duration.ofMinutes(10), told::add);
        Incident old = incident("cn0001", Severity.CRIT, T0.minus(Duration.ofHours(3)));
        HealthSnapshot first = e.apply(at(0, List.of(old)), true);
        assertTrue(first.announced().isEmpty());
        assertTrue(first.handling().unanswered(old), "its true start says so, on every desk");
        assertTrue(told.isEmpty());
    }

    @Test
    void withoutEscalationNewIncidentsAreStillToldToTheWebhooks() {
        List<Escalation.Moment> told = new ArrayList<>();
        Escalation e = new Escalation(null, told::add);
        Incident crit = incident("cn0001", Severity.CRIT, T0);
        HealthSnapshot s = at(0, List.of(crit)).withIncidents(List.of(crit), List.of(crit));
        assertEquals(s, e.apply(s, true));
        assertEquals("new", told.get(0).kind());
        assertFalse(e.apply(at(60, List.of(crit)), true).handling().unanswered(crit));
    }
}
