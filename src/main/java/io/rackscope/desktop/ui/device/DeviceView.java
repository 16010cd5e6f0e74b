package io.rackscope.desktop.ui.device;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HandleMenu;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Subscriptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A device: one tab per instance with every check that applies (state, value, since) and its metric
 * charts.
 */
public final class DeviceView implements PlaceView {
    private final DeviceViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<Tab, List<MetricChart>> charts = new HashMap<>();
    private final Map<Tab, String> entityOf = new HashMap<>();
    private static final double CHART_GAP = 12;
    private final Map<String, FlowPane> chartPanes = new HashMap<>();
    private final Subscriptions subscriptions = new Subscriptions();
    private final List<TableView<CheckRow>> checkTables = new java.util.ArrayList<>();

    public DeviceView(DeviceViewModel model, String highlight) {
        this.model = model;
        root.getStyleClass().add("content");
        Label title = new Label(model.title());
        title.getStyleClass().add("title");
        Label state = Severities.styled(new Label(), Severity.UNKNOWN, "sev-badge");
        Label facts = new Label(model.facts());
        facts.getStyleClass().add("muted");
        HBox header = new HBox(10, title, state, facts);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(header);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("instance-tabs");
        for (String entity : model.entities()) {
            Tab tab = new Tab(model.seriesId(entity));
            tab.setId("tab-" + entity);
            entityOf.put(tab, entity);
            tab.setContent(instancePane(entity));
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (o, old, now) -> {
                            if (old != null) {
                                charts.getOrDefault(old, List.of()).forEach(MetricChart::stop);
                            }
                            if (now != null) {
                                startCharts(now);
                            }
                        });
        tabs.getTabs().stream()
                .filter(t -> entityOf.get(t).equals(highlight))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        startCharts(tabs.getSelectionModel().getSelectedItem());
        root.setCenter(tabs);
        subscriptions.onInvalidate(model.revisionProperty(), o -> paintTabs(state));
        paintTabs(state);
    }

    private void paintTabs(Label state) {
        Map<String, Severity> states = model.states();
        Severity worst = model.state();
        Severities.apply(state, worst);
        state.setText(worst.name());
        for (Tab t : tabs.getTabs()) {
            Label dot =
                    Severities.styled(
                            new Label(),
                            states.getOrDefault(entityOf.get(t), Severity.UNKNOWN),
                            "sev-badge");
            dot.setText(
                    states.getOrDefault(entityOf.get(t), Severity.UNKNOWN).name().substring(0, 1));
            Handled handled = model.handled(entityOf.get(t));
            dot.pseudoClassStateChanged(Severities.HANDLED, handled != null);
            t.setTooltip(
                    handled == null
                            ? null
                            : new Tooltip(
                                    (handled.acknowledged()
                                                    ? "Acknowledged by "
                                                    : "Maintenance by ")
                                            + handled.by()
                                            + (handled.text().isBlank()
                                                    ? ""
                                                    : ": " + handled.text())));
            t.setGraphic(dot);
            String entity = entityOf.get(t);
            boolean device = entity.equals(model.device().key());
            // rebuilt with the states: what can be acknowledged changes with them
            t.setContextMenu(
                    HandleMenu.of(
                            tabs,
                            model.handling(),
                            (device ? "device " : "node ") + model.seriesId(entity),
                            new Target(device ? Target.Type.DEVICE : Target.Type.INSTANCE, entity),
                            a -> entity.equals(a.entity())));
        }
    }

    private void startCharts(Tab tab) {
        if (tab == null) {
            return;
        }
        charts.computeIfAbsent(
                        tab,
                        t -> {
                            List<MetricChart> list = new ArrayList<>();
                            FlowPane pane = chartPanes.get(entityOf.get(t));
                            for (MetricChartViewModel m : model.charts(entityOf.get(t))) {
                                MetricChart c = new MetricChart(m);
                                list.add(c);
                                c.node()
                                        .prefWidthProperty()
                                        .bind(
                                                Bindings.createDoubleBinding(
                                                        () -> chartWidth(pane.getWidth()),
                                                        pane.widthProperty()));
                                pane.getChildren().add(c.node());
                            }
                            if (list.isEmpty()) {
                                pane.getChildren()
                                        .add(
                                                new Label(
                                                        "No metric definitions for this device's template."));
                            }
                            return list;
                        })
                .forEach(MetricChart::start);
    }

