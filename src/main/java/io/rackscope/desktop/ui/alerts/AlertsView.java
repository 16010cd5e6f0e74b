package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.HandleDialogs;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.history.HistoryView;
import io.rackscope.desktop.ui.history.HistoryViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The active incidents, worst and newest first; a click goes to where one is (its rack, room or
 * device), the ▸ button lists its members, a click on a member goes to it and highlights it.
 */
public final class AlertsView implements PlaceView {
    private final AlertsViewModel model;
    private final VBox root = new VBox(8);
    private final ListView<PanelRow> list = new ListView<>();
    private TabPane tabs;
    private HistoryView history;

    /** The side panel. */
    public AlertsView(AlertsViewModel model) {
        this(model, null, false);
    }

    /** The full page: the alert table, the Slurm tab (when Slurm is on) and the history. */
    public AlertsView(AlertsViewModel model, HistoryViewModel history) {
        this(model, history, true);
    }

    private AlertsView(AlertsViewModel model, HistoryViewModel history, boolean fullPage) {
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
        filter.textProperty().bindBidirectional(model.filterTextProperty());
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
        ToggleButton noData = new ToggleButton("No data");
        noData.getStyleClass().add("range-button");
        noData.setId("alert-no-data");
        noData.setMinWidth(Region.USE_PREF_SIZE);
        noData.setTooltip(
                new javafx.scene.control.Tooltip(
                        "Only nodes and devices none of whose checks has a sample"));
        model.noDataOnlyProperty().bind(noData.selectedProperty());
        HBox filters = new HBox(6, filter, critOnly, noData);
        filters.setAlignment(Pos.CENTER_LEFT);
        list.setId(fullPage ? "alerts-page" : "alerts-list");
        // rows never move under the pointer: new ones wait behind a bar until it leaves
        list.setOnMouseEntered(e -> model.hold("pointer", true));
        list.setOnMouseExited(e -> model.hold("pointer", false));
        Button waiting = new Button();
        waiting.setId("alerts-waiting");
        waiting.getStyleClass().add("waiting-bar");
        waiting.setMaxWidth(Double.MAX_VALUE);
        waiting.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    int n = model.waitingProperty().get();
                                    return n
                                            + (n == 1 ? " new incident" : " new incidents")
                                            + " · show";
                                },
                                model.waitingProperty()));
        waiting.visibleProperty().bind(model.waitingProperty().greaterThan(0));
        waiting.managedProperty().bind(waiting.visibleProperty());
        waiting.setOnAction(e -> model.showWaiting());
        list.setCellFactory(v -> new DrawnPanelCell(model, this::menuOf));
        Label none = new Label();
        none.setWrapText(true);
        none.textProperty().bind(model.emptyProperty());
        list.setPlaceholder(none);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getItems().setAll(model.rowsProperty().get());
        // the selected row stays selected where it still is when a new cycle comes
        model.rowsProperty()
                .addListener(
                        (o, a, rows) ->
                                io.rackscope.desktop.ui.Tables.setKeepingSelection(
                                        list, rows, AlertsView::rowKey));
        count.textProperty().bind(model.summaryProperty());
        list.setOnMouseClicked(
                e -> {
                    PanelRow row = list.getSelectionModel().getSelectedItem();
                    // a right-click opens the row's menu; it does not go anywhere
                    if (row != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                        model.open(row);
                    }
                });
        // → shows an incident's members, ← hides them, as a tree does (a filter: the list's own
        // handling of the arrows would move the focus out first)
        list.addEventFilter(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                e -> {
                    boolean right = e.getCode() == javafx.scene.input.KeyCode.RIGHT;
                    if ((right || e.getCode() == javafx.scene.input.KeyCode.LEFT)
                            && list.getSelectionModel().getSelectedItem() instanceof IncidentItem i
                            && i.members().size() > 1) {
                        if (right != model.expanded(i)) {
                            model.toggle(i);
                        }
                        e.consume();
                    }
                });
        list.setOnKeyPressed(
                e -> {
                    PanelRow row = list.getSelectionModel().getSelectedItem();
                    if (row == null) {
                        return;
                    }
                    if (new javafx.scene.input.KeyCodeCombination(
                                    javafx.scene.input.KeyCode.C,
                                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN)
                            .match(e)) {
                        idOf(row).ifPresent(io.rackscope.desktop.ui.HandleMenu::copy);
                    } else if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                        model.open(row);
                        e.consume();

                    } else if (e.getCode() == javafx.scene.input.KeyCode.CONTEXT_MENU
                            || e.getCode() == javafx.scene.input.KeyCode.F10 && e.isShiftDown()) {
                        // the selected row's menu, from the keyboard
                        for (javafx.scene.Node n : list.lookupAll(".list-cell")) {
                            if (n instanceof DrawnPanelCell c
                                    && c.getIndex() == list.getSelectionModel().getSelectedIndex()
                                    && c.getContextMenu() != null) {
                                c.getContextMenu().show(c, javafx.geometry.Side.BOTTOM, 24, 0);
                            }
                        }
                        e.consume();
                    }
                });
        if (fullPage) {
            AlertTable table = new AlertTable(model);
            VBox.setVgrow(table.node(), Priority.ALWAYS);
            Label problem = new Label();
            problem.getStyleClass().add("time-problem");
            problem.textProperty().bind(model.problemProperty());
            problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            VBox active = new VBox(6, problem, table.node());
            Tab activeTab = new Tab("Active", active);
            activeTab.setId("alerts-tab-active");
            TabPane tabs = new TabPane(activeTab);
            tabs.setId("alerts-tabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            if (model.slurmEnabled()) {
                Tab slurm = new Tab("Slurm", new SlurmAlertTable(model).node());
                slurm.setId("alerts-tab-slurm");
                slurm.textProperty()
                        .bind(
                                Bindings.createStringBinding(
                                        () -> "Slurm (" + model.slurmProperty().get().size() + ")",
                                        model.slurmProperty()));
                tabs.getTabs().add(slurm);
            }
            if (model.rulesEnabled()) {
                Tab rules = new Tab("Rules", new SiteAlertTable(model).node());
                rules.setId("alerts-tab-rules");
                rules.textProperty().bind(model.rulesTitleProperty());
                model.rulesShownProperty().bind(rules.selectedProperty());
                tabs.getTabs().add(rules);
            }
            HistoryView historyView = new HistoryView(history);
            Tab historyTab = new Tab("History", historyView.node());
            historyTab.setId("alerts-tab-history");
            historyTab
                    .selectedProperty()
                    .addListener(
                            (o, was, now) -> {
                                if (now) {
                                    history.refresh();
                                }
                            });
            tabs.getTabs().add(historyTab);
            this.history = historyView;
            VBox.setVgrow(tabs, Priority.ALWAYS);
            VBox.setVgrow(table.node(), Priority.ALWAYS);
            root.getChildren().addAll(head, filters, tabs);
            this.tabs = tabs;
        } else {
            root.getChildren().addAll(head, filters, waiting, list);
        }
    }

    /** The menu of a row: an incident's or a member's (none when the desk cannot handle). */
    private List<MenuItem> menuOf(PanelRow row) {
        if (!model.canHandle()) {
            return List.of();
        }
        return row instanceof IncidentItem i
                ? menu(i)
                : row instanceof AlertItem a ? List.of(memberMenu(a)) : List.of();
    }

    /** An incident's menu: acknowledge or release, maintenance. */
    private List<MenuItem> menu(IncidentItem i) {
        List<MenuItem> m = new ArrayList<>();
        String what = i.headline();
        if (i.handled() == null) {
            MenuItem ack = new MenuItem("Acknowledge…");
            ack.setOnAction(
                    e ->
                            held(() ->
                                            HandleDialogs.acknowledge(
                                                    root, what, model.operatorProperty()))
                                    .ifPresent(a -> model.acknowledge(i, a.text(), a.length())));
            m.add(ack);
        } else {
            MenuItem end =
                    new MenuItem(
                            i.handled().acknowledged()
                                    ? "Withdraw the acknowledgement"
                                    : "End the maintenance");
            end.setOnAction(e -> model.release(i));
            m.add(end);
        }
        MenuItem maintain = new MenuItem("Put under maintenance…");
        maintain.setOnAction(
                e ->
                        held(() -> HandleDialogs.maintain(root, what, model.operatorProperty()))
                                .ifPresent(
                                        a -> model.maintain(i, a.text(), a.effect(), a.length())));
        m.add(maintain);
        return m;
    }

    /** Runs a dialog opened from a row, the rows held while it is open. */
    private <T> java.util.Optional<T> held(
            java.util.function.Supplier<java.util.Optional<T>> dialog) {
        model.hold("dialog", true);
        try {
            return dialog.get();
        } finally {
            model.hold("dialog", false);
        }
    }

    private MenuItem memberMenu(AlertItem a) {
        MenuItem ack = new MenuItem("Acknowledge this alert…");
        ack.setOnAction(
                e ->
                        held(() ->
                                        HandleDialogs.acknowledge(
                                                root,
                                                a.checkName() + " on " + a.alert().entity(),
                                                model.operatorProperty()))
                                .ifPresent(x -> model.acknowledge(a, x.text(), x.length())));
        return ack;
    }

    /**
     * What makes a row the same row in the next cycle's list: an incident's id, a member's check
     * and entity, a heading's title.
     */
    private static Object rowKey(PanelRow row) {
        if (row instanceof IncidentItem i) {
            return i.incident().id();
        }
        return row instanceof AlertItem a ? List.of(a.alert().check(), a.alert().entity()) : row;
    }

    /** The full page's tabs (null in the panel). */
    public TabPane tabs() {
        return tabs;
    }

    /** The full page's history tab (null in the panel). */
    public HistoryView history() {
        return history;
    }

    public ListView<PanelRow> list() {
        return list;
    }

    @Override
    public Node node() {
        return root;
    }

    /** The page's relative times count with the desk's clock, as the side panel's do. */
    @Override
    public void tick() {
        model.tick();
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    /** The id Ctrl+C copies: an alert's entity, an incident's place. */
    static java.util.Optional<String> idOf(PanelRow row) {
        if (row instanceof AlertItem a) {
            return java.util.Optional.of(a.alert().entity());
        }
        return row instanceof IncidentItem i
                ? java.util.Optional.of(i.incident().place())
                : java.util.Optional.empty();
    }
}
