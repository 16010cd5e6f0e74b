package io.rackscope.desktop.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The incidents' history on disk: one file per UTC day ({@code journal-2026-12-01.jsonl}), a line
 * of JSON per transition, appended off the caller's thread and forced to disk; files older than
 * {@code keepDays} are deleted. A damaged line is skipped and counted when reading, never fatal.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".jsonl";

    /** One journalled transition as read back. */
    public record Entry(
            Instant at,
            String kind,
            String id,
            String place,
            String name,
            String path,
            String severity,
            String previous,
            Map<String, Integer> checks,
            int members,
            boolean flapping) {}

    /** What was read: the entries in time order, and how many lines were damaged. */
    public record Read(List<Entry> entries, int damaged) {}

    private final Path dir;
    private final int keepDays;
    private final ExecutorService writer =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "journal");
                        t.setDaemon(true);
                        return t;
                    });

    public Journal(Path dir, int keepDays) {
        this.dir = dir;
        this.keepDays = Math.max(1, keepDays);
    }

    /**
     * Where the journal lives: {@code -Drackscope.journal.dir}, else {@code
     * $XDG_STATE_HOME/rackscope-desktop/journal}, else {@code ~/.local/state/...}.
     */
    public static Path defaultDirectory() {
        String override = System.getProperty("rackscope.journal.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base =
                state != null && !state.isBlank()
                        ? Path.of(state)
                        : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("rackscope-desktop").resolve("journal");
    }

    public Path directory() {
        return dir;
    }

    /** Appends {@code transitions}; returns at once. */
    public void append(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        List<Transition> copy = List.copyOf(transitions);
        writer.execute(() -> write(copy));
    }

    private void write(List<Transition> transitions) {
        try {
            Files.createDirectories(dir);
            Map<LocalDate, StringBuilder> byDay = new TreeMap<>();
            for (Transition t : transitions) {
                byDay.computeIfAbsent(day(t.at()), d -> new StringBuilder())
                        .append(JSON.writeValueAsString(line(t)))
                        .append('\n');
            }
            for (Map.Entry<LocalDate, StringBuilder> e : byDay.entrySet()) {
                try (FileChannel ch =
                        FileChannel.open(
                                file(e.getKey()),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.APPEND)) {
                    ch.write(
                            ByteBuffer.wrap(
                                    e.getValue().toString().getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                }
            }
            rotate(transitions.get(transitions.size() - 1).at());
        } catch (IOException e) {
            LOG.log(
                    Level.WARNING,
                    "the journal in " + dir + " could not be written: " + e.getMessage());
        }
    }

    private static Map<String, Object> line(Transition t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", t.at().toString());
        m.put("kind", t.kind().name());
        m.put("id", t.incident().id());
        m.put("place", t.incident().key());
        m.put("name", t.incident().name());
        m.put("path", t.incident().path());
        m.put("severity", t.incident().severity().name());
        m.put("previous", t.previous() == null ? null : t.previous().name());
        m.put("checks", t.incident().checks());
        m.put("members", t.incident().members().size());
        m.put("flapping", t.incident().flapping());
        return m;
    }

    private void rotate(Instant now) throws IOException {
        LocalDate oldest = day(now).minusDays(keepDays - 1L);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                LocalDate d = dayOf(f);
                if (d != null && d.isBefore(oldest)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** The entries from {@code from} to {@code to}, in time order. */
    public Read read(Instant from, Instant to) {
        List<Entry> out = new ArrayList<>();
        int damaged = 0;
        if (!Files.isDirectory(dir)) {
            return new Read(out, 0);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> days =
                    files.filter(f -> dayOf(f) != null)
                            .filter(
                                    f ->
                                            !dayOf(f).isBefore(day(from))
                                                    && !dayOf(f).isAfter(day(to)))
                            .sorted()
                            .toList();
            for (Path f : days) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Entry e = parse(line);
                    if (e == null) {
                        damaged++;
                    } else if (!e.at().isBefore(from) && !e.at().isAfter(to)) {
                        out.add(e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return new Read(out, damaged);
    }

    private static Entry parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            Map<String, Integer> checks = new TreeMap<>();
            n.path("checks")
                    .fields()
                    .forEachRemaining(e -> checks.put(e.getKey(), e.getValue().asInt()));
            return new Entry(
                    Instant.parse(n.get("at").asText()),
                    n.get("kind").asText(),
                    n.get("id").asText(),
                    n.path("place").asText(),
                    n.path("name").asText(),
                    n.path("path").asText(),
                    n.get("severity").asText(),
                    n.path("previous").isNull() ? null : n.path("previous").asText(null),
                    checks,
                    n.path("members").asInt(),
                    n.path("flapping").asBoolean());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private Path file(LocalDate d) {
        return dir.resolve(PREFIX + d + SUFFIX);
    }

    private static LocalDate dayOf(Path f) {
        String n = f.getFileName().toString();
        if (!n.startsWith(PREFIX) || !n.endsWith(SUFFIX)) {
            return null;
        }
        try {
            return LocalDate.parse(n.substring(PREFIX.length(), n.length() - SUFFIX.length()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Waits (at most 5 s) for what is queued to be written. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