    /** Charts use the width there is: two side by side from 1000 px, else one across. */
    static double chartWidth(double paneWidth) {
        double w = paneWidth >= 1000 ? (paneWidth - CHART_GAP) / 2 : paneWidth;
        return Math.max(MetricChart.MIN_WIDTH, Math.floor(w) - 1);
    }

    private Node instancePane(String entity) {
        TableView<CheckRow> table = new TableView<>();
        checkTables.add(table);
        table.setId("checks-" + entity);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(Math.min(360, 34 + 30 * Math.max(3, model.checkCount())));
        TableColumn<CheckRow, CheckRow> stateCol = column("State", 90);
        stateCol.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(CheckRow r, boolean empty) {
                                super.updateItem(r, empty);
                                if (empty || r == null) {
                                    setGraphic(null);
                                    return;
                                }
                                Label l =
                                        Severities.styled(
                                                new Label(
                                                        r.severity().name()
                                                                + (r.stale() ? " (stale)" : "")),
                                                r.severity(),
                                                "sev-badge");
                                setGraphic(l);
                            }
                        });
        TableColumn<CheckRow, CheckRow> nameCol = column("Check", 240);
        nameCol.setCellFactory(c -> text(r -> r.name() + "  (" + r.checkId() + ")"));
        TableColumn<CheckRow, CheckRow> valueCol = column("Value", 110);
        // an UNKNOWN row says why instead of a bare dash
        valueCol.setCellFactory(
                c ->
                        text(
                                r ->
                                        Double.isNaN(r.value()) && !r.why().isEmpty()
                                                ? r.why()
                                                : Formats.value(r.value())));
        TableColumn<CheckRow, CheckRow> sinceCol = column("Since", 140);
        sinceCol.setCellFactory(
                c ->
                        text(
                                r ->
                                        r.severity() == Severity.OK || r.since() == null
                                                ? ""
                                                : Formats.ago(r.since(), model.now())));
        TableColumn<CheckRow, CheckRow> forecastCol = column("Forecast", 260);
        forecastCol.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(CheckRow r, boolean empty) {
                                super.updateItem(r, empty);
                                String text = empty || r == null ? "" : r.forecast();
                                setText(text);
                                setTooltip(text.isEmpty() ? null : new Tooltip(text));
                            }
                        });
        table.getColumns().setAll(List.of(stateCol, nameCol, valueCol, sinceCol, forecastCol));
        table.getItems().setAll(model.rows(entity).get());
        model.rows(entity).addListener((o, a, rows) -> table.getItems().setAll(rows));
        FlowPane chartPane = new FlowPane(CHART_GAP, CHART_GAP);
        chartPane.setId("charts-" + entity);
        chartPanes.put(entity, chartPane);
        Label checksTitle = new Label("Checks");
        checksTitle.getStyleClass().add("subtitle");
        Label chartsTitle = new Label("Metrics");
        chartsTitle.getStyleClass().add("subtitle");
        VBox box = new VBox(8, checksTitle, table, chartsTitle, chartPane);
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static TableColumn<CheckRow, CheckRow> column(String title, double width) {
        TableColumn<CheckRow, CheckRow> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        return c;
    }

    private static TableCell<CheckRow, CheckRow> text(Function<CheckRow, String> f) {
        return new TableCell<>() {
            @Override
            protected void updateItem(CheckRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : f.apply(r));
            }
        };
    }

    @Override
    public Node node() {
        return root;
    }

    public DeviceViewModel model() {
        return model;
    }

    /** The Since column counts with the desk's clock. */
    @Override
    public void tick() {
        checkTables.forEach(TableView::refresh);
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        charts.values().forEach(l -> l.forEach(MetricChart::stop));
        model.dispose();
    }
}
