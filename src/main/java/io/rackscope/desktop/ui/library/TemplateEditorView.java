package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.edit.TemplateEdits.Kind;
import io.rackscope.desktop.ui.Columns;
import io.rackscope.desktop.ui.FieldForm;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
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
            form.setContent(new VBox(10, form.getContent(), rear()));
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
        Label title = new Label("Rear components (rear_components)");
        title.getStyleClass().add("subtitle");
        TableView<TemplateEditorViewModel.RearRow> table = new TableView<>(model.rear());
        table.setId("device-rear");
        table.setEditable(true);
        table.setPrefHeight(160);
        table.getColumns()
                .addAll(
                        Columns.editable("Id", r -> r.id),
                        Columns.editable("Name", r -> r.name),
                        Columns.editable("Type (psu, fan…)", r -> r.type),
                        Columns.editable("Role", r -> r.role),
                        Columns.editable("Checks (a, b)", r -> r.checks));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Button add = new Button("Add a rear component");
        add.setId("device-rear-add");
        add.setOnAction(e -> model.addRear());
        Button remove = new Button("Remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.removeRear(table.getSelectionModel().getSelectedItem()));
        VBox box = new VBox(6, title, table, new FlowPane(8, 4, add, remove));
        box.setPadding(new Insets(0, 10, 10, 10));
        return box;
    }

    /** A rack template's components (infrastructure), a row of keys each. */
    private Node parts() {
        Label title = new Label("Components (infrastructure)");
        title.getStyleClass().add("subtitle");
        TableView<TemplateEditorViewModel.PartRow> table = new TableView<>(model.parts());
        table.setId("rack-parts");
        table.setEditable(true);
        table.setPrefHeight(200);
        table.getColumns().add(Columns.text("List", TemplateEditorViewModel.PartRow::list, 110));
        String[][] columns = {
            {"id", "Id"},
            {"template_id", "Template"},
            {"location", "Location"},
            {"side", "Side"},
            {"u_position", "U position"},
            {"u_height", "U height"}
        };
        for (String[] c : columns) {
            table.getColumns().add(Columns.editable(c[1], r -> r.value(c[0])));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Button add = new Button("Add a component");
        add.setId("rack-parts-add");
        add.setOnAction(e -> model.addPart());
        Button remove = new Button("Remove");
        remove.setId("rack-parts-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.removePart(table.getSelectionModel().getSelectedItem()));
        Label how =
                new Label(
                        "A component written in place (with its own name, type, checks) keeps those keys:"
                                + " they are edited in the YAML.");
        how.getStyleClass().add("muted");
        how.setWrapText(true);
        VBox box = new VBox(6, title, table, how, new FlowPane(8, 4, add, remove));
        box.setPadding(new Insets(0, 10, 10, 10));
        return box;
    }
}
