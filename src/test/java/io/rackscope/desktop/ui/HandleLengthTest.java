package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.Handling;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed lengths of a maintenance or acknowledgement, and the three looks of handled tiles. */
class HandleLengthTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-12-04T21:10:00Z"); // 22:10 in Paris

    static HandleLength.Read read(String text) {
        return HandleLength.parse(text, HandleDialogs.maintenanceLengths(), NOW, ZONE);
    }

    @Test
    void aLengthAnEndTimeOrADateAreReadAndAnythingElseIsSaid() {
        assertEquals(Duration.ofHours(2), read("2h").length());
        assertEquals(Duration.ofMinutes(90), read(" 90m ").length());
        assertEquals(Duration.ofHours(4), read("4 hours").length(), "a listed choice");
        assertNull(read("Until ended").length(), "open-ended, when chosen");
        assertEquals(
                Duration.ofHours(8).plusMinutes(20), read("06:30").length(), "tomorrow's 06:30");
        assertEquals(Duration.ofMinutes(50), read("23:00").length(), "tonight's 23:00");
        assertEquals(Duration.ofHours(8).plusMinutes(20), read("2026-12-05 06:30").length());
        assertFalse(read("soon").ok());
        assertFalse(read("2026-12-01 06:30").ok(), "passed");
        assertFalse(read("40d").ok(), "longer than " + HandleLength.LONGEST);
        assertEquals(
                "4 hours",
                HandleDialogs.maintenanceLengths().keySet().iterator().next(),
                "a maintenance's default ends by itself");
    }

    @Test
    void anAcknowledgementABadgeAndAHideLookDifferent() {
        Alert a = new Alert(Severity.CRIT, "node_up", "n1", "n1", 0, false, "r", "d", null);
        Alert b = new Alert(Severity.CRIT, "node_up", "n2", "n2", 0, false, "r", "d", null);
        Handled ack =
                new Handled(Handled.Kind.ACKNOWLEDGED, "1", "dave", "", null, null, false, false);
        Handled badge =
                new Handled(Handled.Kind.MAINTENANCE, "2", "alice", "", null, null, false, false);
        Handled hide =
                new Handled(Handled.Kind.MAINTENANCE, "3", "alice", "", null, null, true, false);
        assertEquals(HandledLook.ACK, HandledLook.of(List.of(a, b), handling(ack, ack, a, b)));
        assertEquals(HandledLook.BADGE, HandledLook.of(List.of(a, b), handling(badge, ack, a, b)));
        assertEquals(HandledLook.HIDE, HandledLook.of(List.of(a, b), handling(hide, hide, a, b)));
        assertEquals(HandledLook.NONE, HandledLook.of(List.of(a, b), handling(ack, null, a, b)));
        // the patterns differ pixel by pixel
        int differ = 0;
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                boolean p = HandledLook.ACK.marks(x, y, 4);
                boolean q = HandledLook.BADGE.marks(x, y, 4);
                boolean r = HandledLook.HIDE.marks(x, y, 4);
                differ += p != q ? 1 : 0;
                assertEquals(p || q, r, "hide is both");
            }
        }
        assertEquals(16, differ, "of 64 pixels, the two hatches share only their crossings");
    }

    static Handling handling(Handled forA, Handled forB, Alert a, Alert b) {
        Map<String, Handled> m = new java.util.HashMap<>();
        m.put(a.key(), forA);
        if (forB != null) {
            m.put(b.key(), forB);
        }
        return new Handling(m, Map.of(), "files", null, null, null);
    }
}
