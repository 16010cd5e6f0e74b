package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.Severities;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The full-page alerts: a table of every alert (severity, incident, check, entity, device, rack,
 * room, site, value, since, flapping), sorted on any column by a click on its header, the filters
 * of the panel, totals, Copy (the selected rows, or all; also Ctrl+C) and Save CSV.
 */
final class AlertTable {
    private final AlertsViewModel model;
    private final VBox root = new VBox(6);
    private final TableView<AlertRow> table = new TableView<>();
    private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();

    AlertTable(AlertsViewModel model) {
        this.model = model;
        table.setId("alerts-table");
        SortedList<AlertRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No active WARN or CRIT alerts."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<AlertRow, AlertRow> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        severity.setComparator((a, b) -> a.severity().compareTo(b.severity()));
        severity.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(AlertRow r, boolean empty) {
                                super.updateItem(r, empty);
                                setGraphic(
                                        empty || r == null
                                                ? null
                                                : Severities.styled(
                                                        new Label(r.severity().name()),
                                                        r.severity(),
                                                        "sev-badge"));
                            }
                        });
        severity.setPrefWidth(90);
        table.getColumns().add(severity);
        table.getColumns().add(column("Incident", AlertRow::incident, 200));
        table.getColumns().add(column("Check", AlertRow::check, 160));
        table.getColumns().add(column("Entity", AlertRow::entity, 120));
        table.getColumns().add(column("Device", AlertRow::device, 130));
        table.getColumns().add(column("Rack", AlertRow::rack, 110));
        table.getColumns().add(column("Room", AlertRow::room, 110));
        table.getColumns().add(column("Site", AlertRow::site, 70));
        TableColumn<AlertRow, Double> value = new TableColumn<>("Value");
        value.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().value()));
        value.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(Double v, boolean empty) {
                                super.updateItem(v, empty);
                                setText(empty || v == null || v.isNaN() ? "" : Formats.value(v));
                            }
                        });
        value.setPrefWidth(70);
        table.getColumns().add(value);
        TableColumn<AlertRow, AlertRow> since = new TableColumn<>("Since");
        since.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        since.setComparator(
                (a, b) ->
                        a.since() == null
                                ? (b.since() == null ? 0 : 1)
                                : b.since() == null ? -1 : a.since().compareTo(b.since()));
        since.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(AlertRow r, boolean empty) {
                                super.updateItem(r, empty);
                                setText(empty || r == null ? "" : model.sinceColumn(r));
                            }
                        });
        since.setPrefWidth(150);
        table.getColumns().add(since);
        table.getColumns().add(column("Flapping", r -> r.flapping() ? "flapping" : "", 90));
        rows.setAll(model.tableProperty().get());
        model.tableProperty().addListener((o, a, list) -> rows.setAll(list));
        table.setOnMouseClicked(
                e -> {
                    AlertRow r = table.getSelectionModel().getSelectedItem();
                    if (r != null && e.getClickCount() == 2) {
                        model.open(r.item());
                    }
                });
        table.setOnKeyPressed(
                e -> {
                    if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                        copy();
                    }
                });
        Label totals = new Label();
        totals.setId("alerts-totals");
        totals.getStyleClass().add("faint");
        totals.textProperty().bind(model.totalsProperty());
        Button copy = new Button("Copy");
        copy.setId("alerts-copy");
        copy.setOnAction(e -> copy());
        Button save = new Button("Save CSV…");
        save.setId("alerts-save");
        save.setOnAction(e -> save());
        HBox bar = new HBox(8, totals, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, table);
    }

    private static TableColumn<AlertRow, String> column(
            String title, Function<AlertRow, String> value, double width) {
        TableColumn<AlertRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The selected rows, or every row shown, as the table sorts them. */
    private List<AlertRow> chosen() {
        List<AlertRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        return selected.isEmpty() ? List.copyOf(table.getItems()) : selected;
    }

    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.csv(chosen()));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the alerts as CSV");
        chooser.setInitialFileName("alerts.csv");
        File f =
                chooser.showSaveDialog(
                        root.getScene() == null ? null : root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            Files.writeString(
                    f.toPath(), model.csv(List.copyOf(table.getItems())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            model.reportProblem("could not save " + f + ": " + e.getMessage());
        }
    }

    Node node() {
        return root;
    }

    TableView<AlertRow> table() {
        return table;
    }
}
