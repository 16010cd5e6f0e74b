package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.edit.MetricText;
import io.rackscope.desktop.ui.FieldForm;
import io.rackscope.desktop.ui.Tables;
import io.rackscope.desktop.ui.device.MetricChart;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The metrics tab of the library: the metrics with what lists them, and the one chosen as a form of
 * its keys and of its display block beside its YAML; Preview draws its chart from the real
 * Prometheus for a node or rack chosen, as the text stands.
 */
final class MetricEditorView {
    private final MetricEditorViewModel model;
    private MetricChart chart;

    MetricEditorView(MetricEditorViewModel model) {
        this.model = model;
    }

    Tab tab(String select) {
        TableView<MetricEditorViewModel.Row> table = new TableView<>();
        table.getColumns().add(Tables.textColumn("Id", MetricEditorViewModel.Row::id, 150));
        table.getColumns().add(Tables.textColumn("Name", MetricEditorViewModel.Row::name, 150));
        table.getColumns().add(Tables.textColumn("Unit", MetricEditorViewModel.Row::unit, 50));
        table.getColumns().add(Tables.textColumn("Used by", MetricEditorViewModel.Row::uses, 60));
        table.getItems().setAll(model.rows());
        Tab preview = new Tab("Chart", preview());
        preview.setId("metric-preview-tab");
        return ItemEditorFrame.tab(
                model,
                new ItemEditorFrame.Parts<>(
                        "metric",
                        "metric",
                        true,
                        "Metrics",
                        table,
                        MetricEditorViewModel.Row::id,
                        MetricEditorViewModel.Row::usedBy,
                        List.of(
                                new Tab("Form", form(MetricText.METRIC)),
                                new Tab("Display", form(MetricText.DISPLAY)),
                                preview),
                        List.of()),
                select);
    }

    /** Stops the chart previewed (it asks Prometheus on a timer). */
    void dispose() {
        if (chart != null) {
            chart.stop();
            chart = null;
        }
    }

    private Node form(String group) {
        ScrollPane scroll =
                new ScrollPane(
                        FieldForm.grid(
                                model.fields(group),
                                s -> FieldForm.control(s, model.value(s.path()), "metric")));
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node preview() {
        ComboBox<String> entity = new ComboBox<>();
        entity.setId("metric-entity");
        entity.setEditable(true);
        entity.setPrefWidth(260);
        entity.valueProperty().bindBidirectional(model.entityProperty());
        entity.setOnShowing(e -> entity.getItems().setAll(model.entities()));
        Button draw = new Button("Preview");
        draw.setId("metric-preview");
        draw.setTooltip(new Tooltip("Ask Prometheus for this text's chart (applied or not)"));
        draw.disableProperty().bind(model.problemProperty().isNotEmpty());
        draw.setOnAction(e -> model.preview());
        Label what = new Label("The chart as the text stands, from the real Prometheus");
        what.getStyleClass().add("muted");
        StackPane area = new StackPane();
        area.setId("metric-chart");
        area.setMinHeight(260);
        model.previewProperty()
                .addListener(
                        (o, a, m) -> {
                            if (chart != null) {
                                chart.stop();
                            }
                            chart = m == null ? null : new MetricChart(m);
                            area.getChildren()
                                    .setAll(chart == null ? List.of() : List.of(chart.node()));
                            if (chart != null) {
                                chart.start();
                            }
                        });
        Label label = new Label("Entity");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        draw.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, label, entity, draw, what);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        BorderPane pane = new BorderPane(area);
        pane.setTop(new VBox(8, bar));
        pane.setPadding(new Insets(10));
        return pane;
    }
}
