package io.rackscope.desktop.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SinceTextTest {
    static final Instant NOW = Instant.parse("2026-12-05T07:30:00Z");
    static final Duration DAY = Duration.ofHours(24);
    static final Duration GRAIN = Duration.ofSeconds(30);

    static SinceText reading(Optional<Instant> history) {
        return new SinceText(NOW, DAY, history, GRAIN, ZoneOffset.UTC);
    }

    static String of(Instant since, Optional<Instant> history) {
        return reading(history).of(since);
    }

    @Test
    void aStartAtTheFirstSamplePrometheusHoldsIsSaidAsALowerBound() {
        Instant begins = NOW.minusSeconds(18 * 60);
        assertEquals(
                "since before 07:12:00 (history starts then)",
                of(begins.plusSeconds(15), Optional.of(begins)));
        assertEquals("since 10 min ago", of(NOW.minusSeconds(600), Optional.of(begins)));
    }

    @Test
    void theColumnSaysTheSameShort() {
        Instant begins = NOW.minusSeconds(18 * 60);
        assertEquals(
                "before 07:12:00", reading(Optional.of(begins)).column(begins.plusSeconds(15)));
        assertEquals("over 24h", reading(Optional.empty()).column(NOW.minus(DAY)));
        assertEquals("10 min ago", reading(Optional.empty()).column(NOW.minusSeconds(600)));
        assertEquals("not known", reading(Optional.empty()).column(null));
    }

    @Test
    void aStartAsOldAsTheLookBackIsMoreThanItAndAnUnknownStartIsSaid() {
        assertEquals("for more than 24h", of(NOW.minus(DAY), Optional.empty()));
        assertEquals("active at this moment (start not known)", of(null, Optional.empty()));
        assertEquals("since 10 min ago", of(NOW.minusSeconds(600), Optional.empty()));
    }

    @Test
    void noSampleAtAllInTheServersHistoryIsNotADayOfSilence() {
        Instant begins = NOW.minusSeconds(18 * 60);
        assertEquals(
                "no sample since history starts (07:12:00)",
                reading(Optional.of(begins)).noSample(NOW.minus(DAY)),
                "the look-back's start, clamped or not, is before any sample it holds");
        assertEquals(
                "no sample since 07:20:00, 10 min ago",
                reading(Optional.of(begins)).noSample(NOW.minusSeconds(600)));
    }

    /**
     * A day read back without a sample, where the server's history begins not (yet) known — a
     * Prometheus started a minute ago whose backfill is not read yet: the look-back's start is a
     * bound, not when the samples stopped (it was said "no sample since 04:04 yesterday, 1 d 0 h
     * ago").
     */
    @Test
    void aDayWithoutASampleIsNotADayOfKnownSilence() {
        assertEquals(
                "no sample in the last 24h", reading(Optional.empty()).noSample(NOW.minus(DAY)));
        assertEquals(
                "no sample since 07:20:00, 10 min ago",
                reading(Optional.empty()).noSample(NOW.minusSeconds(600)));
    }
}
