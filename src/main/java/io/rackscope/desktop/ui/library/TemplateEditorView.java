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
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * A templates tab of the library (device, rack or component ones): the templates with what uses
 * them, and the one chosen as a form of its keys beside its YAML; a device template's slot matrices
 * (front, rear, disks side by side) as grids whose slots are swapped by dragging one onto another
 * (or clicking one, then the other), resized and renumbered.
 */
final class TemplateEditorView {
    private static final List<String> TITLES = List.of("Front", "Rear", "Disks");

    private final TemplateEditorViewModel model;

    /** The slot clicked or dragged first (layout, row, col), waiting for the second. */
    private Object[] picked;

    private Button pickedButton;

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
        }
        forms.add(new Tab("Form", form));
        if (model.kind() == Kind.DEVICE) {
            forms.add(new Tab("Slots", slots()));
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

    private Node slots() {
        // side by side where the width allows, the rear under the front where it does not
        FlowPane faces = new FlowPane(24, 16);
        for (int i = 0; i < TITLES.size(); i++) {
            faces.getChildren()
                    .add(
                            layout(
                                    io.rackscope.desktop.edit.TemplateText.LAYOUTS.get(i),
                                    TITLES.get(i)));
        }
        Label how = new Label();
        how.textProperty()
                .bind(
                        javafx.beans.binding.Bindings.createStringBinding(
                                () ->
                                        "Drag a slot onto another (or click one, then the other)"
                                                + " to swap their node numbers; the numbers are the"
                                                + " device's nodes in the order its instance lists"
                                                + " them."
                                                + model.example()
                                                        .map(
                                                                d ->
                                                                        " The front shows the last"
                                                                                + " known states of"
                                                                                + " device "
                                                                                + d.id()
                                                                                + " in rack "
                                                                                + d.rackKey()
                                                                                + " (the coloured"
                                                                                + " edge).")
                                                        .orElse(""),
                                model.selectedProperty()));
        how.getStyleClass().add("muted");
        how.setWrapText(true);
        VBox box = new VBox(12, how, faces);
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        faces.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(40));
        return scroll;
    }

    private Node layout(String layout, String title) {
        Label name = new Label(title + " (" + layout + ")");
        name.getStyleClass().add("subtitle");
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        grid.setId(String.join("-", "slots", layout.replace('_', '-')));
        Spinner<Integer> rows = new Spinner<>(1, 16, 1);
        Spinner<Integer> cols = new Spinner<>(1, 16, 1);
        rows.setPrefWidth(70);
        cols.setPrefWidth(70);
        Button size = new Button("Renumber");
        size.setTooltip(new Tooltip("Make it rows by columns, numbered in reading order"));
        size.setOnAction(e -> model.resize(layout, rows.getValue(), cols.getValue()));
        FlowPane controls =
                new FlowPane(6, 4, new Label("Rows"), rows, new Label("Columns"), cols, size);
        model.matrixProperty(layout)
                .addListener(
                        (o, a, m) -> {
                            draw(grid, layout, m);
                            if (m.length > 0) {
                                rows.getValueFactory().setValue(m.length);
                                cols.getValueFactory().setValue(m[0].length);
                            }
                        });
        draw(grid, layout, model.matrixProperty(layout).get());
        if (layout.equals("layout")) {
            // the states shown follow the feed, in place: a slot being dragged stays where it is
            model.statesProperty()
                    .addListener((o, a, b) -> grid.getChildren().forEach(this::state));
        }
        VBox box = new VBox(8, name, grid, controls);
        box.setMinWidth(220);
        return box;
    }

    private void draw(GridPane grid, String layout, int[][] m) {
        grid.getChildren().clear();
        if (m.length == 0) {
            Label none = new Label("none: Renumber makes one");
            none.getStyleClass().add("muted");
            grid.add(none, 0, 0);
            return;
        }
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                Button b = slot(layout, r, c, m[r][c]);
                if (layout.equals("layout")) {
                    b.setUserData(m[r][c]);
                    state(b);
                }
                grid.add(b, c, r);
            }
        }
    }

    /** A front slot marked with the last known state of its node on the example device. */
    private void state(Node slot) {
        if (slot.getUserData() instanceof Integer n) {
            model.slotState(n)
                    .ifPresent(
                            s -> {
                                if (!slot.getStyleClass().contains("sev")) {
                                    slot.getStyleClass().add("sev");
                                }
                                io.rackscope.desktop.ui.Severities.apply(slot, s);
                            });
        }
    }

    private Button slot(String layout, int r, int c, int number) {
        Button b = new Button(number == 0 ? "–" : Integer.toString(number));
        b.setId(
                String.join(
                        "-",
                        "slot",
                        layout.replace('_', '-'),
                        Integer.toString(r),
                        Integer.toString(c)));
        b.getStyleClass().add("slot");
        b.setMinSize(44, 32);
        b.setPrefSize(44, 32);
        b.setOnDragDetected(
                e -> {
                    pick(b, layout, r, c);
                    b.startFullDrag();
                });
        b.addEventHandler(
                MouseDragEvent.MOUSE_DRAG_RELEASED,
                e -> {
                    swapWithPicked(layout, r, c);
                    e.consume();
                });
        b.setOnAction(
                e -> {
                    if (picked == null) {
                        pick(b, layout, r, c);
                    } else {
                        swapWithPicked(layout, r, c);
                    }
                });
        return b;
    }

    private void pick(Button b, String layout, int r, int c) {
        picked = new Object[] {layout, r, c};
        pickedButton = b;
        b.getStyleClass().add("picked");
    }

    private void swapWithPicked(String layout, int r, int c) {
        Object[] p = picked;
        picked = null;
        if (pickedButton != null) {
            pickedButton.getStyleClass().remove("picked");
            pickedButton = null;
        }
        // a drop on itself or on another layout swaps nothing: the pick is let go
        if (p != null && p[0].equals(layout) && ((int) p[1] != r || (int) p[2] != c)) {
            model.swap(layout, (int) p[1], (int) p[2], r, c);
        }
    }
}
