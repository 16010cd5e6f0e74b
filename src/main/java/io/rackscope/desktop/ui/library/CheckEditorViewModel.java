package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.CheckFields;
import io.rackscope.desktop.edit.CheckText;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.ItemText;
import io.rackscope.desktop.edit.LibraryEdits;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.EstateEditor;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The checks of the library, each with the templates that list it, and one check edited: its YAML
 * as written and a form of its keys, kept in step (a form change patches the text key by key, a
 * typed text fills the form once it reads as a check); applied as one edit, tried on the estate.
 */
public final class CheckEditorViewModel {
    /** One check of the library. */
    public record Row(String id, String name, String scope, String kind, List<String> usedBy) {
        public String uses() {
            return usedBy.isEmpty() ? "not listed" : Integer.toString(usedBy.size());
        }
    }

    /** The library's tab of checks, in its place's id ({@code library:checks:ID}). */
    public static final String TAB = "checks";

    private final EstateEditing editing;
    private final EstateEditor editor;
    private final RackscopeConfig shown;
    private final Executor fx;
    private final StringProperty yaml = new SimpleStringProperty(this, "yaml", "");
    private final ReadOnlyObjectWrapper<CheckFields> fields =
            new ReadOnlyObjectWrapper<>(this, "fields");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private String written = "";

    private final Navigator navigation;

    public CheckEditorViewModel(
            EstateEditing editing,
            ViewOptions options,
            Navigator navigation,
            RackscopeConfig shown,
            Executor fx) {
        this.editing = editing;
        this.navigation = navigation;
        this.editor = new EstateEditor(editing, options);
        this.shown = shown;
        this.fx = fx;
        yaml.addListener((o, a, text) -> read(text));
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    /** The checks, by id. */
    public List<Row> rows() {
        return shown.checks().values().stream()
                .map(
                        c ->
                                new Row(
                                        c.id(),
                                        c.name(),
                                        c.scope().name().toLowerCase(Locale.ROOT),
                                        c.kind() == null ? "" : c.kind(),
                                        LibraryEdits.usedBy(
                                                shown, LibraryEdits.Library.CHECK, c.id())))
                .sorted(Comparator.comparing(Row::id))
                .toList();
    }

    /** The check's YAML as it stands in the editor (editable). */
    public StringProperty yamlProperty() {
        return yaml;
    }

    /** The form's keys as the text reads; unchanged while the text is not a check. */
    public ReadOnlyObjectProperty<CheckFields> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    /** Why the text is not a check, or why the last edit was refused; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The id of the check in the editor (null before one is chosen). */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The editor holds something the files do not. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Check {@code id} into the editor, as the files (with the unsaved edits) hold it. */
    public void select(String id) {
        // the place remembers it: the window opened again on an edit shows the same check
        show(id);
        if (id == null) {
            written = "";
            yaml.set("");
            return;
        }
        editing.read(e -> e.checks().text(id))
                .whenComplete(
                        (text, err) ->
                                fx.execute(
                                        () -> {
                                            if (!id.equals(selected.get())) {
                                                return;
                                            }
                                            if (err != null) {
                                                problem.set(
                                                        "The check's text cannot be read here: "
                                                                + cause(err).getMessage());
                                                return;
                                            }
                                            written = text;
                                            yaml.set(text);
                                        }));
    }

    /** The form changed: the text takes the keys that differ, its comments and form kept. */
    public void formChanged(CheckFields f) {
        try {
            yaml.set(CheckText.withFields(yaml.get(), f));
        } catch (EditRefused e) {
            problem.set(e.getMessage());
        }
    }

    private void read(String text) {
        changed.set(!text.equals(written));
        if (text.isBlank()) {
            problem.set("");
            return;
        }
        try {
            fields.set(CheckText.fields(text));
            problem.set("");
        } catch (EditRefused e) {
            problem.set("Not a check yet: " + e.getMessage());
        }
    }

    /** The editor's text written to its check (one edit, shown in the edit bar). */
    public void apply() {
        String id = selected.get();
        String text = yaml.get();
        if (id == null || !problem.get().isEmpty()) {
            return;
        }
        String to = CheckText.fields(text).id();
        written = text;
        changed.set(false);
        follow(id, to, editor.edit("Edit check " + id, e -> e.checks().set(id, text)));
    }

    /** The editor's text back to what the files hold. */
    public void revert() {
        yaml.set(written);
    }

    /** A checks file of the editor's check alone, to be tried on the estate. */
    public String trial() {
        return ItemText.file("checks", yaml.get());
    }

    /** Whether the editor's check can be tried (its text reads as a check). */
    public boolean triable() {
        return !yaml.get().isBlank() && problem.get().isEmpty();
    }

    public void rename(String to) {
        String id = selected.get();
        follow(
                id,
                to,
                editor.edit("Change check id " + id + " to " + to, e -> e.checks().rename(id, to)));
    }

    /**
     * The check the editor shows from now on, and in the window opened on the edit ({@code to}),
     * back to {@code from} when the edit leaves no such check (refused).
     */
    private void follow(String from, String to, CompletableFuture<EstateEditing.State> edit) {
        show(to);
        edit.whenComplete(
                (s, err) -> {
                    boolean made =
                            err == null
                                    && s.estate() != null
                                    && s.estate().checks().containsKey(to);
                    if (!made && from != null) {
                        fx.execute(() -> show(from));
                    }
                });
    }

    private void show(String id) {
        selected.set(id);
        navigation.replace(Place.of(Place.Kind.LIBRARY, id == null ? TAB : TAB + ":" + id));
    }

    /** The check a place of the library names ({@code library:checks:ID}), or null. */
    public static String checkOf(Place place) {
        String prefix = TAB + ":";
        return place.id().startsWith(prefix) ? place.id().substring(prefix.length()) : null;
    }

    public void delete() {
        editor.edit("Delete check " + selected.get(), e -> e.checks().delete(selected.get()));
    }

    /** A new check {@code id} after the one in the editor (else in its own file). */
    public void add(String id) {
        String near = selected.get();
        String text = CheckText.withFields("id: " + id + "\n", CheckFields.fresh(id));
        follow(near, id, editor.edit("New check " + id, e -> e.checks().add(text, near)));
    }

    private static Throwable cause(Throwable t) {
        return t.getCause() != null ? t.getCause() : t;
    }
}
