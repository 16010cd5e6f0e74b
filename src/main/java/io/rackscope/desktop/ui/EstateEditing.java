package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EstateEdits;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The estate's files edited from the views, through the same editing core as the {@code edit}
 * command: each edit one step (undo, redo), nothing written until the admin has reviewed the diff
 * and saved, a save refused while the loader finds an error or another hand changed a file.
 * Everything runs off the FX thread; listeners hear every change.
 */
@Port
public interface EstateEditing {
    /** Where the edits stand: what the session holds, and what the loader says of it. */
    record State(
            int files,
            boolean canUndo,
            boolean canRedo,
            String diff,
            List<String> errors,
            List<String> warnings,
            String message,
            RackscopeConfig estate) {}

    /** Why the estate cannot be edited here (a read-only directory, say); empty when it can. */
    Optional<String> unavailable();

    /** The estate as the edits so far left it (the loaded one before any). */
    RackscopeConfig estate();

    /** {@code change} as one step; refused changes leave the session as it was. */
    CompletableFuture<State> edit(String what, Consumer<EstateEdits> change);

    /** What {@code query} reads of the files as the edits so far left them; nothing changes. */
    <T> CompletableFuture<T> read(java.util.function.Function<EstateEdits, T> query);

    CompletableFuture<State> undo();

    CompletableFuture<State> redo();

    /** Drops every unsaved change. */
    CompletableFuture<State> discard();

    /**
     * Writes the changes (each file atomically); refused, writing nothing, when the loader finds an
     * error in them or a file changed on disk since it was read. The window then reloads.
     */
    CompletableFuture<State> save();

    /** The latest state (no change and no message before the first edit). */
    State current();

    /**
     * {@code listener} hears every new state, on the thread that made it, until the returned
     * subscription is run.
     */
    Runnable listen(Consumer<State> listener);

    EstateEditing NONE =
            new EstateEditing() {
                @Override
                public Optional<String> unavailable() {
                    return Optional.of("editing is not available here");
                }

                @Override
                public RackscopeConfig estate() {
                    throw new IllegalStateException("no estate to edit");
                }

                private CompletableFuture<State> no() {
                    return CompletableFuture.failedFuture(
                            new IllegalStateException("editing is not available here"));
                }

                @Override
                public CompletableFuture<State> edit(String what, Consumer<EstateEdits> change) {
                    return no();
                }

                @Override
                public <T> CompletableFuture<T> read(
                        java.util.function.Function<EstateEdits, T> query) {
                    return CompletableFuture.failedFuture(
                            new IllegalStateException("editing is not available here"));
                }

                @Override
                public CompletableFuture<State> undo() {
                    return no();
                }

                @Override
                public CompletableFuture<State> redo() {
                    return no();
                }

                @Override
                public CompletableFuture<State> discard() {
                    return no();
                }

                @Override
                public CompletableFuture<State> save() {
                    return no();
                }

                @Override
                public State current() {
                    return new State(0, false, false, "", List.of(), List.of(), "", null);
                }

                @Override
                public Runnable listen(Consumer<State> listener) {
                    return () -> {};
                }
            };
}
