package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.edit.ItemEdits;
import io.rackscope.desktop.edit.ItemText;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.EstateEditor;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the check and the metric editors share: one item of a library in the editor as its YAML
 * (read from the files as the unsaved edits left them), the form kept in step by the subclass, and
 * the edits — Apply, Revert, Change id, Delete, New — each one step of the window's session; the
 * place remembers the item ({@code library:TAB:ID}) so the window opened again on an edit shows it.
 */
abstract class LibraryItemViewModel {
    private final EstateEditing editing;
    private final EstateEditor editor;
    private final Navigator navigation;
    private final java.util.function.Function<EstateEdits, ItemEdits> items;
    private final String word;
    private final String tab;
    final Executor fx;
    private final StringProperty yaml = new SimpleStringProperty(this, "yaml", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private String written = "";

    LibraryItemViewModel(
            EstateEditing editing,
            ViewOptions options,
            Navigator navigation,
            java.util.function.Function<EstateEdits, ItemEdits> items,
            String word,
            String tab,
            Executor fx) {
        this.editing = editing;
        this.editor = new EstateEditor(editing, options);
        this.navigation = navigation;
        this.items = items;
        this.word = word;
        this.tab = tab;
        this.fx = fx;
        yaml.addListener((o, a, text) -> textChanged(text));
    }

    /** The form follows {@code text}, which reads as an item; refused (its line said) when not. */
    abstract void read(String text);

    /** A new item's text. */
    abstract String fresh(String id);

    /** Whether {@code config} has item {@code id} (a refused edit leaves it without). */
    abstract boolean exists(RackscopeConfig config, String id);

    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    /** The item's YAML as it stands in the editor (editable). */
    public StringProperty yamlProperty() {
        return yaml;
    }

    /** Why the text is not an item, or why the last edit was refused; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The id of the item in the editor (null before one is chosen). */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The editor holds something the files do not. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** The item a place of the library names ({@code library:TAB:ID}) when it is this tab's. */
    String itemOf(Place place) {
        String prefix = tab + ":";
        return place.id().startsWith(prefix) ? place.id().substring(prefix.length()) : null;
    }

    void problem(String text) {
        problem.set(text);
    }

    /** Item {@code id} into the editor, as the files (with the unsaved edits) hold it. */
    public void select(String id) {
        // the place remembers it: the window opened again on an edit shows the same item
        show(id);
        if (id == null) {
            written = "";
            yaml.set("");
            return;
        }
        editing.read(e -> items.apply(e).text(id))
                .whenComplete(
                        (text, err) ->
                                fx.execute(
                                        () -> {
                                            if (!id.equals(selected.get())) {
                                                return;
                                            }
                                            if (err != null) {
                                                problem.set(
                                                        "The text cannot be read here: "
                                                                + cause(err).getMessage());
                                                return;
                                            }
                                            written = text;
                                            yaml.set(text);
                                        }));
    }

    private void textChanged(String text) {
        changed.set(!text.equals(written));
        if (text.isBlank()) {
            problem.set("");
            return;
        }
        try {
            read(text);
            problem.set("");
        } catch (EditRefused e) {
            problem.set("Not a " + word + " yet: " + e.getMessage());
        }
    }

    /** The editor's text written to its item (one edit, shown in the edit bar). */
    public void apply() {
        String id = selected.get();
        String text = yaml.get();
        if (id == null || !problem.get().isEmpty()) {
            return;
        }
        String to = ItemText.id(text);
        written = text;
        changed.set(false);
        follow(id, to, editor.edit("Edit " + word + " " + id, e -> items.apply(e).set(id, text)));
    }

    /** The editor's text back to what the files hold. */
    public void revert() {
        yaml.set(written);
    }

    public void rename(String to) {
        String id = selected.get();
        follow(
                id,
                to,
                editor.edit(
                        "Change " + word + " id " + id + " to " + to,
                        e -> items.apply(e).rename(id, to)));
    }

    public void delete() {
        String id = selected.get();
        editor.edit("Delete " + word + " " + id, e -> items.apply(e).delete(id));
    }

    /** A new item {@code id} after the one in the editor (else in custom.yaml). */
    public void add(String id) {
        String near = selected.get();
        String text = fresh(id);
        follow(
                near,
                id,
                editor.edit("New " + word + " " + id, e -> items.apply(e).add(text, near)));
    }

    /**
     * The item the editor shows from now on, and in the window opened on the edit ({@code to}),
     * back to {@code from} when the edit refused.
     */
    private void follow(String from, String to, CompletableFuture<EstateEditing.State> edit) {
        show(to);
        edit.whenComplete(
                (s, err) -> {
                    boolean made = err == null && s.estate() != null && exists(s.estate(), to);
                    if (!made && from != null) {
                        fx.execute(() -> show(from));
                    }
                });
    }

    private void show(String id) {
        selected.set(id);
        navigation.replace(Place.of(Place.Kind.LIBRARY, id == null ? tab : tab + ":" + id));
    }

    static Throwable cause(Throwable t) {
        return t.getCause() != null ? t.getCause() : t;
    }
}
