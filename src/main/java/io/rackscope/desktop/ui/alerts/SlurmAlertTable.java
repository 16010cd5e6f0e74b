package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Tables;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Slurm tab: nodes Slurm reports down, drained or not responding; a double click opens one. */
final class SlurmAlertTable {
    private final TableView<SlurmAlert> table = new TableView<>();

    SlurmAlertTable(AlertsViewModel model) {
        table.setId("alerts-slurm");
        table.setPlaceholder(new Label("No Slurm node is down, drained or not responding."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SlurmAlert, SlurmAlert> state = new TableColumn<>("State");
        state.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        state.setComparator((a, b) -> a.state().compareTo(b.state()));
        state.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(SlurmAlert a, boolean empty) {
                                super.updateItem(a, empty);
                                setGraphic(
                                        empty || a == null
                                                ? null
                                                : Severities.styled(
                                                        new Label(a.state().name()),
                                                        a.state() == SlurmState.CRIT
                                                                ? Severity.CRIT
                                                                : Severity.WARN,
                                                        "sev-badge"));
                            }
                        });
        state.setPrefWidth(80);
        table.getColumns().add(state);
        table.getColumns().add(Tables.textColumn("Slurm node", SlurmAlert::node, 130));
        table.getColumns().add(Tables.textColumn("Instance", SlurmAlert::instance, 130));
        table.getColumns().add(Tables.textColumn("Status", SlurmAlert::status, 130));
        table.getColumns().add(Tables.textColumn("Partitions", SlurmAlert::partitions, 150));
        table.getColumns().add(Tables.textColumn("Rack", SlurmAlert::rack, 110));
        table.getColumns().add(Tables.textColumn("Room", SlurmAlert::room, 110));
        table.getColumns().add(Tables.textColumn("Site", SlurmAlert::site, 70));
        table.getItems().setAll(model.slurmProperty().get());
        model.slurmProperty()
                .addListener(
                        (o, a, list) ->
                                Tables.setKeepingSelection(
                                        table, table.getItems(), list, SlurmAlert::node));
        table.setOnMouseClicked(
                e -> {
                    SlurmAlert a = table.getSelectionModel().getSelectedItem();
                    if (a != null && e.getClickCount() == 2) {
                        model.open(a);
                    }
                });
    }

    Node node() {
        return table;
    }
}
