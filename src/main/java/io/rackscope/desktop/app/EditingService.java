package io.rackscope.desktop.app;

import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditCheck;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.ui.EstateEditing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The window's editing: one {@link EditSession} on the configuration directory, its edits made and
 * checked by the loader on a thread of its own, the next edit made on the estate as the last one
 * left it. After each change the window is shown on the estate as edited ({@code edited}, not yet
 * saved); after a save, {@code saved} reloads it from the files.
 */
final class EditingService implements EstateEditing, AutoCloseable {
    /** What the window is told: the estate to show, or that the files were saved. */
    interface Window {
        /** The estate as the unsaved edits leave it (the loaded one once they are all undone). */
        void edited(RackscopeConfig estate);

        void saved();

        Window NONE =
                new Window() {
                    @Override
                    public void edited(RackscopeConfig estate) {}

                    @Override
                    public void saved() {}
                };
    }

    private final RackscopeConfig loaded;
    private final Window window;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "editing");
                        t.setDaemon(true);
                        return t;
                    });
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final Optional<String> unavailable;
    private EditSession session;
    private volatile EditCheck check;
    private volatile State current;

    EditingService(RackscopeConfig loaded, boolean kiosk, Window window) {
        this.loaded = loaded;
        this.window = window;
        Path root = loaded.paths().root().toAbsolutePath().normalize();
        this.session = new EditSession(root);
        this.unavailable = why(loaded, kiosk);
        this.current = state("");
    }

    private static Optional<String> why(RackscopeConfig cfg, boolean kiosk) {
        if (kiosk) {
            return Optional.of("a wall display does not edit the estate");
        }
        Path topology = cfg.paths().topology();
        // an empty directory is an estate to build: the first site makes topology/sites.yaml
        if (Files.isDirectory(topology) && !Files.isWritable(topology)
                || !Files.isWritable(cfg.paths().root())) {
            return Optional.of(
                    "the configuration directory cannot be written by this user ("
                            + cfg.paths().root()
                            + ")");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> unavailable() {
        return unavailable;
    }

    @Override
    public RackscopeConfig estate() {
        EditCheck c = check;
        return c == null ? loaded : c.after();
    }

    @Override
    public CompletableFuture<State> edit(String what, Consumer<EstateEdits> change) {
        return run(
                () -> {
                    int steps = session.steps();
                    try {
                        change.accept(new EstateEdits(session, estate()));
                        session.squash(steps);
                    } catch (EditRefused e) {
                        session.rollBack(steps);
                        return state(what + " refused: " + e.describe(session.root()));
                    }
                    return shown(recheck(what));
                });
    }

    @Override
    public <T> CompletableFuture<T> read(java.util.function.Function<EstateEdits, T> query) {
        return CompletableFuture.supplyAsync(
                () -> query.apply(new EstateEdits(session, estate())), worker);
    }

    @Override
    public CompletableFuture<State> undo() {
        return run(
                () -> {
                    session.undo();
                    return shown(recheck("undone"));
                });
    }

    @Override
    public CompletableFuture<State> redo() {
        return run(
                () -> {
                    session.redo();
                    return shown(recheck("redone"));
                });
    }

    @Override
    public CompletableFuture<State> discard() {
        return run(
                () -> {
                    session = new EditSession(session.root());
                    return shown(recheck("every unsaved change dropped"));
                });
    }

    @Override
    public CompletableFuture<State> save() {
        return run(
                () -> {
                    State now = state("");
                    if (!now.errors().isEmpty()) {
                        return state("not saved: the loader finds errors in the changes");
                    }
                    try {
                        List<Path> written = session.save();
                        State after = recheck("saved " + written.size() + " file(s); reloading");
                        window.saved();
                        return after;
                    } catch (EditRefused e) {
                        return state("not saved: " + e.describe(session.root()));
                    }
                });
    }

    @Override
    public State current() {
        return current;
    }

    @Override
    public Runnable listen(Consumer<State> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The estate changed: the window is to show it once the state is known. */
    private boolean show;

    private CompletableFuture<State> run(java.util.function.Supplier<State> work) {
        return CompletableFuture.supplyAsync(
                () -> {
                    show = false;
                    State s = work.get();
                    // the state first (a window opened on the estate shows it), then the window,
                    // then the listeners: the bar says a change once the window shows it
                    current = s;
                    if (show) {
                        EditCheck c = check;
                        window.edited(c == null ? loaded : c.shown(loaded.paths()));
                    }
                    listeners.forEach(l -> l.accept(s));
                    return s;
                },
                worker);
    }

    /** {@code s}, the window to show the estate it leaves. */
    private State shown(State s) {
        show = true;
        return s;
    }

    /** Checks the session's files with the loader again (only when something is unsaved). */
    private State recheck(String message) {
        EditCheck old = check;
        check = session.touched().isEmpty() ? null : EditCheck.of(session, loaded);
        if (old != null) {
            old.close();
        }
        return state(message);
    }

    private State state(String message) {
        EditCheck c = check;
        return new State(
                session.touched().size(),
                session.canUndo(),
                session.canRedo(),
                session.diff(),
                c == null ? List.of() : c.errors().stream().map(Diagnostic::toString).toList(),
                c == null ? List.of() : c.warnings().stream().map(Diagnostic::toString).toList(),
                message,
                estate());
    }

    @Override
    public void close() {
        worker.shutdownNow();
        EditCheck c = check;
        if (c != null) {
            c.close();
        }
    }
}
