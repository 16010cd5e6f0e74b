package io.rackscope.desktop.bench;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.alerting.Transition;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Incident;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long the History tab waits for the journal: {@code scripts/bench journal LINES}, LINES
 * transitions over the last 24 h written through the journal itself, then read back for the 24 h
 * window: the first read (cold JVM) and the median of 10 more.
 */
public final class JournalBenchmark {
    public static void main(String[] args) throws Exception {
        int lines = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("rackscope-journal-bench");
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofHours(24));
        long stepMillis = Duration.ofHours(24).toMillis() / lines;
        Transition.Kind[] kinds = Transition.Kind.values();
        try (Journal journal = new Journal(dir, 30)) {
            List<Transition> batch = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                String rack = "fra1-a" + (i % 12) + "-r" + (i % 40);
                Incident incident =
                        new Incident(
                                rack + "@" + i,
                                rack,
                                Incident.Level.RACK,
                                rack,
                                "Rack " + rack,
                                "fra1 / hall-a / a01 / " + rack,
                                i % 3 == 0 ? Severity.CRIT : Severity.WARN,
                                Map.of("node_up", 40, "chassis_psu", 2),
                                List.of("cn" + i, "cn" + (i + 1), "cn" + (i + 2)),
                                40,
                                80,
                                from,
                                i % 17 == 0,
                                i % 7);
                Transition.Kind kind = kinds[i % kinds.length];
                batch.add(
                        new Transition(
                                kind,
                                from.plusMillis(i * stepMillis),
                                incident,
                                kind == Transition.Kind.NEW ? null : Severity.WARN));
                if (batch.size() == 1000) {
                    journal.append(batch);
                    batch.clear();
                }
            }
            journal.append(batch);
        }
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        Journal journal = new Journal(dir, 30);
        long t0 = System.nanoTime();
        Journal.Read first = journal.read(from, now);
        double firstMs = (System.nanoTime() - t0) / 1e6;
        double[] ms = new double[10];
        for (int r = 0; r < ms.length; r++) {
            long t = System.nanoTime();
            journal.read(from, now);
            ms[r] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                Locale.ROOT,
                "journal of %,d lines (%,d bytes, %d damaged): first read %.0f ms, median %.0f ms, max %.0f ms%n",
                first.entries().size(),
                bytes,
                first.damaged(),
                firstMs,
                ms[5],
                ms[9]);
    }
}
