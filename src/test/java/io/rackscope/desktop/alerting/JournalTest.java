package io.rackscope.desktop.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.Main;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.ui.Snapshots;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The incident journal: what is written, read back after a restart, and a damaged line. */
class JournalTest {
    @TempDir Path dir;

    @Test
    void transitionsSurviveARestartAndADamagedLineIsSkippedAndCounted() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Snapshots snapshots = new Snapshots(cfg);
        Journal journal = new Journal(dir, 30);
        AlertTracker tracker = new AlertTracker();
        tracker.journalTo(journal::append);
        tracker.track(snapshots.at(1, Snapshots.problem("node_up", "cn0865", Severity.CRIT, 0)));
        tracker.track(
                snapshots.at(
                        2,
                        Snapshots.problem("node_up", "cn0865", Severity.CRIT, 0),
                        Snapshots.problem("node_temperature", "cn0001", Severity.WARN, 79)));
        tracker.track(
                snapshots.at(
                        3, Snapshots.problem("node_temperature", "cn0001", Severity.CRIT, 91)));
        journal.close();
        Path day = Files.list(dir).findFirst().orElseThrow();
        Files.writeString(day, "{not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Journal reopened = new Journal(dir, 30);
        Instant now = Instant.now();
        Journal.Read read = reopened.read(now.minus(Duration.ofHours(1)), now.plusSeconds(60));
        assertEquals(1, read.damaged());
        assertEquals(
                List.of("ONGOING", "NEW", "WORSE", "CLEARED"),
                read.entries().stream().map(e -> e.kind().name()).toList(),
                "already failing at start, then new, then worse as the other clears");
        Journal.Entry worse = read.entries().get(2);
        assertEquals(Severity.CRIT, worse.severity());
        assertEquals(Severity.WARN, worse.previous());
        assertEquals("node:cn0001", worse.place());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(
                0, cl.execute("history", "--journal", dir.toString(), "--since", "1h", "--csv"));
        List<String> lines = out.toString().lines().collect(Collectors.toList());
        assertTrue(lines.get(0).startsWith("at,kind,severity"), lines.get(0));
        assertEquals(5, lines.size(), out.toString());
        assertTrue(err.toString().contains("1 damaged journal line(s) skipped"), err.toString());
    }

