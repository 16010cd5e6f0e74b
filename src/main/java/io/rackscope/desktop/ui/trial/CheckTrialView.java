package io.rackscope.desktop.ui.trial;

import io.rackscope.desktop.ui.Severities;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The "Try a check" dialog's content: the YAML (paste, or Open…), Try, the result table worst
 * first, and Show on floor / Clear preview.
 */
public final class CheckTrialView {
    static final String EXAMPLE =
            """
            checks:
              - id: node_warm_trial
                name: Node warm (trial)
                scope: node
                expr: node_temperature_celsius{instance=~"$instances"}
                for: 2m
                rules:
                  - {op: ">", value: 70, severity: WARN}
                  - {op: ">", value: 80, severity: CRIT}
            """;

    private final VBox root = new VBox(8);

    public CheckTrialView(CheckTrialViewModel model) {
        root.setId("check-trial");
        root.setPadding(new Insets(12));
        TextArea yaml = new TextArea();
        yaml.setId("trial-yaml");
        yaml.getStyleClass().add("mono");
        yaml.setPrefRowCount(12);
        if (model.yamlProperty().get().isEmpty()) {
            model.yamlProperty().set(EXAMPLE);
        }
        yaml.textProperty().bindBidirectional(model.yamlProperty());
        Button open = new Button("Open…");
        open.setId("trial-open");
        open.setOnAction(
                e -> {
                    FileChooser chooser = new FileChooser();
                    chooser.setTitle("Open a check file");
                    chooser.getExtensionFilters()
                            .add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
                    Window w = root.getScene() == null ? null : root.getScene().getWindow();
                    File f = chooser.showOpenDialog(w);
                    if (f != null) {
                        model.open(f.toPath());
                    }
                });
        Button run = new Button("Try");
        run.setId("trial-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        Button floor = new Button("Show on floor");
        floor.setId("trial-floor");
        floor.disableProperty().bind(model.previewableProperty().not());
        floor.setOnAction(e -> model.showOnFloor());
        Button clear = new Button("Clear preview");
        clear.setId("trial-clear");
        clear.disableProperty().bind(model.previewProperty().isNull());
        clear.setOnAction(e -> model.clearPreview());
        Button close = new Button("Close");
        close.setId("trial-close");
        close.setCancelButton(true);
        close.setOnAction(
                e -> {
                    if (root.getScene() != null && root.getScene().getWindow() != null) {
                        root.getScene().getWindow().hide();
                    }
                });
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox buttons = new HBox(8, open, run, floor, clear, gap, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("trial-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        Label problems = new Label();
        problems.setId("trial-problems");
        problems.getStyleClass().add("trial-problems");
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        TableView<TrialRow> table = new TableView<>();
        table.setId("trial-rows");
        table.getStyleClass().add("trial-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Try the check to see its targets."));
        table.getColumns().add(stateColumn());
        table.getColumns().add(column("Target", TrialRow::target, 140));
        table.getColumns().add(column("Where", TrialRow::where, 260));
        table.getColumns().add(column("Value", TrialRow::value, 90));
        table.getColumns().add(column("Rule", TrialRow::rule, 200));
        model.rowsProperty()
                .addListener(
                        (o, a, rows) -> table.setItems(FXCollections.observableArrayList(rows)));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(yaml, buttons, summary, problems, table);
    }

    private static TableColumn<TrialRow, String> column(
            String title, Function<TrialRow, String> value, double width) {
        TableColumn<TrialRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<TrialRow, TrialRow> stateColumn() {
        TableColumn<TrialRow, TrialRow> c = new TableColumn<>("State");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setPrefWidth(90);
        c.setCellFactory(
                col ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(TrialRow row, boolean empty) {
                                super.updateItem(row, empty);
                                if (empty || row == null) {
                                    setGraphic(null);
                                    return;
                                }
                                setGraphic(
                                        Severities.styled(
                                                new Label(row.state().name()),
                                                row.state(),
                                                "sev-badge"));
                            }
                        });
        return c;
    }

    public Node node() {
        return root;
    }
}
