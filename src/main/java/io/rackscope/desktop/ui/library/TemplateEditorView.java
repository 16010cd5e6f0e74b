package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.edit.TemplateEdits.Kind;
import io.rackscope.desktop.ui.Columns;
import io.rackscope.desktop.ui.FieldForm;
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
        table.getColumns().add(Columns.text("Id", TemplateEditorViewModel.Row::id, 200));
        table.getColumns().add(Columns.text("Name", TemplateEditorViewModel.Row::name, 220));
        table.getColumns().add(Columns.text("U", r -> Integer.toString(r.uHeight()), 40));
        table.getColumns().add(Columns.text("Used by", TemplateEditorViewModel.Row::uses, 70));
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
                                Columns.editable("Id", r -> r.id),
                                Columns.editable("Name", r -> r.name),
                                Columns.editable("Type (psu, fan…)", r -> r.type),
                                Columns.editable("Role", r -> r.role),
                                Columns.editable("Checks (a, b)", r -> r.checks)),
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
                                Columns.editable("Check or metric id", r -> r.id),
                                Columns.editable("Warn", r -> r.warn),
                                Columns.editable("Crit", r -> r.crit)),
                        "Add thresholds",
                        model::addThreshold,
                        model::removeThreshold,
                        "The general warn and crit above apply to the values of every other"
                                + " check and metric."));
    }

    /** A rack template's components (infrastructure), a row of keys each. */
    private Node parts() {
        List<TableColumn<TemplateEditorViewModel.PartRow, String>> columns = new ArrayList<>();
        columns.add(Columns.text("List", TemplateEditorViewModel.PartRow::list, 110));
        String[][] keys = {
            {"id", "Id"},
            {"template_id", "Template"},
            {"location", "Location"},
            {"side", "Side"},
            {"u_position", "U position"},
            {"u_height", "U height"}
        };
        for (String[] c : keys) {
            columns.add(Columns.editable(c[1], r -> r.value(c[0])));
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
        TableView<R> table = new TableView<>(rows.items());
        table.setId(rows.id());
        table.setEditable(true);
        table.setPrefHeight(170);
        table.getColumns().addAll(rows.columns());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Button add = new Button(rows.addText());
        add.setId(String.join("-", rows.id(), "add"));
        add.setOnAction(e -> rows.add().run());
        Button remove = new Button("Remove");
        remove.setId(String.join("-", rows.id(), "remove"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> rows.remove().accept(table.getSelectionModel().getSelectedItem()));
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