    @Test
    void twoAppsOfOneUserWriteEachTransitionOnce() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Snapshots snapshots = new Snapshots(cfg);
        HealthSnapshot s =
                snapshots.at(
                        1,
                        Snapshots.problem("node_up", "cn0865", Severity.CRIT, 0),
                        Snapshots.problem("node_temperature", "cn0001", Severity.WARN, 79));
        Instant at = Instant.now();
        List<Throwable> escaped = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> escaped.add(e));
        Journal desk = new Journal(dir, 30);
        Journal wall = new Journal(dir, 30);
        // each app names an incident by the second it first saw it: the same incident, two ids
        for (int k = 0; k < 2; k++) {
            Journal j = k == 0 ? desk : wall;
            Instant seen = at.plusSeconds(3L * k);
            j.append(
                    s.incidents().stream()
                            .map(
                                    i ->
                                            new Transition(
                                                    Transition.Kind.NEW,
                                                    seen,
                                                    i.tracked(
                                                            i.key() + "@" + seen.getEpochSecond(),
                                                            seen,
                                                            false,
                                                            0),
                                                    null))
                            .toList());
        }
        // an app opened again on the same journal (a reload after an edit) says it all again
        Journal again = new Journal(dir, 30);
        desk.close();
        wall.close();
        again.append(
                s.incidents().stream()
                        .map(
                                i ->
                                        new Transition(
                                                Transition.Kind.NEW,
                                                at,
                                                i.tracked(
                                                        i.key() + "@" + at.getEpochSecond(),
                                                        at,
                                                        false,
                                                        0),
                                                null))
                        .toList());
        again.close();
        Thread.setDefaultUncaughtExceptionHandler(before);
        // the second app finds everything written already: it adds nothing and fails nowhere
        assertEquals(List.of(), escaped);
        List<String> kinds =
                new Journal(dir, 30)
                        .read(at.minus(Duration.ofHours(1)), at.plusSeconds(60)).entries().stream()
                                .map(e -> e.kind() + " " + e.path())
                                .toList();
        assertEquals(2, kinds.size(), kinds.toString());
    }

    @Test
    void outagesOfPrometheusAreJournalledWithTheirReasonAndEnd() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Snapshots snapshots = new Snapshots(cfg);
        List<Transition> written = new java.util.ArrayList<>();
        AlertTracker t = new AlertTracker();
        t.journalTo(written::addAll);
        t.track(snapshots.at(1));
        io.rackscope.desktop.health.CycleError down =
                new io.rackscope.desktop.health.CycleError(
                        io.rackscope.desktop.health.CycleError.Kind.UNREACHABLE,
                        "node_up",
                        0,
                        "http://prom:9090",
                        "connection refused");
        t.track(snapshots.failing(2, down));
        t.track(snapshots.failing(3, down));
        t.track(snapshots.at(4));
        assertEquals(
                List.of(
                        "OUTAGE http://prom:9090 connection refused",
                        "RECOVERED http://prom:9090 null"),
                written.stream()
                        .filter(x -> x.kind().event())
                        .map(x -> x.kind() + " " + x.incident().name() + " " + x.note())
                        .toList());
    }

    @Test
    void aFlappersChurnIsFoldedIntoOneRowWithItsCount() {
        List<Journal.Entry> entries = new java.util.ArrayList<>();
        Instant t0 = Instant.parse("2026-12-04T19:00:00Z");
        entries.add(entry(t0, "NEW", "i-steady", "WARN", false));
        for (int k = 0; k < 23; k++) {
            entries.add(
                    entry(
                            t0.plusSeconds(45L * (k + 1)),
                            k % 2 == 0 ? "NEW" : "CLEARED",
                            "i-flap",
                            k % 2 == 0 ? "CRIT" : "OK",
                            true));
        }
        entries.add(entry(t0.plusSeconds(2000), "CLEARED", "i-steady", "OK", false));
        List<Journal.Entry> folded = Journal.foldFlapping(entries);
        assertEquals(3, folded.size(), folded.toString());
        Journal.Entry flap = folded.get(1);
        assertEquals(Transition.Kind.FLAPPING, flap.kind());
        assertEquals(23, flap.count());
        assertEquals(Severity.CRIT, flap.severity());
        assertEquals(t0.plusSeconds(45), flap.at());
        assertTrue(flap.csv().endsWith(",23"), flap.csv());
    }

    static Journal.Entry entry(
            Instant at, String kind, String id, String severity, boolean flapping) {
        return new Journal.Entry(
                at,
                Transition.Kind.valueOf(kind),
                id,
                id,
                id,
                id,
                io.rackscope.desktop.checks.Severity.valueOf(severity),
                null,
                java.util.Map.of(),
                1,
                flapping,
                null,
                null);
    }

    @Test
    void aLineThatIsNotUtf8IsSkippedAndCountedAndTheDaysOtherLinesStay() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Journal journal = new Journal(dir, 30);
        AlertTracker tracker = new AlertTracker();
        tracker.journalTo(journal::append);
        tracker.track(
                new Snapshots(cfg).at(1, Snapshots.problem("node_up", "cn0865", Severity.CRIT, 0)));
        journal.close();
        Path day = Files.list(dir).findFirst().orElseThrow();
        Files.write(
                day,
                new byte[] {'{', '"', 'a', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'},
                StandardOpenOption.APPEND);
        Instant now = Instant.now();
        Journal.Read read =
                new Journal(dir, 30).read(now.minus(Duration.ofHours(1)), now.plusSeconds(60));
        assertEquals(1, read.damaged());
        assertEquals(1, read.entries().size(), "the good line of that day is kept");
    }

    @Test
    void whatCannotBeWrittenIsSaidKeptAndWrittenWhenItCanBe() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Path blocked = dir.resolve("journal");
        Files.writeString(blocked, "a file where the directory should be");
        Journal journal = new Journal(blocked, 30);
        AlertTracker tracker = new AlertTracker();
        tracker.journalTo(journal::append);
        Snapshots snapshots = new Snapshots(cfg);
        tracker.track(snapshots.at(1, Snapshots.problem("node_up", "cn0865", Severity.CRIT, 0)));
        tracker.track(
                snapshots.at(
                        2,
                        Snapshots.problem("node_up", "cn0865", Severity.CRIT, 0),
                        Snapshots.problem("node_temperature", "cn0001", Severity.WARN, 79)));
        Instant now = Instant.now();
        // the writer tries each change as it comes: the second is kept once its try failed too
        WriterThread.await(
                () ->
                        journal.problem()
                                .map(p -> p.contains("2 changes are kept in memory"))
                                .orElse(false));
        assertTrue(
                journal.problem().orElseThrow().contains("2 changes are kept in memory"),
                journal.problem().toString());
        assertTrue(
                journal.read(now.minus(Duration.ofHours(1)), now).problem() != null,
                "the History tab says it");
        Files.delete(blocked);
        tracker.track(
                snapshots.at(
                        3,
                        Snapshots.problem("node_up", "cn0865", Severity.CRIT, 0),
                        Snapshots.problem("node_temperature", "cn0001", Severity.WARN, 79)));
        journal.close();
        Journal.Read read =
                new Journal(blocked, 30).read(now.minus(Duration.ofHours(1)), now.plusSeconds(60));
        assertEquals(
                List.of("ONGOING", "NEW"),
                read.entries().stream().map(e -> e.kind().name()).toList(),
                "kept in memory, then written: nothing lost");
        assertTrue(journal.problem().isEmpty());
    }

    /** Waits for the journal's own writer thread (at most 10 s). */
    static final class WriterThread {
        static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
    }

    @Test
    void momentsAreReadBackExactlyWhateverTheirPrecisionAndOddOnesAreRefused() {
        for (String t :
                List.of(
                        "2026-12-01T02:13:00Z",
                        "2026-12-01T02:13:00.100Z",
                        "2026-02-28T23:59:59.123456Z",
                        "1999-12-31T00:00:00.000000001Z",
                        "2024-02-29T12:00:00.5Z")) {
            assertEquals(Instant.parse(t), Journal.instant(t), t);
        }
        Instant now = Instant.now();
        assertEquals(now, Journal.instant(now.toString()));
        assertEquals(
                Instant.parse("2026-12-01T01:13:00Z"),
                Journal.instant("2026-12-01T02:13:00+01:00"));
        assertThrows(DateTimeException.class, () -> Journal.instant("2026-12-01T02:1x:00Z"));
        assertThrows(DateTimeException.class, () -> Journal.instant("2026-13-01T02:13:00Z"));
    }

    @Test
    void filesOlderThanTheKeptDaysAreDeleted() throws Exception {
        Files.writeString(dir.resolve("journal-2020-01-01.jsonl"), "{}\n");
        Journal journal = new Journal(dir, 30);
        AlertTracker tracker = new AlertTracker();
        tracker.journalTo(journal::append);
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        HealthSnapshot s =
                new Snapshots(cfg).at(1, Snapshots.problem("node_up", "cn0865", Severity.CRIT, 0));
        tracker.track(s);
        journal.close();
        assertFalse(Files.exists(dir.resolve("journal-2020-01-01.jsonl")));
        assertEquals(1, Files.list(dir).count());
    }
}
