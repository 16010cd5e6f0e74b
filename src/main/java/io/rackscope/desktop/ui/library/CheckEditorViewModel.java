package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.CheckFields;
import io.rackscope.desktop.edit.CheckText;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.edit.ItemText;
import io.rackscope.desktop.edit.LibraryEdits;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The checks of the library, each with the templates that list it, and one check edited: its YAML
 * as written and a form of its keys, kept in step (a form change patches the text key by key, a
 * typed text fills the form once it reads as a check); applied as one edit, tried on the estate.
 */
public final class CheckEditorViewModel extends LibraryItemViewModel {
    /** One check of the library. */
    public record Row(String id, String name, String scope, String kind, List<String> usedBy) {
        public String uses() {
            return usedBy.isEmpty() ? "not listed" : Integer.toString(usedBy.size());
        }
    }

    /** The library's tab of checks, in its place's id ({@code library:checks:ID}). */
    public static final String TAB = "checks";

    private final RackscopeConfig shown;
    private final ReadOnlyObjectWrapper<CheckFields> fields =
            new ReadOnlyObjectWrapper<>(this, "fields");

    public CheckEditorViewModel(
            EstateEditing editing,
            ViewOptions options,
            Navigator navigation,
            RackscopeConfig shown,
            Executor fx) {
        super(editing, options, navigation, EstateEdits::checks, "check", TAB, fx);
        this.shown = shown;
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

    /** The form's keys as the text reads; unchanged while the text is not a check. */
    public ReadOnlyObjectProperty<CheckFields> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    @Override
    void read(String text) {
        fields.set(CheckText.fields(text));
    }

    @Override
    boolean exists(RackscopeConfig config, String id) {
        return config.checks().containsKey(id);
    }

    @Override
    String fresh(String id) {
        return CheckText.withFields("id: " + id + "\n", CheckFields.fresh(id));
    }

    /** The form changed: the text takes the keys that differ, its comments and form kept. */
    public void formChanged(CheckFields f) {
        try {
            yamlProperty().set(CheckText.withFields(yamlProperty().get(), f));
        } catch (EditRefused e) {
            problem(e.getMessage());
        }
    }

    /** A checks file of the editor's check alone, to be tried on the estate. */
    public String trial() {
        return ItemText.file("checks", yamlProperty().get());
    }

    /** Whether the editor's check can be tried (its text reads as a check). */
    public boolean triable() {
        return !yamlProperty().get().isBlank() && problemProperty().get().isEmpty();
    }
}
