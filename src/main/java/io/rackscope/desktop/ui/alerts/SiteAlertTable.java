package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.ui.Tables;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The Rules tab: every alert of the site's own Prometheus rules, firing or pending, with where it
 * was placed or "Not placed" and its labels; a double click on a placed one opens it.
 */
final class SiteAlertTable {
    private final TableView<SiteAlertRow> table = new TableView<>();

    SiteAlertTable(AlertsViewModel model) {
        table.setId("alerts-rules");
        table.setPlaceholder(new Label("No alerting rule is firing or pending."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.severityColumn("Severity", SiteAlertRow::severity, 80));
        table.getColumns().add(Tables.textColumn("State", SiteAlertRow::state, 80));
        table.getColumns().add(Tables.textColumn("Alert", SiteAlertRow::name, 180));
        table.getColumns().add(Tables.textColumn("Placed on", SiteAlertRow::placed, 170));
        TableColumn<SiteAlertRow, String> labels =
                Tables.textColumn("Labels", SiteAlertRow::labels, 400);
        labels.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(String text, boolean empty) {
                                super.updateItem(text, empty);
                                setText(empty ? null : text);
                                setTooltip(empty || text == null ? null : new Tooltip(text));
                            }
                        });
        table.getColumns().add(labels);
        table.getItems().setAll(model.ruleAlertsProperty().get());
        model.ruleAlertsProperty()
                .addListener(
                        (o, a, list) ->
                                Tables.setKeepingSelection(
                                        table,
                                        table.getItems(),
                                        list,
                                        r -> r.name() + "\u0000" + r.labels()));
        table.setOnMouseClicked(
                e -> {
                    SiteAlertRow a = table.getSelectionModel().getSelectedItem();
                    if (a != null && e.getClickCount() == 2) {
                        model.open(a);
                    }
                });
    }

    Node node() {
        return table;
    }
}
