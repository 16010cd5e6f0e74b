package io.rackscope.desktop.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.EscalationTest;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Incident;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissedWhileAwayTest {
    @Test
    void whatWasAnnouncedToAnEmptyChairIsSaidOnceWhenTheWindowIsBack() {
        MissedWhileAway away = new MissedWhileAway(id -> "Node reachable");
        Incident a = EscalationTest.incident("cn0001", Severity.CRIT, EscalationTest.T0);
        Incident b = EscalationTest.incident("cn0002", Severity.WARN, null);
        away.announced(List.of(a), true);
        assertEquals(List.of(), away.missed(), "seen: the window was in front");
        away.announced(List.of(a), false);
        away.announced(List.of(b, a), false);
        assertEquals(List.of(b, a), away.missed(), "once each, the last announcement last");
        List<String[]> said = new ArrayList<>();
        away.back(said::add);
        assertEquals("Missed while away: 2 incidents", said.get(0)[0]);
        assertTrue(said.get(0)[1].contains("CRIT  Node reachable"), said.get(0)[1]);
        away.back(said::add);
        assertEquals(1, said.size(), "said once");
    }

    @Test
    void aLongAbsenceListsTheLatestAndCountsTheRest() {
        MissedWhileAway away = new MissedWhileAway(id -> "Node reachable");
        List<Incident> many = new ArrayList<>();
        for (int n = 0; n < MissedWhileAway.LISTED + 3; n++) {
            many.add(EscalationTest.incident("cn" + n, Severity.CRIT, EscalationTest.T0));
        }
        away.announced(many, false);
        List<String[]> said = new ArrayList<>();
        away.back(said::add);
        String[] lines = said.get(0)[1].split("\n");
        assertEquals("… 3 earlier, in the alert table", lines[0]);
        assertEquals(MissedWhileAway.LISTED + 1, lines.length);
    }
}
