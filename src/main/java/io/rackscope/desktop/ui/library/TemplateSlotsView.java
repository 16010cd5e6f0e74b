package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.edit.TemplateText;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.rack.DeviceFace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;

/**
 * A device template's slots on the rack renderer itself: one device of it in a rack, front and rear
 * side by side, each front slot, disk bay and {@code rear_layout} cell showing its number; a slot
 * dragged onto another (or clicked, then the other) swaps their numbers. The front slots show the
 * last known states of a device of the template when there is one. Under the faces, each layout can
 * be made anew, rows by columns in reading order.
 */
final class TemplateSlotsView {
    private static final List<String> TITLES = List.of("Front", "Rear", "Disks");

    /** A device of a few U is drawn larger, for the fingers. */
    private static final double ZOOM = 1.25;

    private final TemplateEditorViewModel model;
    private final FlowPane faces = new FlowPane(24, 16);
    private final List<StackPane> fronts = new ArrayList<>();

    /** The cell picked first (its layout, row and column), waiting for the second. */
    private Pick picked;

    private record Pick(String layout, int row, int col, StackPane cell) {}

    TemplateSlotsView(TemplateEditorViewModel model) {
        this.model = model;
    }

    Node node() {
        Label how = new Label();
        how.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        "Drag a slot onto another (or click one, then the other)"
                                                + " to swap their numbers: on the front the"
                                                + " device's nodes in the order its instance lists"
                                                + " them, on the rear the rear components in their"
                                                + " order."
                                                + model.example()
                                                        .map(
                                                                d ->
                                                                        " The front shows the last"
                                                                                + " known states of"
                                                                                + " device "
                                                                                + d.id()
                                                                                + " in rack "
                                                                                + d.rackKey()
                                                                                + ".")
                                                        .orElse(
                                                                " No device uses it yet: no"
                                                                        + " states to show."),
                                model.selectedProperty()));
        how.getStyleClass().add("muted");
        how.setId("slots-how");
        how.setWrapText(true);
        faces.setId("template-faces");
        faces.setAlignment(Pos.TOP_LEFT);
        faces.setRowValignment(javafx.geometry.VPos.TOP);
        FlowPane sizes = new FlowPane(24, 12);
        for (int i = 0; i < TITLES.size(); i++) {
            sizes.getChildren().add(size(TemplateText.LAYOUTS.get(i), TITLES.get(i)));
        }
        // drawn again once per change of the text (which the model has read by then: its fields,
        // matrices and rear components are all read from it), and when a rear row is added
        model.yamlProperty().addListener((o, a, b) -> draw());
        model.rear().addListener((javafx.collections.ListChangeListener<Object>) c -> draw());
        // the states follow the feed in place: a slot being dragged stays where it is
        model.statesProperty().addListener((o, a, b) -> fronts.forEach(this::state));
        draw();
        VBox box = new VBox(12, how, faces, sizes);
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        // side by side where the width allows, the rear under the front where it does not
        faces.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(40));
        sizes.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(40));
        how.maxWidthProperty().bind(scroll.widthProperty().subtract(40));
        return scroll;
    }

    private void draw() {
        picked = null;
        fronts.clear();
        DeviceTemplate t = model.drawn();
        int h = t.uHeight();
        HBox front = DeviceFace.block(h, 4);
        front.getChildren().addAll(DeviceFace.front(t.name(), t, h, new Cells(t)));
        HBox rear = DeviceFace.block(h, 3);
        rear.getChildren().addAll(DeviceFace.rear(t.name(), t, h, new Cells(t)));
        faces.getChildren().setAll(face("Front", front, h), face("Rear", rear, h));
    }

    /** A face in a rack one U taller above and below. */
    private static Node face(String caption, Node block, int height) {
        Node frame = DeviceFace.frame(height + 2, block, 2, height);
        if (height <= 4) {
            frame.getTransforms().add(new Scale(ZOOM, ZOOM));
        }
        Label l = new Label(caption);
        l.getStyleClass().add("subtitle");
        VBox box = new VBox(4, l, new Group(frame));
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** What each cell of the drawn device shows, and its drag. */
    private final class Cells implements DeviceFace.Cells {
        private final DeviceTemplate t;

        Cells(DeviceTemplate t) {
            this.t = t;
        }

        @Override
        public void node(StackPane cell, int row, int col, int slot) {
            numbered(cell, "layout", row, col, number(slot));
            cell.setUserData(slot);
            fronts.add(cell);
            state(cell);
        }

        @Override
        public void disk(StackPane bay, int row, int col, int slot) {
            numbered(bay, "disk_layout", row, col, number(slot));
            free(bay);
        }

        @Override
        public void rear(
                StackPane cell, int row, int col, int number, DeviceTemplate.RearComponent part) {
            free(cell);
            if (t.rear().length == 0) {
                return; // side by side in their order: nothing to swap
            }
            numbered(
                    cell,
                    "rear_layout",
                    row,
                    col,
                    number
                            + (part == null
                                    ? " (none)"
                                    : " " + part.type().toUpperCase(Locale.ROOT)));
        }
    }

    private static String number(int slot) {
        return slot == 0 ? "–" : Integer.toString(slot);
    }

    private void numbered(StackPane cell, String layout, int row, int col, String text) {
        Label n = new Label(text);
        n.getStyleClass().add("slot-number");
        n.setMinWidth(0);
        cell.getChildren().setAll(n);
        cell.getStyleClass().add("slot-cell");
        cell.setId(
                String.join(
                        "-",
                        "slot",
                        layout.replace('_', '-'),
                        Integer.toString(row),
                        Integer.toString(col)));
        Tooltip.install(cell, new Tooltip("Drag onto another slot to swap their numbers"));
        cell.setOnDragDetected(
                e -> {
                    pick(layout, row, col, cell);
                    cell.startFullDrag();
                    e.consume();
                });
        cell.addEventHandler(
                MouseDragEvent.MOUSE_DRAG_ENTERED, e -> cell.getStyleClass().add("drop-target"));
        cell.addEventHandler(
                MouseDragEvent.MOUSE_DRAG_EXITED, e -> cell.getStyleClass().remove("drop-target"));
        cell.addEventHandler(
                MouseDragEvent.MOUSE_DRAG_RELEASED,
                e -> {
                    cell.getStyleClass().remove("drop-target");
                    swapWithPicked(layout, row, col);
                    e.consume();
                });
        cell.addEventHandler(
                MouseEvent.MOUSE_RELEASED,
                e -> {
                    // a drag let go away from any slot: the pick is let go too
                    if (!e.isStillSincePress() && picked != null && picked.cell() == cell) {
                        unpick();
                    }
                });
        cell.setOnMouseClicked(
                e -> {
                    if (!e.isStillSincePress()) {
                        return;
                    }
                    if (picked == null) {
                        pick(layout, row, col, cell);
                    } else {
                        swapWithPicked(layout, row, col);
                    }
                    e.consume();
                });
    }

    /** A cell with no state to show: drawn as an empty part of the device. */
    private static void free(StackPane cell) {
        cell.getStyleClass().removeAll("sev", "sev-fill");
        cell.getStyleClass().add("slot-free");
    }

    /** A front slot coloured by the last known state of its node on the example device. */
    private void state(StackPane cell) {
        var s = cell.getUserData() instanceof Integer n ? model.slotState(n) : null;
        if (s == null || s.isEmpty()) {
            free(cell);
        } else {
            cell.getStyleClass().remove("slot-free");
            for (String c : List.of("sev", "sev-fill")) {
                if (!cell.getStyleClass().contains(c)) {
                    cell.getStyleClass().add(c);
                }
            }
            Severities.apply(cell, s.get());
        }
    }

    private void pick(String layout, int row, int col, StackPane cell) {
        unpick();
        picked = new Pick(layout, row, col, cell);
        cell.getStyleClass().add("picked");
    }

    private void unpick() {
        if (picked != null) {
            picked.cell().getStyleClass().remove("picked");
            picked = null;
        }
    }

    private void swapWithPicked(String layout, int row, int col) {
        Pick p = picked;
        unpick();
        // a drop on itself or on another layout swaps nothing: the pick is let go
        if (p != null && p.layout().equals(layout) && (p.row() != row || p.col() != col)) {
            model.swap(layout, p.row(), p.col(), row, col);
        }
    }

    /** A layout's size: rows by columns, renumbered in reading order. */
    private Node size(String layout, String title) {
        Label name = new Label(title + " (" + layout + ")");
        name.getStyleClass().add("subtitle");
        Spinner<Integer> rows = new Spinner<>(1, 16, 1);
        Spinner<Integer> cols = new Spinner<>(1, 16, 1);
        rows.setPrefWidth(70);
        cols.setPrefWidth(70);
        rows.setId(String.join("-", "slots", layout.replace('_', '-'), "rows"));
        cols.setId(String.join("-", "slots", layout.replace('_', '-'), "cols"));
        Label now = new Label();
        now.getStyleClass().add("muted");
        Runnable show =
                () -> {
                    int[][] m = model.matrixProperty(layout).get();
                    if (m.length > 0) {
                        rows.getValueFactory().setValue(m.length);
                        cols.getValueFactory().setValue(m[0].length);
                        now.setText(m.length + " by " + m[0].length);
                    } else {
                        now.setText("none: Renumber makes one");
                    }
                };
        model.matrixProperty(layout).addListener((o, a, b) -> show.run());
        show.run();
        Button size = new Button("Renumber");
        size.setId(String.join("-", "slots", layout.replace('_', '-'), "renumber"));
        size.setTooltip(new Tooltip("Make it rows by columns, numbered in reading order"));
        size.setOnAction(e -> model.resize(layout, rows.getValue(), cols.getValue()));
        FlowPane controls =
                new FlowPane(6, 4, new Label("Rows"), rows, new Label("Columns"), cols, size);
        VBox box = new VBox(6, name, now, controls);
        box.setMinWidth(220);
        return box;
    }
}
