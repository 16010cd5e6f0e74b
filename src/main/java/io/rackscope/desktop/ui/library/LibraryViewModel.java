package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.TemplateEdits;
import io.rackscope.desktop.edit.TemplateEdits.Kind;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.EstateEditor;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * The templates of the estate, by kind, each with what uses it; in Edit mode a template's id is
 * changed everywhere it is named, and one nothing uses is deleted.
 */
public final class LibraryViewModel {
    /** One template: its id, name, U height and what uses it. */
    public record Row(String id, String name, int uHeight, List<String> usedBy) {
        public String uses() {
            return usedBy.isEmpty() ? "not used" : Integer.toString(usedBy.size());
        }
    }

    private final EstateEditor editor;

    private final Navigator navigation;

    public LibraryViewModel(
            EstateEditing editing,
            ViewOptions options,
            Navigator navigation,
            RackscopeConfig shown) {
        this.editor = new EstateEditor(editing, options);
        this.navigation = navigation;
        this.shown = shown;
    }

    /** The tab chosen ({@code device}, {@code rack}, {@code component}, {@code checks}). */
    public void showTab(String key) {
        String now = navigation.current().id();
        if (!now.equals(key) && !now.startsWith(key + ":")) {
            navigation.replace(Place.of(Place.Kind.LIBRARY, key));
        }
    }

    private final RackscopeConfig shown;

    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    /** The templates of {@code kind}, by id. */
    public List<Row> rows(Kind kind) {
        var t = shown.templates();
        java.util.stream.Stream<Row> all =
                switch (kind) {
                    case DEVICE ->
                            t.devices().values().stream()
                                    .map(d -> row(kind, d.id(), d.name(), d.uHeight()));
                    case RACK ->
                            t.racks().values().stream()
                                    .map(r -> row(kind, r.id(), r.name(), r.uHeight()));
                    case COMPONENT ->
                            t.components().values().stream()
                                    // components written inside a rack template are its own
                                    .filter(c -> !c.id().contains("/"))
                                    .map(c -> row(kind, c.id(), c.name(), c.uHeight()));
                };
        return all.sorted(Comparator.comparing(Row::id)).toList();
    }

    private Row row(Kind kind, String id, String name, int uHeight) {
        return new Row(id, name, uHeight, TemplateEdits.usedBy(shown, kind, id));
    }

    /** A template's id changed in it and in every reference. */
    public void rename(Kind kind, String id, String to) {
        editor.edit(
                "Change template id " + id + " to " + to, e -> e.templates().rename(kind, id, to));
    }

    /** A template nothing uses, deleted (the core refuses it while something does). */
    public void delete(Kind kind, String id) {
        editor.edit("Delete template " + id, e -> e.templates().delete(kind, id));
    }
}
