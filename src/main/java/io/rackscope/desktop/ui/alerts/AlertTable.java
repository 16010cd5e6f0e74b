package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.ui.ForecastText;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HandleDialogs;
import io.rackscope.desktop.ui.HandleMenu;
import io.rackscope.desktop.ui.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The full-page alerts: a table of every alert (severity, incident, check, entity, device, rack,
 * room, site, value, since, flapping), sorted on any column by a click on its header, scoped to a
 * site or room, narrowed by filter chips per column (from the Filter menu or a row's "Only this
 * …"), totals, Copy (the selected rows, or all; also Ctrl+C) and Save CSV.
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
        Label none = new Label();
        none.setWrapText(true);
        none.textProperty().bind(model.emptyProperty());
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        DrawnColumns drawn = new DrawnColumns(table);
        table.setRowFactory(t -> new DrawnAlertRow(drawn, model.secondProperty()));
        TableColumn<AlertRow, AlertRow> severity = column("Severity", r -> r, 90);
        severity.setComparator(java.util.Comparator.comparing(AlertRow::severity));
        // a narrow window squeezes the text columns, not the badge and its title
        severity.setMinWidth(90);
        drawn.addBadge(severity);
        text(drawn, "Incident", AlertRow::incident, 200);
        text(drawn, "Check", AlertRow::check, 160);
        text(drawn, "Source", AlertRow::source, 90);
        text(drawn, "Entity", AlertRow::entity, 120);
        text(drawn, "Device", AlertRow::device, 130);
        text(drawn, "Rack", AlertRow::rack, 110);
        text(drawn, "Room", AlertRow::room, 110);
        text(drawn, "Site", AlertRow::site, 70);
        TableColumn<AlertRow, Double> value = column("Value", AlertRow::value, 70);
        value.setMinWidth(64);
        drawn.add(value, r -> Double.isNaN(r.value()) ? "" : Formats.value(r.value()), null);
        TableColumn<AlertRow, AlertRow> since = column("Since", r -> r, 150);
        since.setComparator(
                (a, b) ->
                        a.since() == null
                                ? (b.since() == null ? 0 : 1)
                                : b.since() == null ? -1 : a.since().compareTo(b.since()));
        // the whole sentence ("since before 07:12 (history starts then)") as the tooltip
        drawn.add(since, model::sinceColumn, r -> model.sinceText(r.since()));
        TableColumn<AlertRow, AlertRow> forecast = column("Forecast", r -> r, 100);
        forecast.setId("alerts-forecast-column");
        // soonest first; an alert without a forecast counts as never
        forecast.setComparator(java.util.Comparator.comparingDouble(AlertRow::forecastEta));
        forecast.setMinWidth(96);
        drawn.add(
                forecast,
                r ->
                        r.forecast() == null
                                ? ""
                                : r.forecast().severity()
                                        + " in "
                                        + ForecastText.chip(r.forecast().etaSeconds()),
                r -> r.forecast() == null ? null : ForecastText.line(r.forecast()));
        text(drawn, "Flapping", r -> r.flapping() ? "flapping (" + r.changes() + ")" : "", 100);
        text(drawn, "Handled", AlertRow::handled, 140);
        rows.setAll(model.tableProperty().get());
        model.tableProperty()
                .addListener(
                        (o, a, list) ->
                                Tables.setKeepingSelection(
                                        table, rows, list, r -> r.item().alert().key()));
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
        // the table's menu, for the selected row: a right-click selects first, Shift+F10 too
        ContextMenu rowMenu = new ContextMenu();
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, item) -> fillRowMenu(rowMenu, item));
        table.setContextMenu(rowMenu);
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
        ComboBox<String> scope = new ComboBox<>();
        scope.setId("alerts-scope");
        scope.getItems().setAll(model.scopes());
        scope.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(String id) {
                        return model.scopeLabel(id);
                    }

                    @Override
                    public String fromString(String text) {
                        return text;
                    }
                });
        scope.setValue(model.scopeProperty().get());
        scope.valueProperty()
                .addListener((o, a, v) -> model.scopeProperty().set(v == null ? "" : v));
        MenuButton addFilter = new MenuButton("Filter");
        addFilter.setId("alerts-add-filter");
        for (AlertColumn c : AlertColumn.values()) {
            Menu menu = new Menu(c.label());
            menu.setOnShowing(e -> fill(menu, c));
            menu.getItems().add(new MenuItem("…"));
            addFilter.getItems().add(menu);
        }
        FlowPane chips = new FlowPane(6, 4);
        chips.setId("alerts-chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(chips, Priority.ALWAYS);
        showChips(chips);
        model.columnFiltersProperty().addListener((o, a, list) -> showChips(chips));
        scope.setPrefWidth(220);
        scope.setMinWidth(160);
        for (Region r : List.of(addFilter, totals, copy, save)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, scope, addFilter, chips, totals, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, table);
    }

    private static <T> TableColumn<AlertRow, T> column(
            String title, java.util.function.Function<AlertRow, T> value, double width) {
        TableColumn<AlertRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static void text(
            DrawnColumns drawn,
            String title,
            java.util.function.Function<AlertRow, String> text,
            double width) {
        drawn.add(column(title, text, width), text, null);
    }

    /** "Only this …" for each column's value of the selected row, as a chip. */
    private void fillRowMenu(ContextMenu menu, AlertRow item) {
        menu.getItems().clear();
        if (item == null) {
            return;
        }
        if (model.canHandle()) {
            MenuItem ack = new MenuItem("Acknowledge this alert…");
            ack.setOnAction(
                    x ->
                            HandleDialogs.acknowledge(
                                            root,
                                            item.check() + " on " + item.entity(),
                                            model.operatorProperty())
                                    .ifPresent(
                                            a ->
                                                    model.acknowledge(
                                                            item.item(), a.text(), a.length())));
            menu.getItems().addAll(ack, new javafx.scene.control.SeparatorMenuItem());
        }
        for (AlertColumn c : AlertColumn.values()) {
            String v = c.of(item);
            if (!v.isEmpty()) {
                MenuItem only =
                        new MenuItem(
                                c == AlertColumn.FLAPPING
                                        ? "Only " + v
                                        : "Only " + c.label().toLowerCase(Locale.ROOT) + " " + v);
                only.setOnAction(x -> model.addFilter(c, v));
                menu.getItems().add(only);
            }
        }
    }

    private void fill(Menu menu, AlertColumn column) {
        List<MenuItem> items = new ArrayList<>();
        for (Map.Entry<String, Integer> e : model.choices(column)) {
            if (items.size() == 30) {
                break;
            }
            MenuItem item =
                    new MenuItem(
                            (e.getKey().isEmpty() ? "(none)" : e.getKey())
                                    + "  ("
                                    + e.getValue()
                                    + ")");
            item.setOnAction(x -> model.addFilter(column, e.getKey()));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No rows");
            none.setDisable(true);
            items.add(none);
        }
        menu.getItems().setAll(items);
    }

    private void showChips(FlowPane chips) {
        chips.getChildren().clear();
        for (ColumnFilter f : model.columnFiltersProperty().get()) {
            Button chip = new Button(f.text() + "  ✕");
            chip.getStyleClass().add("filter-chip");
            chip.setAccessibleText("Remove the filter " + f.text());
            chip.setOnAction(e -> model.removeFilter(f));
            chips.getChildren().add(chip);
        }
        if (!chips.getChildren().isEmpty()) {
            Button clear = new Button("Clear");
            clear.getStyleClass().add("nav-button");
            clear.setOnAction(e -> model.clearFilters());
            chips.getChildren().add(clear);
        }
    }

    /** The selected rows, or every row shown, as the table sorts them. */
    private List<AlertRow> chosen() {
        List<AlertRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        return selected.isEmpty() ? List.copyOf(table.getItems()) : selected;
    }

    private void copy() {
        HandleMenu.copy(model.csv(chosen()));
    }

    private void save() {
        Tables.saveCsv(
                root,
                "Save the alerts as CSV",
                "alerts.csv",
                () -> model.csv(List.copyOf(table.getItems())),
                model::reportProblem);
    }

    Node node() {
        return root;
    }

    TableView<AlertRow> table() {
        return table;
    }
}
