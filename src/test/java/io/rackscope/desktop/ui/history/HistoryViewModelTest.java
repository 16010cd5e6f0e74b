package io.rackscope.desktop.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.HandClock;
import io.rackscope.desktop.ui.JournalHistory;
import io.rackscope.desktop.ui.RecordingTimeTravel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The history tab's window, filters, summary and jumps, from a journal port answered by hand. */
class HistoryViewModelTest {
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    final HandClock clock = new HandClock(NOW);
    final RecordingTimeTravel time = new RecordingTimeTravel(clock);
    final List<Instant[]> windows = new ArrayList<>();
    final List<CompletableFuture<Journal.Read>> answers = new ArrayList<>();
    final JournalHistory journal =
            (from, to) -> {
                windows.add(new Instant[] {from, to});
                CompletableFuture<Journal.Read> f = new CompletableFuture<>();
                answers.add(f);
                return f;
            };
    final HistoryViewModel model =
            new HistoryViewModel(journal, time, clock, ZoneOffset.UTC, Runnable::run);

    static Journal.Entry entry(
            String at, String kind, String severity, String previous, String path) {
        return new Journal.Entry(
                Instant.parse(at),
                io.rackscope.desktop.alerting.Transition.Kind.valueOf(kind),
                "id-" + at,
                path,
                path,
                path,
                io.rackscope.desktop.checks.Severity.valueOf(severity),
                previous == null ? null : io.rackscope.desktop.checks.Severity.valueOf(previous),
                Map.of("node_up", 3),
                3,
                false,
                null,
                null);
    }

    static final List<Journal.Entry> SHIFT =
            List.of(
                    entry("2026-12-01T02:00:00Z", "NEW", "WARN", null, "fra1/hall-a/r01"),
                    entry("2026-12-01T03:00:00Z", "WORSE", "CRIT", "WARN", "fra1/hall-a/r01"),
                    entry("2026-12-01T04:00:00Z", "BETTER", "WARN", "CRIT", "fra1/hall-a/r01"),
                    entry("2026-12-01T05:00:00Z", "NEW", "WARN", null, "ams1/dh1/r07"),
                    entry("2026-12-01T06:00:00Z", "CLEARED", "WARN", "WARN", "ams1/dh1/r07"));

    @Test
    void theShiftIsReadOffTheFxThreadNewestFirstWithWhatWasDamaged() {
        model.refresh();
        assertEquals(NOW.minus(Duration.ofHours(8)), windows.get(0)[0], "8 h shift by default");
        assertEquals(NOW, windows.get(0)[1]);
        assertTrue(model.readingProperty().get());
        answers.get(0).complete(new Journal.Read(SHIFT, 2));
        assertEquals(5, model.entriesProperty().get().size());
        assertEquals(
                Instant.parse("2026-12-01T06:00:00Z"), model.entriesProperty().get().get(0).at());
        assertEquals(
                "5 changes · 2026-12-01 01:00:00 to 2026-12-01 09:00:00 (8h) · 2 damaged lines skipped",
                model.summaryProperty().get());
        model.windowProperty().set(HistoryViewModel.Window.HOUR);
        assertEquals(NOW.minus(Duration.ofHours(1)), windows.get(1)[0], "a new window is read");
    }

    @Test
    void severityAndPlaceNarrowWithoutReadingAgain() {
        model.refresh();
        answers.get(0).complete(new Journal.Read(SHIFT, 0));
        model.minimumProperty().set(Severity.CRIT);
        // the change to CRIT and the change back from it
        assertEquals(2, model.entriesProperty().get().size());
        assertEquals("2 of 5 changes", model.summaryProperty().get().split(" · ")[0]);
        model.minimumProperty().set(Severity.OK);
        model.placeProperty().set("AMS1");
        assertEquals(2, model.entriesProperty().get().size());
        assertEquals(1, windows.size());
    }

    @Test
    void aCustomWindowIsTypedAndABadOneIsSaidPlainly() {
        model.customFromProperty().set("2026-12-01 02:00");
        model.customToProperty().set("-1h");
        model.windowProperty().set(HistoryViewModel.Window.CUSTOM);
        assertEquals(Instant.parse("2026-12-01T02:00:00Z"), windows.get(0)[0]);
        assertEquals(NOW.minus(Duration.ofHours(1)), windows.get(0)[1]);
        model.customFromProperty().set("yesterday-ish");
        model.refresh();
        assertEquals(1, windows.size(), "nothing is read for a window that cannot be");
        assertTrue(model.problemProperty().get().contains("-2h"), model.problemProperty().get());
        model.customFromProperty().set("-30m");
        model.refresh();
        assertTrue(model.problemProperty().get().contains("before its end"));
    }

    @Test
    void anOlderReadThatArrivesLateNeverReplacesANewerOne() {
        model.refresh();
        model.windowProperty().set(HistoryViewModel.Window.HOUR);
        answers.get(1).complete(new Journal.Read(SHIFT.subList(4, 5), 0));
        answers.get(0).complete(new Journal.Read(SHIFT, 0));
        assertEquals(1, model.entriesProperty().get().size());
    }

    @Test
    void aFailedReadIsSaidAndARowOpensThatMomentWhenTheTimeControlReachesIt() {
        model.refresh();
        answers.get(0).completeExceptionally(new IllegalStateException("disk gone"));
        assertEquals("The journal could not be read: disk gone", model.problemProperty().get());
        model.open(SHIFT.get(1));
        model.open(entry("2026-12-01T03:00:20.5Z", "CLEARED", "WARN", "WARN", "x"));
        assertEquals(
                List.of(
                        Instant.parse("2026-12-01T03:00:00Z"),
                        Instant.parse("2026-12-01T03:01:00Z")),
                time.asked,
                "the first moment that shows the change");
        model.open(entry("2026-11-29T03:00:00Z", "NEW", "CRIT", null, "x"));
        assertEquals(2, time.asked.size());
        assertTrue(model.problemProperty().get().contains("history.max_hours"));
        String csv = HistoryViewModel.csv(SHIFT.subList(1, 2));
        assertEquals(Journal.Entry.CSV_HEADER, csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("2026-12-01T03:00:00Z,WORSE,CRIT,WARN,"), csv);
    }
}
