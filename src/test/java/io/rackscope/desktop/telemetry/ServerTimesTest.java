package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How often a server is asked where its history begins. */
class ServerTimesTest {
    @Test
    void aHistoryShorterThanTheLookBackIsAskedEveryMinuteALongerOneEveryFive() {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        Route r = Route.of(p);
        ServerTimes times = new ServerTimes(Duration.ofHours(24));
        Instant t = Instant.parse("2026-12-06T05:00:00Z");
        p.begins = t.minus(Duration.ofMinutes(3));
        times.askHistoryStart(r, t, false);
        times.askHistoryStart(r, t.plusSeconds(30), false);
        assertEquals(1, p.historyAsked.get(), "not again within the minute");
        // a backfill: the store now holds two days
        p.begins = t.minus(Duration.ofDays(2));
        times.askHistoryStart(r, t.plusSeconds(61), false);
        assertEquals(2, p.historyAsked.get(), "young: asked again after a minute");
        assertEquals(p.begins, times.historyStart(r).orElseThrow());
        times.askHistoryStart(r, t.plusSeconds(125), false);
        assertEquals(2, p.historyAsked.get(), "old enough: not every minute");
        times.askHistoryStart(r, t.plusSeconds(125), true);
        assertEquals(3, p.historyAsked.get(), "after a failed cycle: at once");
        times.askHistoryStart(r, t.plusSeconds(125 + 301), false);
        assertEquals(4, p.historyAsked.get(), "and every five minutes");
    }
}
