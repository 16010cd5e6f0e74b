package io.rackscope.desktop.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rackscope.desktop.checks.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlertSoundTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void oneSoundPerCoolDownNothingForOkAndNothingWhenMuted() {
        HandClock clock = new HandClock();
        AlertSound sound = new AlertSound(clock, Duration.ofSeconds(5));
        try {
            assertNull(sound.announce(Severity.OK), "no sound for OK");
            assertEquals(Severity.WARN, sound.announce(Severity.WARN));
            clock.now = clock.now.plusSeconds(2);
            assertNull(sound.announce(Severity.CRIT), "still cooling down");
            clock.now = clock.now.plusSeconds(4);
            assertEquals(Severity.CRIT, sound.announce(Severity.CRIT));
            sound.setMuted(true);
            clock.now = clock.now.plusSeconds(60);
            assertNull(sound.announce(Severity.CRIT), "muted");
            sound.setMuted(false);
            assertEquals(Severity.CRIT, sound.announce(Severity.CRIT));
        } finally {
            sound.close();
        }
    }

    @Test
    void onlyWhenHiddenSoundsOnlyForAWindowInTheBackground() {
        HandClock clock = new HandClock();
        AlertSound sound = new AlertSound(clock, Duration.ofSeconds(5));
        boolean[] focused = {true};
        try {
            sound.setWhen(AlertSound.When.ONLY_WHEN_HIDDEN, () -> focused[0]);
            assertNull(sound.announce(Severity.CRIT), "the operator is looking at it");
            focused[0] = false;
            assertEquals(Severity.CRIT, sound.announce(Severity.CRIT));
            sound.setWhen(AlertSound.When.ONLY_WHEN_VISIBLE, () -> focused[0]);
            clock.now = clock.now.plusSeconds(10);
            assertNull(sound.announce(Severity.WARN), "in the background");
        } finally {
            sound.close();
        }
    }
}
