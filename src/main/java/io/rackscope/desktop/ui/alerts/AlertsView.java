package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The list of active alerts; a click goes to where the alert is and highlights it. */
public final class AlertsView implements PlaceView {
    private final AlertsViewModel model;
    private final VBox root = new VBox(8);
    private final ListView<AlertItem> list = new ListView<>();

    public AlertsView(AlertsViewModel model, boolean fullPage) {
        this.model = model;
        root.getStyleClass().add(fullPage ? "content" : "alerts-panel");
        Label title = new Label("Alerts");
        title.getStyleClass().add("subtitle");
        Label count = new Label();
        count.getStyleClass().add("faint");
        TextField filter = new TextField();
        filter.setId("alert-filter");
        filter.setPromptText("Filter alerts");
        filter.getStyleClass().add("search-field");
        filter.setPrefWidth(160);
        model.filterTextProperty().bind(filter.textProperty());
        ToggleButton critOnly = new ToggleButton("CRIT");
        critOnly.getStyleClass().add("range-button");
        critOnly.setId("alert-crit-only");
        critOnly.setMinWidth(52);
        model.minimumProperty()
                .bind(
                        Bindings.when(critOnly.selectedProperty())
                                .then(Severity.CRIT)
                                .otherwise(Severity.WARN));
        HBox head = new HBox(8, title, count);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox filters = new HBox(6, filter, critOnly);
        filters.setAlignment(Pos.CENTER_LEFT);
        list.setId(fullPage ? "alerts-page" : "alerts-list");
        list.setCellFactory(v -> new AlertCell());
        list.setPlaceholder(new Label("No active WARN or CRIT alerts."));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getItems().setAll(model.itemsProperty().get());
        model.itemsProperty().addListener((o, a, items) -> list.getItems().setAll(items));
        count.textProperty().bind(Bindings.size(list.getItems()).asString("%d active"));
        list.setOnMouseClicked(
                e -> {
                    AlertItem item = list.getSelectionModel().getSelectedItem();
                    if (item != null) {
                        model.open(item);
                    }
                });
        root.getChildren().addAll(head, filters, list);
    }

    private final class AlertCell extends ListCell<AlertItem> {
        @Override
        protected void updateItem(AlertItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label sev =
                    Severities.styled(
                            new Label(item.alert().severity().name()),
                            item.alert().severity(),
                            "sev-badge");
            sev.setMinWidth(48);
            Label check =
                    new Label(
                            item.checkName()
                                    + (Double.isNaN(item.alert().value())
                                            ? ""
                                            : " = " + Formats.value(item.alert().value()))
                                    + (item.alert().stale() ? "  (stale)" : ""));
            Label where = new Label(item.alert().path());
            where.getStyleClass().add("faint");
            where.setWrapText(true);
            where.setMaxWidth(270);
            Label since =
                    new Label(
                            item.since() == null
                                    ? "active at this moment (start not known)"
                                    : Formats.ago(item.since(), model.now()));
            since.getStyleClass().add("faint");
            VBox text = new VBox(1, check, where, since);
            HBox row = new HBox(8, sev, text);
            row.getStyleClass().add("alert-row");
            setGraphic(row);
        }
    }

    public ListView<AlertItem> list() {
        return list;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
    }
}
