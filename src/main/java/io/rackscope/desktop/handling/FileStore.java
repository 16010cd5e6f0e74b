package io.rackscope.desktop.handling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.FileLocks;
import io.rackscope.desktop.config.YamlNode;
import io.rackscope.desktop.config.YamlReader;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Maintenances in the web original's {@code maintenances.yaml} ({@code maintenances:} entries with
 * {@code id, target_type, target_id, reason, effect, created_at, starts_at, expires_at, ended_at};
 * keys this app does not know are kept as they were), acknowledgements in {@code
 * acknowledgements.yaml} beside it. Both are written atomically (a temporary file renamed over the
 * old one) and read again when they change on disk. A file that does not parse is an error naming
 * its file and line; the caller keeps what it had.
 */
public final class FileStore implements SilenceStore {
    public static final String MAINTENANCES = "maintenances.yaml";
    public static final String ACKNOWLEDGEMENTS = "acknowledgements.yaml";
    private static final ObjectMapper YAML =
            new ObjectMapper(
                    new YAMLFactory()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private final Path maintenances;
    private final Path acknowledgements;
    private String signature = "";
    private List<Silence> cached = List.of();

    /** Each maintenance entry as read, so that keys of other versions survive a write. */
    private final Map<String, Map<String, Object>> raw = new LinkedHashMap<>();

    private final java.util.function.Predicate<Path> writable;

    public FileStore(Path configDir) {
        this(configDir, Files::isWritable);
    }

    FileStore(Path configDir, java.util.function.Predicate<Path> writable) {
        this.maintenances = configDir.resolve(MAINTENANCES);
        this.acknowledgements = configDir.resolve(ACKNOWLEDGEMENTS);
        this.writable = writable;
    }

    @Override
    public String describe() {
        return MAINTENANCES + " in " + maintenances.getParent();
    }

    @Override
    public java.util.Optional<String> limitation() {
        return cannotWrite()
                ? java.util.Optional.of(
                        "read-only: shown from there, but new ones cannot be kept there")
                : java.util.Optional.empty();
    }

    /** Whether the directory of the files exists and cannot be written. */
    private boolean cannotWrite() {
        Path dir = maintenances.toAbsolutePath().getParent();
        return Files.isDirectory(dir) && !writable.test(dir);
    }

    private static String readOnly(Path dir) {
        return dir
                + " cannot be written: maintenances and acknowledgements are read from it, but new"
                + " ones cannot be kept there";
    }

    @Override
    public synchronized List<Silence> read() throws StoreException {
        String now = signature(maintenances) + "|" + signature(acknowledgements);
        if (now.equals(signature)) {
            return cached;
        }
        Diagnostics d = new Diagnostics();
        List<Silence> out = new ArrayList<>();
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        parse(d, out, entries);
        if (!d.errors().isEmpty()) {
            Diagnostic first = d.errors().get(0);
            throw new StoreException(
                    StoreException.Kind.BAD_ANSWER,
                    first.file().getFileName()
                            + " line "
                            + first.line()
                            + ": "
                            + first.message()
                            + (d.errors().size() > 1
                                    ? " (and " + (d.errors().size() - 1) + " more)"
                                    : "")
                            + "; the last good state is kept");
        }
        raw.clear();
        raw.putAll(entries);
        cached = List.copyOf(out);
        signature = now;
        return cached;
    }

    private void parse(Diagnostics d, List<Silence> out, Map<String, Map<String, Object>> entries) {
        if (Files.exists(maintenances)) {
            new YamlReader(d)
                    .readMapping(maintenances)
                    .ifPresent(root -> readMaintenances(root, d, out, entries));
        }
        if (Files.exists(acknowledgements)) {
            new YamlReader(d)
                    .readMapping(acknowledgements)
                    .ifPresent(root -> readAcknowledgements(root, d, out));
        }
    }

    /** Reads both files for {@code check-config}: their problems go to {@code d}. */
    public int check(Diagnostics d) {
        List<Silence> out = new ArrayList<>();
        parse(d, out, new LinkedHashMap<>());
        return out.size();
    }

    private static String signature(Path f) {
        try {
            return Files.exists(f)
                    ? Files.getLastModifiedTime(f).toMillis() + ":" + Files.size(f)
                    : "-";
        } catch (IOException e) {
            return "?";
        }
    }

    private static void readMaintenances(
            YamlNode.Mapping root,
            Diagnostics d,
            List<Silence> out,
            Map<String, Map<String, Object>> entries) {
        for (YamlNode n : root.list("maintenances")) {
            if (!(n instanceof YamlNode.Mapping m)) {
                d.error(n, "a maintenance must be a mapping (id, target_type, target_id, ...)");
                continue;
            }
            String id = m.text("id", null);
            Optional<Target.Type> type = Target.Type.parse(m.text("target_type", ""));
            String targetId = m.text("target_id", null);
            if (id == null || targetId == null || !m.has("target_type")) {
                d.error(m, "a maintenance needs id, target_type and target_id");
                continue;
            }
            if (type.isEmpty()) {
                d.error(
                        m.at("target_type"),
                        "target_type must be site, room, rack or device (or this app's aisle or"
                                + " node), not '"
                                + m.text("target_type", "")
                                + "'");
                continue;
            }
            String effect = m.text("effect", "badge").trim().toLowerCase(Locale.ROOT);
            if (!effect.equals("badge") && !effect.equals("hide")) {
                d.error(m.at("effect"), "effect must be badge or hide, not '" + effect + "'");
                continue;
            }
            Instant[] times = new Instant[4];
            String[] keys = {"created_at", "starts_at", "expires_at", "ended_at"};
            boolean bad = false;
            for (int i = 0; i < keys.length; i++) {
                String t = m.text(keys[i], null);
                if (t != null) {
                    times[i] = instant(t);
                    if (times[i] == null) {
                        d.error(m.at(keys[i]), keys[i] + " is not a date and time: '" + t + "'");
                        bad = true;
                    }
                }
            }
            if (bad) {
                continue;
            }
            Target target = new Target(type.get(), targetId);
            out.add(
                    new Silence(
                            id,
                            Silence.Kind.MAINTENANCE,
                            List.of(target.matcher()),
                            target,
                            effect.equals("hide") ? Silence.Effect.HIDE : Silence.Effect.BADGE,
                            m.text("created_by", ""),
                            m.text("reason", ""),
                            times[0],
                            times[1],
                            times[2],
                            times[3],
                            null));
            entries.put(id, plain(m));
        }
    }

    private static void readAcknowledgements(
            YamlNode.Mapping root, Diagnostics d, List<Silence> out) {
        for (YamlNode n : root.list("acknowledgements")) {
            if (!(n instanceof YamlNode.Mapping m)) {
                d.error(n, "an acknowledgement must be a mapping");
                continue;
            }
            String id = m.text("id", null);
            List<Matcher> matchers = new ArrayList<>();
            for (YamlNode mn : m.list("matchers")) {
                if (mn instanceof YamlNode.Mapping mm && mm.has("name")) {
                    matchers.add(
                            new Matcher(
                                    mm.text("name", ""),
                                    mm.text("value", ""),
                                    Boolean.parseBoolean(mm.text("is_regex", "false")),
                                    Boolean.parseBoolean(mm.text("is_equal", "true"))));
                }
            }
            Instant at = instant(m.text("at", ""));
            if (id == null || matchers.isEmpty() || at == null) {
                d.error(m, "an acknowledgement needs id, matchers and at");
                continue;
            }
            out.add(
                    new Silence(
                            id,
                            Silence.Kind.ACK,
                            matchers,
                            Target.parse(m.text("target", "")).orElse(null),
                            Silence.Effect.BADGE,
                            m.text("by", ""),
                            m.text("note", ""),
                            at,
                            at,
                            instant(m.text("until", "")),
                            instant(m.text("ended_at", "")),
                            new Silence.Ack(
                                    m.text("subject", ""),
                                    Severity.parse(m.text("severity", "")).orElse(Severity.CRIT),
                                    Integer.parseInt(m.text("members", "1").trim()))));
        }
    }

    /** RFC 3339, YAML's own {@code 2026-12-01 02:13:00+00:00}, or a date and time read as UTC. */
    static Instant instant(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        String iso = t.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Map<String, Object> plain(YamlNode.Mapping m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    private static Object plain(YamlNode n) {
        if (n instanceof YamlNode.Scalar s) {
            return s.isNull() ? null : s.value();
        }
        if (n instanceof YamlNode.Sequence s) {
            return s.items().stream().map(FileStore::plain).toList();
        }
        return plain((YamlNode.Mapping) n);
    }

    @Override
    public synchronized Silence create(Silence s) throws StoreException {
        return locked(
                () -> {
                    List<Silence> all = new ArrayList<>(read());
                    Silence made = s.withId(UUID.randomUUID().toString());
                    all.add(made);
                    write(all);
                    return made;
                });
    }

    @Override
    public synchronized void end(String id, Instant at) throws StoreException {
        locked(
                () -> {
                    replace(find(id).endedAt(at));
                    return null;
                });
    }

    @Override
    public synchronized Silence update(Silence s) throws StoreException {
        return locked(
                () -> {
                    find(s.id());
                    replace(s);
                    return s;
                });
    }

    @Override
    public synchronized void delete(String id) throws StoreException {
        locked(
                () -> {
                    find(id);
                    List<Silence> all = new ArrayList<>(read());
                    all.removeIf(x -> x.id().equals(id));
                    write(all);
                    return null;
                });
    }

    /**
     * Runs a read-modify-write under the lock every app and command of this directory takes ({@code
     * .maintenances.lock} beside the files), reading the files afresh inside it: twenty {@code
     * maintenance add} at once keep twenty maintenances.
     */
    private <T> T locked(FileLocks.Locked<T, StoreException> work) throws StoreException {
        try {
            return FileLocks.with(
                    maintenances.resolveSibling(".maintenances.lock"),
                    () -> {
                        signature = null;
                        return work.run();
                    });
        } catch (IOException e) {
            Path dir = maintenances.toAbsolutePath().getParent();
            throw new StoreException(
                    StoreException.Kind.UNREACHABLE,
                    cannotWrite()
                            ? readOnly(dir)
                            : "cannot write in " + dir + ": " + e.getMessage());
        }
    }

    private Silence find(String id) throws StoreException {
        return read().stream()
                .filter(x -> x.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () ->
                                new StoreException(
                                        StoreException.Kind.REJECTED,
                                        "no maintenance or acknowledgement '" + id + "'"));
    }

    private void replace(Silence s) throws StoreException {
        List<Silence> all = new ArrayList<>(read());
        all.replaceAll(x -> x.id().equals(s.id()) ? s : x);
        write(all);
    }

    private void write(List<Silence> all) throws StoreException {
        List<Map<String, Object>> ms = new ArrayList<>();
        List<Map<String, Object>> acks = new ArrayList<>();
        for (Silence s : all) {
            if (s.kind() == Silence.Kind.MAINTENANCE) {
                ms.add(maintenance(s));
            } else {
                acks.add(acknowledgement(s));
            }
        }
        try {
            atomically(maintenances, Map.of("maintenances", ms));
            if (!acks.isEmpty() || Files.exists(acknowledgements)) {
                atomically(acknowledgements, Map.of("acknowledgements", acks));
            }
        } catch (IOException e) {
            throw new StoreException(
                    StoreException.Kind.REJECTED,
                    "could not write " + maintenances.getParent() + ": " + e.getMessage());
        }
        signature = "";
        read();
    }

    private Map<String, Object> maintenance(Silence s) {
        Map<String, Object> m = new LinkedHashMap<>(raw.getOrDefault(s.id(), Map.of()));
        m.put("id", s.id());
        m.put("target_type", s.target().type().key());
        m.put("target_id", s.target().id());
        m.put("reason", s.text());
        m.put("effect", s.effect() == Silence.Effect.HIDE ? "hide" : "badge");
        m.put("created_at", text(s.createdAt()));
        m.put("starts_at", text(s.startsAt()));
        m.put("expires_at", text(s.endsAt()));
        m.put("ended_at", text(s.endedAt()));
        if (s.by() != null && !s.by().isEmpty()) {
            m.put("created_by", s.by());
        }
        return m;
    }

    private static Map<String, Object> acknowledgement(Silence s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("subject", s.ack() == null ? "" : s.ack().subject());
        m.put("target", s.target() == null ? null : s.target().text());
        List<Map<String, Object>> matchers = new ArrayList<>();
        for (Matcher x : s.matchers()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", x.name());
            mm.put("value", x.value());
            mm.put("is_regex", x.isRegex());
            mm.put("is_equal", x.isEqual());
            matchers.add(mm);
        }
        m.put("matchers", matchers);
        m.put("by", s.by());
        m.put("note", s.text());
        m.put("at", text(s.createdAt()));
        m.put("until", text(s.endsAt()));
        m.put("ended_at", text(s.endedAt()));
        m.put("severity", s.ack() == null ? null : s.ack().severity().name());
        m.put("members", s.ack() == null ? 1 : s.ack().members());
        return m;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static void atomically(Path file, Object doc) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        YAML.writeValue(tmp.toFile(), doc);
        try {
            Files.move(
                    tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
