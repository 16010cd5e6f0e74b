package io.rackscope.desktop.ui.history;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Tables;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The journal as a table: when, what changed, how bad, the incident and its place, members and
 * checks; the window, severity and place filters above it, Save CSV; a double click shows the
 * estate at that moment.
 */
public final class HistoryView {
    private final HistoryViewModel model;
    private final VBox root = new VBox(6);
    private final TableView<Journal.Entry> table = new TableView<>();

    public HistoryView(HistoryViewModel model) {
        this.model = model;
        table.setId("history-table");
        table.setPlaceholder(new Label("No incident changes in this window."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.textColumn("Time", model::moment, 165));
        table.getColumns()
                .add(
                        Tables.textColumn(
                                "Change", e -> e.kind().name().toLowerCase(Locale.ROOT), 80));
        TableColumn<Journal.Entry, Journal.Entry> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        severity.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(Journal.Entry e, boolean empty) {
                                super.updateItem(e, empty);
                                setGraphic(empty || e == null ? null : badge(e));
                            }
                        });
        severity.setPrefWidth(110);
        severity.setSortable(false);
        table.getColumns().add(severity);
        table.getColumns().add(Tables.textColumn("Incident", Journal.Entry::name, 200));
        table.getColumns().add(Tables.textColumn("Place", Journal.Entry::path, 260));
        table.getColumns()
                .add(Tables.textColumn("Members", e -> Integer.toString(e.members()), 85));
        table.getColumns()
                .add(
                        Tables.textColumn(
                                "Checks",
                                e ->
                                        e.checks().keySet().stream()
                                                .map(
                                                        k ->
                                                                Check.NO_DATA.equals(k)
                                                                        ? Check.NO_DATA_NAME
                                                                        : k)
                                                .collect(java.util.stream.Collectors.joining(", ")),
                                200));
        table.getColumns()
                .add(
                        Tables.textColumn(
                                "Flapping",
                                e ->
                                        e.count() > 1
                                                ? "×" + e.count()
                                                : e.flapping() ? "flapping" : "",
                                80));
        table.getColumns()
                .add(
                        Tables.textColumn(
                                "Who, why",
                                e ->
                                        (e.by() == null ? "" : e.by())
                                                + (e.by() != null && e.note() != null ? ": " : "")
                                                + (e.note() == null ? "" : e.note()),
                                220));
        table.getItems().setAll(model.entriesProperty().get());
        model.entriesProperty().addListener((o, a, list) -> table.getItems().setAll(list));
        table.setOnMouseClicked(
                e -> {
                    Journal.Entry row = table.getSelectionModel().getSelectedItem();
                    if (row != null && e.getClickCount() == 2) {
                        model.open(row);
                    }
                });
        ComboBox<HistoryViewModel.Window> window = new ComboBox<>();
        window.setId("history-window");
        window.getItems().setAll(HistoryViewModel.Window.values());
        window.setConverter(
                converter(w -> w == null ? "" : w.label(), HistoryViewModel.Window.SHIFT));
        window.valueProperty().bindBidirectional(model.windowProperty());
        TextField from = field("history-from", "from (-2h, 2026-12-01 02:00)");
        from.textProperty().bindBidirectional(model.customFromProperty());
        TextField to = field("history-to", "to (now)");
        to.textProperty().bindBidirectional(model.customToProperty());
        Button apply = new Button("Show");
        apply.setOnAction(e -> model.refresh());
        from.setOnAction(e -> model.refresh());
        to.setOnAction(e -> model.refresh());
        HBox custom = new HBox(6, from, to, apply);
        custom.setAlignment(Pos.CENTER_LEFT);
        custom.visibleProperty()
                .bind(model.windowProperty().isEqualTo(HistoryViewModel.Window.CUSTOM));
        custom.managedProperty().bind(custom.visibleProperty());
        ComboBox<Severity> minimum = new ComboBox<>();
        minimum.setId("history-minimum");
        minimum.getItems().setAll(Severity.OK, Severity.WARN, Severity.CRIT);
        minimum.setConverter(
                converter(
                        s ->
                                s == null || s == Severity.OK
                                        ? "Any severity"
                                        : s == Severity.WARN ? "WARN and CRIT" : "CRIT",
                        Severity.OK));
        minimum.valueProperty().bindBidirectional(model.minimumProperty());
        TextField place = field("history-place", "Filter by place");
        place.textProperty().bindBidirectional(model.placeProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button save = new Button("Save CSV…");
        save.setId("history-save");
        save.setOnAction(e -> save());
        for (Region r : List.of(window, minimum, refresh, save)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, window, custom, minimum, place, refresh, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("history-summary");
        summary.getStyleClass().add("faint");
        summary.textProperty().bind(model.summaryProperty());
        Label problem = new Label();
        problem.getStyleClass().add("time-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, summary, problem, table);
    }

    private static Node badge(Journal.Entry e) {
        Severity s =
                e.kind() == io.rackscope.desktop.alerting.Transition.Kind.CLEARED
                        ? Severity.OK
                        : e.severity();
        String text =
                e.previous() == null
                        ? e.severity().name()
                        : e.previous() + " → " + (s == Severity.OK ? "OK" : e.severity().name());
        return Severities.styled(new Label(text), s, "sev-badge");
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.getStyleClass().add("search-field");
        f.setPrefWidth(170);
        return f;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text, T fallback) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return fallback;
            }
        };
    }

    private void save() {
        Tables.saveCsv(
                root,
                "Save the history as CSV",
                "incident-history.csv",
                () -> HistoryViewModel.csv(List.copyOf(table.getItems())),
                model::report);
    }

    public TableView<Journal.Entry> table() {
        return table;
    }

    public Node node() {
        return root;
    }
}
