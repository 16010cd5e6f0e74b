package io.rackscope.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MomentTest {
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private final Moment moment = new Moment(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsRfc3339WithZoneOrOffset() {
        assertEquals(Instant.parse("2026-12-01T02:13:00Z"), moment.convert("2026-12-01T02:13:00Z"));
        assertEquals(
                Instant.parse("2026-12-01T01:13:00Z"), moment.convert("2026-12-01T02:13:00+01:00"));
    }

    @Test
    void readsTimesBeforeNowAndNow() {
        assertEquals(NOW.minusSeconds(7200), moment.convert("-2h"));
        assertEquals(NOW.minusSeconds(90 * 60), moment.convert("-90m"));
        assertEquals(NOW.minusSeconds(36 * 3600), moment.convert("-1d12h"));
        assertEquals(NOW, moment.convert("now"));
    }

    @Test
    void readsEpochSeconds() {
        assertEquals(Instant.ofEpochSecond(1_796_000_000L), moment.convert("1796000000"));
        assertEquals(Instant.ofEpochMilli(1_796_000_000_500L), moment.convert("1796000000.5"));
    }

    @Test
    void rejectsTextThatIsNoMomentSayingWhatWouldBe() {
        var e =
                assertThrows(
                        CommandLine.TypeConversionException.class,
                        () -> moment.convert("yesterday"));
        assertTrue(e.getMessage().contains("'yesterday' is not a moment"), e.getMessage());
        assertTrue(e.getMessage().contains("-2h"), e.getMessage());
        assertThrows(CommandLine.TypeConversionException.class, () -> moment.convert("-2 parsecs"));
    }

    @Test
    void readsLocalTimesInTheClocksZoneTodayOrYesterday() {
        Moment paris = new Moment(Clock.fixed(NOW, java.time.ZoneId.of("Europe/Paris")));
        assertEquals(Instant.parse("2026-12-01T01:13:00Z"), paris.convert("2026-12-01 02:13"));
        assertEquals(Instant.parse("2026-12-01T01:13:30Z"), paris.convert("02:13:30"));
        // 05:00 Paris is still to come at 04:00 Paris: yesterday's
        assertEquals(Instant.parse("2026-11-30T04:00:00Z"), paris.convert("05:00"));
    }
}
