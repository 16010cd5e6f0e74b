package io.rackscope.desktop.edit;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files of one configuration directory while they are edited: what each held when first read
 * (and its hash, to see a colleague's change), what the edits made of it, undo and redo over whole
 * steps, a unified diff of every file touched, and a save that writes each file atomically only
 * when none changed on disk since it was read.
 */
public final class EditSession {
    private final Path root;
    private final Map<Path, Optional<String>> read = new HashMap<>();
    private Map<Path, Optional<String>> changed = new LinkedHashMap<>();
    private final Deque<Map<Path, Optional<String>>> undo = new ArrayDeque<>();
    private final Deque<Map<Path, Optional<String>>> redo = new ArrayDeque<>();

    public EditSession(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** What {@code file} holds now in this session (empty: it does not exist). */
    public Optional<String> text(Path file) {
        Path f = abs(file);
        if (changed.containsKey(f)) {
            return changed.get(f);
        }
        return original(f);
    }

    public boolean exists(Path file) {
        return text(file).isPresent();
    }

    /** {@code file}'s text, parsed; refused when it does not exist or is not YAML. */
    public YamlText yaml(Path file) {
        String t = text(file).orElseThrow(() -> new EditRefused(abs(file), 0, "no such file"));
        try {
            return YamlText.parse(t);
        } catch (RuntimeException e) {
            throw new EditRefused(abs(file), 0, "not valid YAML: " + e.getMessage());
        }
    }

    private Optional<String> original(Path f) {
        return read.computeIfAbsent(
                f,
                k -> {
                    try {
                        return Optional.of(Files.readString(k, StandardCharsets.UTF_8));
                    } catch (NoSuchFileException e) {
                        return Optional.empty();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Starts a step: what follows until the next step is undone together. */
    public void step() {
        undo.push(new LinkedHashMap<>(changed));
        redo.clear();
    }

    /**
     * The steps started since there were {@code steps} made one: an edit that changes several
     * things (settings and the Slurm mapping) is undone in one go.
     */
    public void squash(int steps) {
        while (undo.size() > steps + 1) {
            undo.pop();
        }
    }

    public void write(Path file, String text) {
        Path f = abs(file);
        original(f);
        changed.put(f, Optional.of(text));
    }

    public void write(Path file, YamlText text) {
        write(file, text.text());
    }

    public void delete(Path file) {
        Path f = abs(file);
        original(f);
        changed.put(f, Optional.empty());
    }

    /** How many steps can be undone (an edit refused half-way is undone back to it). */
    public int steps() {
        return undo.size();
    }

    /** Undoes back to {@code steps} steps and forgets what was undone (a refused edit). */
    public void rollBack(int steps) {
        while (undo.size() > steps) {
            changed = undo.pop();
        }
        redo.clear();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (canUndo()) {
            redo.push(changed);
            changed = undo.pop();
        }
    }

    public void redo() {
        if (canRedo()) {
            undo.push(changed);
            changed = redo.pop();
        }
    }

    /** The files whose text differs from what was read, sorted. */
    public List<Path> touched() {
        List<Path> out = new ArrayList<>();
        changed.forEach(
                (f, now) -> {
                    if (!now.equals(read.get(f))) {
                        out.add(f);
                    }
                });
        out.sort(null);
        return out;
    }

    /** What would be written: path (relative to the root) to its new text, or empty to delete. */
    public Map<Path, Optional<String>> pending() {
        Map<Path, Optional<String>> out = new TreeMap<>();
        touched().forEach(f -> out.put(f, changed.get(f)));
        return out;
    }

    /** A unified diff of every file touched (3 lines of context), as {@code git diff} shows one. */
    public String diff() {
        StringBuilder b = new StringBuilder();
        Map<Path, Path> renamed = renames();
        for (Path f : touched()) {
            String rel = rel(f);
            if (renamed.containsKey(f)) {
                // a file moved (a rack to another aisle, or given a new id), as git shows a rename
                Path made = renamed.get(f);
                String to = rel(made);
                List<String> before = lines(read.get(f));
                List<String> after = lines(changed.get(made));
                b.append("diff --git a/").append(rel).append(" b/").append(to).append('\n');
                b.append("similarity index ")
                        .append(Math.round(100 * similarity(before, after)))
                        .append("%\n");
                b.append("rename from ").append(rel).append('\n');
                b.append("rename to ").append(to).append('\n');
                if (!before.equals(after)) {
                    UnifiedDiffUtils.generateUnifiedDiff(
                                    "a/" + rel, "b/" + to, before, DiffUtils.diff(before, after), 3)
                            .forEach(l -> b.append(l).append('\n'));
                }
                continue;
            }
            if (renamed.containsValue(f)) {
                continue;
            }
            List<String> before = lines(read.get(f));
            List<String> after = lines(changed.get(f));
            String from = read.get(f).isPresent() ? "a/" + rel : "/dev/null";
            String to = changed.get(f).isPresent() ? "b/" + rel : "/dev/null";
            List<String> patch =
                    UnifiedDiffUtils.generateUnifiedDiff(
                            from, to, before, DiffUtils.diff(before, after), 3);
            for (String l : patch) {
                // a file made or removed starts at line 0, as git writes it
                if (l.startsWith("@@ ")) {
                    l =
                            l.replace("@@ -1,0 ", read.get(f).isPresent() ? "@@ -1,0 " : "@@ -0,0 ")
                                    .replace(
                                            " +1,0 @@",
                                            changed.get(f).isPresent() ? " +1,0 @@" : " +0,0 @@");
                }
                b.append(l).append('\n');
            }
        }
        return b.toString();
    }

    private String rel(Path f) {
        return root.relativize(f).toString().replace('\\', '/');
    }

    /** Files deleted whose very text is written to a new file: from -> to. */
    private Map<Path, Path> renames() {
        Map<Path, Path> out = new HashMap<>();
        List<Path> touched = touched();
        for (Path gone : touched) {
            if (changed.get(gone).isPresent() || read.get(gone).isEmpty()) {
                continue;
            }
            // the same text first, then the most alike, as git pairs them (half alike at least)
            Path best = null;
            double most = 0.5;
            for (Path made : touched) {
                if (read.get(made).isPresent()
                        || changed.get(made).isEmpty()
                        || out.containsValue(made)) {
                    continue;
                }
                double alike =
                        changed.get(made).equals(read.get(gone))
                                ? 2
                                : similarity(lines(read.get(gone)), lines(changed.get(made)));
                if (alike >= most) {
                    most = alike;
                    best = made;
                }
            }
            if (best != null) {
                out.put(gone, best);
            }
        }
        return out;
    }

    /** The share of lines two texts have in common, in order (1: the same). */
    private static double similarity(List<String> a, List<String> b) {
        if (a.equals(b)) {
            return 1;
        }
        int changedLines = 0;
        for (var d : DiffUtils.diff(a, b).getDeltas()) {
            changedLines += Math.max(d.getSource().size(), d.getTarget().size());
        }
        int size = Math.max(a.size(), b.size());
        return size == 0 ? 1 : Math.max(0, 1 - (double) changedLines / size);
    }

    private static List<String> lines(Optional<String> text) {
        return text.map(
                        t ->
                                t.isEmpty()
                                        ? List.<String>of()
                                        : java.util.Arrays.stream(
                                                        t.split("\r?\n", t.endsWith("\n") ? 0 : -1))
                                                .map(EditSession::masked)
                                                .toList())
                .orElse(List.of());
    }

    private static final java.util.regex.Pattern SECRET =
            java.util.regex.Pattern.compile(
                    "(\\s*(?:-\\s+)?([A-Za-z0-9_]*(?:password|token|secret)[A-Za-z0-9_]*)\\s*:\\s+)(\\S.*)");

    /**
     * A line of a file as a diff shows it: the value of a password, token or secret key hidden (a
     * {@code ${VAR}} reference and a {@code _file} path are not secrets).
     */
    private static String masked(String line) {
        java.util.regex.Matcher m = SECRET.matcher(line);
        if (!m.matches() || m.group(2).endsWith("_file") || m.group(3).startsWith("${")) {
            return line;
        }
        return m.group(1) + "******";
    }

    /**
     * Writes every file touched, each atomically (a temporary file beside it, then a rename), after
     * checking that none changed on disk since this session read it; refused, writing nothing, when
     * one did. Emptied folders are removed. The session then starts again from what it wrote.
     */
    public List<Path> save() {
        Map<Path, Optional<String>> pending = pending();
        for (Path f : pending.keySet()) {
            Optional<String> now;
            try {
                now = Files.exists(f) ? Optional.of(Files.readString(f)) : Optional.empty();
            } catch (IOException e) {
                throw new EditRefused(
                        f, 0, "cannot be read again before saving: " + e.getMessage());
            }
            if (!hash(now).equals(hash(read.get(f)))) {
                throw new EditRefused(
                        f,
                        0,
                        "changed on disk since it was read (another desk or an editor saved it);"
                                + " reload it and make the edit again");
            }
        }
        Set<Path> emptied = new HashSet<>();
        pending.forEach(
                (f, text) -> {
                    try {
                        if (text.isPresent()) {
                            writeAtomically(f, text.get());
                        } else {
                            Files.deleteIfExists(f);
                            emptied.add(f.getParent());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not write " + f, e);
                    }
                });
        emptied.forEach(this::removeEmpty);
        read.putAll(pending);
        changed = new LinkedHashMap<>();
        undo.clear();
        redo.clear();
        return List.copyOf(pending.keySet());
    }

    private void removeEmpty(Path dir) {
        Path d = dir;
        while (d != null && d.startsWith(root) && !d.equals(root)) {
            try (var entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            } catch (IOException e) {
                return;
            }
            try {
                Files.delete(d);
            } catch (IOException e) {
                return;
            }
            d = d.getParent();
        }
    }

    /**
     * {@code text} written to {@code f} through a temporary file beside it, synced, then renamed.
     */
    public static void writeAtomically(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try (FileChannel ch =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        try {
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String hash(Optional<String> text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.get().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path abs(Path file) {
        return root.resolve(file).toAbsolutePath().normalize();
    }
}
