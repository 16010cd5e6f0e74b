package io.rackscope.desktop.alerting;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.checks.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
            Transition.Kind kind,
            String id,
            String place,
            String name,
            String path,
            Severity severity,
            Severity previous,
            Map<String, Integer> checks,
            int members,
            boolean flapping,
            String by,
            String note,
            int count) {
        public static final String CSV_HEADER =
                "at,kind,severity,previous,place,name,path,members,checks,flapping,id,by,note,count";

        /** An entry as written: one transition. */
        public Entry(
                Instant at,
                Transition.Kind kind,
                String id,
                String place,
                String name,
                String path,
                Severity severity,
                Severity previous,
                Map<String, Integer> checks,
                int members,
                boolean flapping,
                String by,
                String note) {
            this(
                    at, kind, id, place, name, path, severity, previous, checks, members, flapping,
                    by, note, 1);
        }

        /**
         * Whether it is an event of the shift rather than an incident's health (see Transition).
         */
        public boolean event() {
            return kind.event();
        }

        /** This entry as a CSV line under {@link #CSV_HEADER}. */
        public String csv() {
            return String.join(
                    ",",
                    at.toString(),
                    kind.name(),
                    severity.name(),
                    previous == null ? "" : previous.name(),
                    Csv.field(place),
                    Csv.field(name),
                    Csv.field(path),
                    Integer.toString(members),
                    Csv.field(checks.toString()),
                    Boolean.toString(flapping),
                    Csv.field(id),
                    Csv.field(by == null ? "" : by),
                    Csv.field(note == null ? "" : note),
                    Integer.toString(count));
        }
    }

    /**
     * {@code entries} (in time order) with each run of a flapping incident's transitions folded
     * into one row: kind {@code FLAPPING}, at its first, its worst severity, {@code count} the
     * transitions it stands for. The run ends when the incident is journalled as not flapping.
     */
    public static List<Entry> foldFlapping(List<Entry> entries) {
        List<Entry> out = new ArrayList<>(entries.size());
        Map<String, Integer> open = new HashMap<>();
        for (Entry e : entries) {
            if (!e.flapping() || e.event()) {
                open.remove(e.id());
                out.add(e);
                continue;
            }
            Integer at = open.get(e.id());
            if (at == null) {
                open.put(e.id(), out.size());
                out.add(e);
                continue;
            }
            Entry first = out.get(at);
            Severity worst = Severity.worst(e.severity(), first.severity());
            out.set(
                    at,
                    new Entry(
                            first.at(),
                            Transition.Kind.FLAPPING,
                            first.id(),
                            first.place(),
                            first.name(),
                            first.path(),
                            worst,
                            first.previous(),
                            first.checks(),
                            Math.max(first.members(), e.members()),
                            true,
                            first.by(),
                            first.note(),
                            first.count() + e.count()));
        }
        return out;
    }

    /**
     * What was read: the entries in time order, how many lines were damaged, and why the journal
     * cannot be written now (null when it can).
     */
    public record Read(List<Entry> entries, int damaged, String problem) {
        public Read(List<Entry> entries, int damaged) {
            this(entries, damaged, null);
        }
    }

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

    /** Appends {@code transitions}; returns at once. An empty call retries what is unwritten. */
    public void append(List<Transition> transitions) {
        if (transitions.isEmpty() && problem == null) {
            return;
        }
        List<Transition> copy = List.copyOf(transitions);
        writer.execute(() -> write(copy));
    }

    /** At most this many changes are kept in memory while the journal cannot be written. */
    static final int KEEP_UNWRITTEN = 10_000;

    /** The changes not written yet (the writer thread's only). */
    private final List<Transition> unwritten = new ArrayList<>();

    private volatile String problem;

    /**
     * Why the journal cannot be written now ("the journal in DIR cannot be written: ...; 3 changes
     * kept in memory"), or empty: what is said on screen while it lasts.
     */
    public java.util.Optional<String> problem() {
        return java.util.Optional.ofNullable(problem);
    }

    private void write(List<Transition> transitions) {
        List<Transition> all = new ArrayList<>(unwritten);
        all.addAll(transitions);
        if (all.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Map<LocalDate, List<Transition>> byDay = new TreeMap<>();
            for (Transition t : all) {
                byDay.computeIfAbsent(day(t.at()), d -> new ArrayList<>()).add(t);
            }
            // a day written before a failure is not written twice: what is already there is
            // left out (see append)
            for (Map.Entry<LocalDate, List<Transition>> e : byDay.entrySet()) {
                append(file(e.getKey()), e.getValue());
            }
            unwritten.clear();
            problem = null;
            rotate(all.get(all.size() - 1).at());
        } catch (IOException e) {
            unwritten.clear();
            unwritten.addAll(all.subList(Math.max(0, all.size() - KEEP_UNWRITTEN), all.size()));
            String now =
                    "the journal in "
                            + dir
                            + " cannot be written ("
                            + e.getMessage()
                            + "); "
                            + unwritten.size()
                            + (unwritten.size() == 1 ? " change is" : " changes are")
                            + " kept in memory and written when it can be";
            if (problem == null) {
                LOG.log(Level.WARNING, now);
            }
            problem = now;
        }
    }

    /** How far apart two apps of one user may see one transition and write it once. */
    static final long SAME_WITHIN_SECONDS = 60;

    /** How much of a day's end is read to find what another app already wrote. */
    private static final int TAIL_BYTES = 256 * 1024;

    /**
     * Appends {@code transitions} to {@code file} under a lock shared with every app of this user
     * (and the CLI), leaving out those another app already wrote (the same kind, incident and
     * severity within {@link #SAME_WITHIN_SECONDS}); every append starts on a fresh line.
     */
    private void append(Path file, List<Transition> transitions) throws IOException {
        try (FileChannel ch =
                        FileChannel.open(
                                file,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.READ,
                                StandardOpenOption.WRITE);
                FileLock lock = io.rackscope.desktop.config.FileLocks.lock(ch)) {
            long size = ch.size();
            List<Entry> written = tail(ch, size);
            StringBuilder b = new StringBuilder();
            if (size > 0 && lastByte(ch, size) != '\n') {
                b.append('\n');
            }
            int lead = b.length();
            for (Transition t : transitions) {
                if (written.stream().noneMatch(w -> same(w, t))) {
                    b.append(JSON.writeValueAsString(line(t))).append('\n');
                }
            }
            // all of them written by another app already: nothing to add
            if (b.length() > lead) {
                ch.write(ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)), size);
                ch.force(true);
            }
        }
    }

    private static boolean same(Entry w, Transition t) {
        return w.kind() == t.kind()
                // by place: each app names an incident by the second it first saw it
                && w.place().equals(t.incident().key())
                && w.severity() == t.incident().severity()
                && w.previous() == t.previous()
                && Math.abs(w.at().getEpochSecond() - t.at().getEpochSecond())
                        <= SAME_WITHIN_SECONDS;
    }

    private static List<Entry> tail(FileChannel ch, long size) throws IOException {
        int n = (int) Math.min(size, TAIL_BYTES);
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining() && ch.read(buf, size - n + buf.position()) > 0) {
            // read the whole tail
        }
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Entry e = parse(line);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static int lastByte(FileChannel ch, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, size - 1);
        return one.get(0);
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
        if (t.by() != null) {
            m.put("by", t.by());
        }
        if (t.note() != null) {
            m.put("note", t.note());
        }
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
            return new Read(out, 0, problem);
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
                for (String line : lines(Files.readAllBytes(f))) {
                    if (line == null) {
                        damaged++;
                        continue;
                    }
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
        return new Read(out, damaged, problem);
    }

    /**
     * The file's lines, each decoded on its own: a line that is not valid UTF-8 is null (counted as
     * damaged) and costs nothing to the others.
     */
    static List<String> lines(byte[] bytes) {
        List<String> out = new ArrayList<>();
        java.nio.charset.CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start) {
                    try {
                        out.add(utf8.decode(ByteBuffer.wrap(bytes, start, i - start)).toString());
                    } catch (java.nio.charset.CharacterCodingException e) {
                        out.add(null);
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * One line, read with the streaming parser (a third of the time of a tree or a bound record on
     * a cold JVM); keys it does not know (from a later version) are skipped.
     */
    private static Entry parse(String line) {
        Map<String, String> text = new HashMap<>();
        Map<String, Integer> checks = new TreeMap<>();
        int members = 0;
        boolean flapping = false;
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "checks" -> {
                        if (value == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String check = p.currentName();
                                p.nextToken();
                                checks.put(check, p.getValueAsInt());
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "members" -> members = p.getValueAsInt();
                    case "flapping" -> flapping = p.getValueAsBoolean();
                    default -> {
                        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                            text.put(key, p.getValueAsString());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (!text.keySet().containsAll(List.of("at", "kind", "id", "severity"))) {
                return null;
            }
            Severity severity = Severity.parse(text.get("severity")).orElse(null);
            if (severity == null) {
                return null;
            }
            return new Entry(
                    instant(text.get("at")),
                    Transition.Kind.valueOf(text.get("kind")),
                    text.get("id"),
                    text.getOrDefault("place", ""),
                    text.getOrDefault("name", ""),
                    text.getOrDefault("path", ""),
                    severity,
                    text.get("previous") == null
                            ? null
                            : Severity.parse(text.get("previous")).orElse(null),
                    checks,
                    members,
                    flapping,
                    text.get("by"),
                    text.get("note"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The journal's own moments ({@code 2026-12-01T02:13:00.123Z}, as {@link Instant#toString}
     * writes them) read by hand: {@link Instant#parse} took most of a cold read of 100,000 lines.
     * Anything else falls back to it.
     */
    static Instant instant(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(10) != 'T' || t.charAt(n - 1) != 'Z') {
            return Instant.parse(t);
        }
        long seconds =
                LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10)).toEpochDay()
                                * 86_400L
                        + digits(t, 11, 13) * 3600L
                        + digits(t, 14, 16) * 60L
                        + digits(t, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n - 21 > 9) {
                return Instant.parse(t);
            }
            nanos = digits(t, 20, n - 1);
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return Instant.parse(t);
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a journal moment: " + t);
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
