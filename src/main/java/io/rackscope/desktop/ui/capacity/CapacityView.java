package io.rackscope.desktop.ui.capacity;

import io.rackscope.desktop.capacity.RackCapacity;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Tables;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The capacity table (Views menu, {@code capacity[:SITE|SITE/ROOM]}): the rooms' totals, one
 * sortable row per rack, CSV, and "where does it fit?" whose racks the floor outlines.
 */
public final class CapacityView implements PlaceView {
    private final CapacityViewModel model;
    private final VBox root = new VBox(10);

    public CapacityView(CapacityViewModel model) {
        this.model = model;
        root.setPadding(new Insets(14));
        root.getStyleClass().add("page");
        Label title = new Label("Capacity");
        title.getStyleClass().add("title");
        Label totals = new Label();
        totals.setId("capacity-totals");
        totals.setWrapText(true);
        totals.textProperty().bind(model.totalsProperty());
        Label power = new Label();
        power.getStyleClass().add("muted");
        power.textProperty().bind(model.powerSaidProperty());
        TableView<CapacityViewModel.Row> table = new TableView<>();
        table.setId("capacity-table");
        ObservableList<CapacityViewModel.Row> rows = FXCollections.observableArrayList();
        SortedList<CapacityViewModel.Row> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        rows.setAll(model.rowsProperty().get());
        model.rowsProperty().addListener((o, a, list) -> rows.setAll(list));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.textColumn("Rack", r -> r.capacity().rack().id(), 110));
        table.getColumns().add(Tables.textColumn("Room", CapacityViewModel.Row::room, 110));
        table.getColumns()
                .add(
                        group(
                                "Free U",
                                units("front", c -> c.freeFront()),
                                units("rear", c -> c.freeRear())));
        table.getColumns()
                .add(
                        group(
                                "Largest run (U)",
                                units("front", c -> c.largestFront()),
                                units("rear", c -> c.largestRear())));
        table.getColumns()
                .add(
                        group(
                                "Power (W)",
                                watts("nameplate", RackCapacity::nameplateWatts),
                                watts("now", RackCapacity::nowWatts),
                                watts("peak 24 h", RackCapacity::peakWatts),
                                watts("budget", RackCapacity::budgetWatts),
                                watts("headroom", RackCapacity::headroomWatts)));
        table.getColumns().add(watts("Heat BTU/h", RackCapacity::heatBtuPerHour));
        table.setRowFactory(
                t -> {
                    javafx.scene.control.TableRow<CapacityViewModel.Row> row =
                            new javafx.scene.control.TableRow<>();
                    row.setOnMouseClicked(
                            e -> {
                                if (e.getClickCount() == 2 && row.getItem() != null) {
                                    model.open(row.getItem());
                                }
                            });
                    return row;
                });
        VBox.setVgrow(table, Priority.ALWAYS);
        TextField units = new TextField();
        units.setId("capacity-fit-units");
        units.setPromptText("U");
        units.setPrefColumnCount(3);
        TextField watts = new TextField();
        watts.setId("capacity-fit-watts");
        watts.setPromptText("W");
        watts.setPrefColumnCount(5);
        Label said = new Label();
        said.setId("capacity-fit-said");
        said.textProperty().bind(model.fitSaidProperty());
        Button find = new Button("Where does it fit?");
        find.setId("capacity-fit");
        find.setDefaultButton(true);
        find.setOnAction(
                e -> {
                    try {
                        int u = Integer.parseInt(units.getText().trim());
                        double w =
                                watts.getText().isBlank()
                                        ? 0
                                        : Double.parseDouble(watts.getText().trim());
                        table.getSelectionModel().clearSelection();
                        model.fit(u, w).forEach(r -> table.getSelectionModel().select(r));
                    } catch (NumberFormatException x) {
                        model.clearFit();
                    }
                });
        Button show = new Button("Show on floor");
        show.setId("capacity-show-fits");
        show.setOnAction(e -> model.showFits());
        Button clear = new Button("Clear");
        clear.setOnAction(
                e -> {
                    units.clear();
                    watts.clear();
                    model.clearFit();
                    table.getSelectionModel().clearSelection();
                });
        Button copy = new Button("Copy CSV");
        copy.setOnAction(
                e -> {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(model.csv(table.getItems()));
                    Clipboard.getSystemClipboard().setContent(c);
                });
        Button save = new Button("Save CSV…");
        save.setOnAction(
                e ->
                        Tables.saveCsv(
                                root,
                                "Save the capacity table",
                                "capacity.csv",
                                () -> model.csv(table.getItems()),
                                said::setText));
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        HBox fit =
                new HBox(
                        8,
                        new Label("Device:"),
                        units,
                        new Label("U"),
                        watts,
                        new Label("W"),
                        find,
                        show,
                        clear,
                        said);
        fit.setAlignment(Pos.CENTER_LEFT);
        HBox exports = new HBox(8, copy, save);
        root.getChildren().addAll(title, totals, power, fit, exports, table);
    }

    @SafeVarargs
    private static TableColumn<CapacityViewModel.Row, ?> group(
            String title, TableColumn<CapacityViewModel.Row, CapacityViewModel.Row>... columns) {
        TableColumn<CapacityViewModel.Row, CapacityViewModel.Row> g = new TableColumn<>(title);
        g.getColumns().addAll(columns);
        return g;
    }

    private static TableColumn<CapacityViewModel.Row, CapacityViewModel.Row> units(
            String title, Function<RackCapacity, Integer> value) {
        return number(title, c -> value.apply(c), 60, v -> Integer.toString((int) v));
    }

    private static TableColumn<CapacityViewModel.Row, CapacityViewModel.Row> watts(
            String title, ToDoubleFunction<RackCapacity> value) {
        return number(title, value::applyAsDouble, 80, CapacityViewModel::number);
    }

    /** A numeric column that sorts by its number, unknowns last, and reads as {@code text}. */
    private static TableColumn<CapacityViewModel.Row, CapacityViewModel.Row> number(
            String title,
            Function<RackCapacity, Number> value,
            double width,
            java.util.function.DoubleFunction<String> text) {
        TableColumn<CapacityViewModel.Row, CapacityViewModel.Row> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        ToDoubleFunction<CapacityViewModel.Row> key =
                r -> {
                    double v = value.apply(r.capacity()).doubleValue();
                    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
                };
        c.setComparator(Comparator.comparingDouble(key));
        c.setCellFactory(
                col ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(CapacityViewModel.Row r, boolean empty) {
                                super.updateItem(r, empty);
                                setText(
                                        empty || r == null
                                                ? ""
                                                : text.apply(
                                                        value.apply(r.capacity()).doubleValue()));
                            }
                        });
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 8 + 7.5 * title.length()));
        return c;
    }

    @Override
    public Node node() {
        return root;
    }
}
