package io.rackscope.desktop.ui.edit;

import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Edit mode for the whole window: whether it is on (and why it cannot be), how many files the
 * unsaved changes touch, undo and redo, the review (the diff and what the loader says) and save.
 * The feature views make the edits themselves through their view models; this one hears them all.
 */
public final class EditViewModel {
    private final EstateEditing editing;
    private final ViewOptions options;
    private final ReadOnlyIntegerWrapper files = new ReadOnlyIntegerWrapper(this, "files");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<EstateEditing.State> state =
            new ReadOnlyObjectWrapper<>(this, "state");

    private final Runnable subscription;

    public EditViewModel(EstateEditing editing, ViewOptions options, Executor fx) {
        this.editing = editing;
        this.options = options;
        show(editing.current());
        this.subscription = editing.listen(s -> fx.execute(() -> show(s)));
        if (!available()) {
            options.editingProperty().set(false);
        }
    }

    /** Stops hearing the edits (the window was opened again on another estate). */
    public void close() {
        subscription.run();
    }

    private void show(EstateEditing.State s) {
        state.set(s);
        files.set(s.files());
        canUndo.set(s.canUndo());
        canRedo.set(s.canRedo());
        message.set(s.message());
    }

    public boolean available() {
        return editing.unavailable().isEmpty();
    }

    /** Why Edit mode is off limits, for the button's tooltip ("" when it is not). */
    public String unavailableReason() {
        return editing.unavailable().orElse("");
    }

    public BooleanProperty editingProperty() {
        return options.editingProperty();
    }

    /** Edit mode on or off (off limits: stays off). */
    public void toggle() {
        options.editingProperty().set(available() && !options.editingProperty().get());
    }

    /** How many files the unsaved changes touch. */
    public ReadOnlyIntegerProperty filesProperty() {
        return files.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** What the last edit, undo, save or refusal said. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The latest state: its diff and the loader's errors and warnings, for the review. */
    public ReadOnlyObjectProperty<EstateEditing.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "2 files changed, shown, not saved". */
    public String summary() {
        int n = files.get();
        return n == 0
                ? "Edit mode: no unsaved change"
                : "Edit mode: " + n + (n == 1 ? " file" : " files") + " changed, shown, not saved";
    }

    /** The review's text: the loader's errors and warnings, then the unified diff. */
    public String review() {
        EstateEditing.State s = state.get();
        if (s == null || s.files() == 0) {
            return "No change to save.";
        }
        StringBuilder b = new StringBuilder();
        lines(b, "Errors (the save is refused until they are mended):", s.errors());
        lines(b, "Warnings:", s.warnings());
        return b.append(s.diff()).toString();
    }

    private static void lines(StringBuilder b, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            b.append(title).append('\n');
            lines.forEach(l -> b.append("  ").append(l).append('\n'));
            b.append('\n');
        }
    }

    /** Whether the reviewed changes can be saved: some, and no loader error in them. */
    public boolean canSave() {
        EstateEditing.State s = state.get();
        return s != null && s.files() > 0 && s.errors().isEmpty();
    }

    public void undo() {
        editing.undo();
    }

    public void redo() {
        editing.redo();
    }

    public void discard() {
        editing.discard();
    }

    public void save() {
        editing.save();
    }
}
