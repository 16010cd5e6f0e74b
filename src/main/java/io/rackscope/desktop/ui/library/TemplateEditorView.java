package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.edit.TemplateEdits.Kind;
import io.rackscope.desktop.ui.FieldForm;
import io.rackscope.desktop.ui.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A templates tab of the library (device, rack or component ones): the templates with what uses
 * them, and the one chosen as a form of its keys beside its YAML; a device template's rear
 * components, and its slots on the rack renderer ({@link TemplateSlotsView}).
 */
final class TemplateEditorView {
    private final TemplateEditorViewModel model;

    TemplateEditorView(TemplateEditorViewModel model) {
        this.model = model;
    }

    Tab tab(String title, String select) {
        TableView<TemplateEditorViewModel.Row> table = new TableView<>();
        table.getColumns().add(Tables.textColumn("Id", TemplateEditorViewModel.Row::id, 200));
        table.getColumns().add(Tables.textColumn("Name", TemplateEditorViewModel.Row::name, 220));
        table.getColumns().add(Tables.textColumn("U", r -> Integer.toString(r.uHeight()), 40));
        table.getColumns().add(Tables.textColumn("Used by", TemplateEditorViewModel.Row::uses, 70));
        table.getItems().setAll(model.rows());
        List<Tab> forms = new ArrayList<>();
        ScrollPane form =
                new ScrollPane(
                        FieldForm.grid(
                                model.fields(),
                                s ->
                                        FieldForm.control(
                                                s,
                                                model.value(s.path()),
                                                TemplateEditorViewModel.word(model.kind()))));
        form.setFitToWidth(true);
        if (model.kind() == Kind.DEVICE) {
            form.setContent(new VBox(10, form.getContent(), rear(), thresholds()));
        } else if (model.kind() == Kind.RACK) {
            form.setContent(new VBox(10, form.getContent(), parts()));
        }
        forms.add(new Tab("Form", form));
        if (model.kind() == Kind.DEVICE) {
            forms.add(new Tab("Slots", new TemplateSlotsView(model).node()));
        }
        String word = TemplateEditorViewModel.word(model.kind());
        return ItemEditorFrame.tab(
                model,
                new ItemEditorFrame.Parts<>(
                        word,
                        word + " template",
                        false,
                        title,
                        table,
                        TemplateEditorViewModel.Row::id,
                        TemplateEditorViewModel.Row::usedBy,
                        forms,
                        List.of()),
                select);
    }

    /** The rear components (PSUs, fans…) as a table of their keys. */
    private Node rear() {
        return rows(
                new Rows<>(
                        "Rear components (rear_components)",
                        "device-rear",
                        model.rear(),
                        List.of(
                                Tables.editableColumn("Id", r -> r.id),
                                Tables.editableColumn("Name", r -> r.name),
                                Tables.editableColumn("Type (psu, fan…)", r -> r.type),
                                Tables.editableColumn("Role", r -> r.role),
                                Tables.editableColumn("Checks (a, b)", r -> r.checks)),
                        "Add a rear component",
                        model::addRear,
                        model::removeRear,
                        null));
    }

    /** Display thresholds by check or metric, a row each. */
    private Node thresholds() {
        return rows(
                new Rows<>(
                        "Display thresholds by check or metric (display_thresholds)",
                        "device-thresholds",
                        model.thresholds(),
                        List.of(
                                Tables.editableColumn("Check or metric id", r -> r.id),
                                Tables.editableColumn("Warn", r -> r.warn),
                                Tables.editableColumn("Crit", r -> r.crit)),
                        "Add thresholds",
                        model::addThreshold,
                        model::removeThreshold,
                        "The general warn and crit above apply to the values of every other"
                                + " check and metric."));
    }

    /** A rack template's components (infrastructure), a row of keys each. */
    private Node parts() {
        List<TableColumn<TemplateEditorViewModel.PartRow, String>> columns = new ArrayList<>();
        columns.add(Tables.textColumn("List", TemplateEditorViewModel.PartRow::list, 110));
        String[][] keys = {
            {"id", "Id"},
            {"template_id", "Template"},
            {"location", "Location"},
            {"side", "Side"},
            {"u_position", "U position"},
            {"u_height", "U height"}
        };
        for (String[] c : keys) {
            columns.add(Tables.editableColumn(c[1], r -> r.value(c[0])));
        }
        return rows(
                new Rows<>(
                        "Components (infrastructure)",
                        "rack-parts",
                        model.parts(),
                        columns,
                        "Add a component",
                        model::addPart,
                        model::removePart,
                        "Location: left or right (a side rail), front, rear or u-mount (in the U"
                                + " space). A component written in place (with its own name, type,"
                                + " checks) keeps those keys: they are edited in the YAML."));
    }

    /** An editable table of rows, with its buttons to add and remove one. */
    private record Rows<R>(
            String title,
            String id,
            ObservableList<R> items,
            List<TableColumn<R, String>> columns,
            String addText,
            Runnable add,
            Consumer<R> remove,
            String note) {}

    private static <R> Node rows(Rows<R> rows) {
        Label title = new Label(rows.title());
        title.getStyleClass().add("subtitle");
        TableView<R> table = Tables.editable(rows.id(), rows.items(), rows.columns(), 170);
        Button add = new Button(rows.addText());
        add.setId(String.join("-", rows.id(), "add"));
        add.setOnAction(e -> rows.add().run());
        Button remove = Tables.removeButton(table, rows.remove());
        VBox box = new VBox(6, title, table);
        if (rows.note() != null) {
            Label note = new Label(rows.note());
            note.getStyleClass().add("muted");
            note.setWrapText(true);
            box.getChildren().add(note);
        }
        box.getChildren().add(new FlowPane(8, 4, add, remove));
        box.setPadding(new Insets(0, 10, 10, 10));
        return box;
    }
}
