package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.ui.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FxHeartbeatTest {
    @Test
    void aWindowThreadThatStopsAnsweringIsSeenAsStalledAndRecovers() {
        HandClock clock = new HandClock(Instant.parse("2026-12-05T03:00:00Z"));
        List<Runnable> handed = new CopyOnWriteArrayList<>();
        try (FxHeartbeat beat = new FxHeartbeat(handed::add, clock)) {
            beat.tick(handed::add);
            assertEquals(1, handed.size(), "one beat waits at a time");
            clock.now = clock.now.plusSeconds(15);
            beat.tick(handed::add);
            assertEquals(Duration.ofSeconds(15), beat.stalled(), "the window has not run it");
            assertEquals(1, handed.size(), "no pile of beats behind a frozen window");
            handed.get(0).run();
            assertEquals(Duration.ZERO, beat.stalled(), "answered: no stall");
        }
    }
}
