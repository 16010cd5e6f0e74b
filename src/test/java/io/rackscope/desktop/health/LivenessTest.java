package io.rackscope.desktop.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(60);
    static final Duration DEADLINE = Duration.ofSeconds(35);

    static Liveness at(Instant started, Instant finished, Instant running) {
        return Liveness.of(NOW, started, finished, running, INTERVAL, DEADLINE);
    }

    static Instant ago(long seconds) {
        return NOW.minusSeconds(seconds);
    }

    @Test
    void regularCyclesAreFineAndTheFirstOneIsAwaitedWithoutAlarm() {
        assertEquals(Liveness.State.CYCLING, at(ago(3600), ago(50), null).state());
        assertEquals(Liveness.State.CYCLING, at(ago(3600), ago(50), ago(5)).state());
        assertEquals(Liveness.State.STARTING, at(ago(20), null, ago(20)).state());
        assertEquals("", at(ago(3600), ago(50), null).text());
    }

    @Test
    void aCycleRunningPastTheIntervalIsSlowAndPastItsDeadlineIsStuck() {
        // a 15 s interval and a 35 s deadline: past 15 s slow, past 35 + 10 s stuck
        Duration every = Duration.ofSeconds(15);
        Liveness slow = Liveness.of(NOW, ago(3600), ago(40), ago(20), every, DEADLINE);
        assertEquals(Liveness.State.SLOW, slow.state());
        assertTrue(slow.text().contains("running for 20 s"), slow.text());
        assertEquals(
                Liveness.State.SLOW,
                Liveness.of(NOW, ago(3600), ago(60), ago(45), every, DEADLINE).state());
        Liveness stuck = Liveness.of(NOW, ago(3600), ago(60), ago(46), every, DEADLINE);
        assertEquals(Liveness.State.STOPPED, stuck.state());
        assertTrue(stuck.text().contains("no cycle has finished for 60 s"), stuck.text());
    }

    @Test
    void noCycleFinishingForTwoIntervalsAndADeadlineIsAStoppedPlanner() {
        // 2 x 60 + 35 + 10 s grace = 165 s
        assertEquals(Liveness.State.CYCLING, at(ago(3600), ago(165), null).state());
        Liveness stopped = at(ago(3600), ago(166), null);
        assertEquals(Liveness.State.STOPPED, stopped.state());
        assertTrue(stopped.text().contains("no cycle has finished for 166 s"), stopped.text());
        assertEquals(Liveness.State.STOPPED, at(ago(400), null, null).state(), "never cycled");
    }
}
