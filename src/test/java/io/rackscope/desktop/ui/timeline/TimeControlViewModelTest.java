package io.rackscope.desktop.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.HandClock;
import io.rackscope.desktop.ui.JournalMarks;
import io.rackscope.desktop.ui.RecordingTimeTravel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TimeControlViewModelTest {
    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    final HandClock clock = new HandClock(NOW);
    final RecordingTimeTravel time = new RecordingTimeTravel(clock);
    final TimeControlViewModel model = new TimeControlViewModel(time, clock);

    @Test
    void theSliderSpansTheHistoryKeptAndItsRightEndIsLive() {
        assertEquals(
                NOW.minus(Duration.ofHours(24)).getEpochSecond(), model.earliestProperty().get());
        assertEquals(NOW.getEpochSecond(), model.latestProperty().get());
        model.slide(NOW.minusSeconds(7200).getEpochSecond());
        assertFalse(model.liveProperty().get());
        assertEquals("2026-12-01 01:00:00", model.momentProperty().get());
        model.slide(NOW.getEpochSecond() - 10);
        assertTrue(model.liveProperty().get());
        assertEquals("Live", model.momentProperty().get());
        assertNull(time.chosen.get());
    }

    @Test
    void aTypedMomentIsShownAndTextThatIsNoMomentSaysWhy() {
        assertTrue(model.type("02:13"));
        assertEquals(Instant.parse("2026-12-01T02:13:00Z"), time.chosen.get());
        assertEquals("", model.problemProperty().get());
        assertFalse(model.type("yesterday-ish"));
        assertTrue(model.problemProperty().get().contains("is not a moment"));
        assertEquals(Instant.parse("2026-12-01T02:13:00Z"), time.chosen.get(), "unchanged");
        assertTrue(model.type("-3d"));
        assertTrue(
                model.problemProperty().get().contains("only the last 24 h can be shown"),
                model.problemProperty().get());
        assertEquals(NOW.minus(Duration.ofHours(24)), time.chosen.get(), "the earliest kept");
        assertTrue(model.type("now"));
        assertTrue(model.liveProperty().get());
    }

    @Test
    void stepsMoveOneCycleAndPastTheLastMomentAreLiveAgain() {
        model.stepBack();
        assertEquals(NOW.minusSeconds(60), time.chosen.get());
        model.stepBack();
        assertEquals(NOW.minusSeconds(120), time.chosen.get());
        model.stepForward();
        model.stepForward();
        assertEquals(NOW, time.chosen.get());
        model.stepForward();
        assertTrue(model.liveProperty().get());
    }

    @Test
    void playbackMovesAtItsSpeedAndStopReturnsToWhereItStarted() {
        Instant start = Instant.parse("2026-12-01T01:00:00Z");
        model.lookAt(start);
        model.play(60);
        assertTrue(model.playing());
        assertEquals("playing 60x", model.stateProperty().get());
        clock.now = NOW.plusSeconds(10);
        model.tick();
        assertEquals(start.plusSeconds(600), time.chosen.get(), "10 s at 60x: 10 minutes");
        model.play(600);
        clock.now = NOW.plusSeconds(11);
        model.tick();
        assertEquals(start.plusSeconds(1200), time.chosen.get(), "then 1 s at 600x");
        model.stop();
        assertFalse(model.playing());
        assertEquals(start, time.chosen.get());
        assertEquals(0, model.speedProperty().get());
    }

    @Test
    void playbackThatCatchesUpWithThePresentGoesLive() {
        model.lookAt(NOW.minusSeconds(300));
        model.play(600);
        clock.now = NOW.plusSeconds(1);
        model.tick();
        assertTrue(model.liveProperty().get());
        assertFalse(model.playing());
    }

    @Test
    void theJournalsChangesAreTicksOnTheSliderAndAClickGoesThere() {
        Instant change = NOW.minusSeconds(3 * 3600 + 17);
        List<Instant[]> asked = new ArrayList<>();
        JournalMarks journal =
                (from, to) -> {
                    asked.add(new Instant[] {from, to});
                    return CompletableFuture.completedFuture(
                            List.of(
                                    new JournalMarks.Mark(
                                            change, Severity.CRIT, "new CRIT: rack r05")));
                };
        TimeControlViewModel m = new TimeControlViewModel(time, clock, journal, Runnable::run);
        assertEquals(1, m.marksProperty().get().size());
        assertEquals(NOW.minus(Duration.ofHours(24)), asked.get(0)[0], "the slider's whole range");
        clock.now = NOW.plusSeconds(10);
        m.tick();
        assertEquals(1, asked.size(), "read again only every 30 s");
        clock.now = NOW.plusSeconds(31);
        m.tick();
        assertEquals(2, asked.size());
        m.jumpTo(m.marksProperty().get().get(0));
        assertEquals(Instant.ofEpochSecond(change.getEpochSecond() / 60 * 60), time.chosen.get());
    }
}
