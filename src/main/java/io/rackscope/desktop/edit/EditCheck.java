package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.ConfigPaths;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.RackscopeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code check-config} would say of the edited configuration before anything is written: the
 * session's files laid over a copy of the directory and loaded by the same loader. A save is
 * refused on any error that was not there before; warnings are told.
 */
public final class EditCheck implements AutoCloseable {
    private final List<Diagnostic> errors;
    private final List<Diagnostic> warnings;
    private final RackscopeConfig after;
    private final Path copy;

    private EditCheck(
            List<Diagnostic> errors, List<Diagnostic> warnings, RackscopeConfig after, Path copy) {
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
        this.after = after;
        this.copy = copy;
    }

    /**
     * The errors and warnings the edits of {@code session} add to {@code before}'s; close it to
     * remove the copy it loaded.
     */
    public static EditCheck of(EditSession session, RackscopeConfig before) {
        Path root = session.root();
        Path copy;
        try {
            copy = Files.createTempDirectory("rackscope-edit-check");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean kept = false;
        try {
            copyTree(root, copy);
            session.pending()
                    .forEach(
                            (f, text) -> {
                                Path target = copy.resolve(root.relativize(f).toString());
                                try {
                                    if (text.isPresent()) {
                                        Files.createDirectories(target.getParent());
                                        Files.writeString(target, text.get());
                                    } else {
                                        Files.deleteIfExists(target);
                                    }
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
            RackscopeConfig after = new ConfigLoader().load(copy);
            List<String> had = before.diagnostics().all().stream().map(d -> key(d, root)).toList();
            List<String> left = new ArrayList<>(had);
            List<Diagnostic> errors = new ArrayList<>();
            List<Diagnostic> warnings = new ArrayList<>();
            for (Diagnostic d : after.diagnostics().all()) {
                Diagnostic shown = relocated(d, copy, root);
                if (!left.remove(key(shown, root))) {
                    (d.level() == Diagnostic.Level.ERROR ? errors : warnings).add(shown);
                }
            }
            kept = true;
            return new EditCheck(errors, warnings, after, copy);
        } finally {
            if (!kept) {
                deleteTree(copy);
            }
        }
    }

    /** What writing a session did, or would do: the loader's new problems, the diff, the files. */
    public record Outcome(
            List<Diagnostic> errors, List<Diagnostic> warnings, String diff, List<Path> written) {}

    /**
     * The session's files checked by the loader, then written when {@code write} and there is no
     * new error (refused as {@link EditSession#save} refuses).
     */
    public static Outcome conclude(EditSession session, RackscopeConfig before, boolean write) {
        List<Diagnostic> errors;
        List<Diagnostic> warnings;
        try (EditCheck check = of(session, before)) {
            errors = check.errors();
            warnings = check.warnings();
        }
        String diff = session.diff();
        List<Path> written = write && errors.isEmpty() ? session.save() : List.of();
        return new Outcome(errors, warnings, diff, written);
    }

    /** New errors: a save is refused while there is one. */
    public List<Diagnostic> errors() {
        return errors;
    }

    public List<Diagnostic> warnings() {
        return warnings;
    }

    /**
     * The estate as the loader sees it after the edits. Its files are in a copy of the directory,
     * kept until {@link #close()}: {@link EstateEdits} maps them back to the session's.
     */
    public RackscopeConfig after() {
        return after;
    }

    /**
     * The estate after the edits as the window shows it: read from {@code paths} (the directory
     * edited, not the copy), its problems named in the files where they will be.
     */
    public RackscopeConfig shown(ConfigPaths paths) {
        Path root = paths.root().toAbsolutePath().normalize();
        return new RackscopeConfig(
                paths,
                after.app(),
                after.siteTelemetry(),
                after.topology(),
                after.templates(),
                after.checks(),
                after.metrics(),
                after.slurm(),
                relocated(after.diagnostics(), root));
    }

    private Diagnostics relocated(Diagnostics found, Path root) {
        Diagnostics shown = new Diagnostics();
        for (Diagnostic d : found.all()) {
            Diagnostic r = relocated(d, copy, root);
            if (r.level() == Diagnostic.Level.ERROR) {
                shown.error(r.file(), r.line(), r.message());
            } else {
                shown.warning(r.file(), r.line(), r.message());
            }
        }
        return shown;
    }

    /** Removes the copy. */
    @Override
    public void close() {
        deleteTree(copy);
    }

    private static Diagnostic relocated(Diagnostic d, Path copy, Path root) {
        Path file = d.file();
        if (file != null && file.toAbsolutePath().startsWith(copy)) {
            file = root.resolve(copy.relativize(file.toAbsolutePath()).toString());
        }
        return new Diagnostic(
                d.level(), file, d.line(), d.message().replace(copy.toString(), root.toString()));
    }

    private static String key(Diagnostic d, Path root) {
        String file =
                Optional.ofNullable(d.file())
                        .map(f -> f.toAbsolutePath().normalize())
                        .map(f -> f.startsWith(root) ? root.relativize(f).toString() : f.toString())
                        .orElse("");
        // lines move when lines are added above: a problem is the same problem on another line
        return d.level() + " " + file + " " + d.message();
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary copy left behind is harmless
        }
    }
}
