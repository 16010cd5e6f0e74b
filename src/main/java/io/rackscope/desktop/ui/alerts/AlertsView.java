package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HandleDialogs;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.history.HistoryView;
import io.rackscope.desktop.ui.history.HistoryViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseEvent;
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
    private final double textWidth;
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
        this.textWidth = fullPage ? 900 : 205;
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
        list.setCellFactory(v -> new RowCell());
        Label none = new Label();
        none.setWrapText(true);
        none.textProperty().bind(model.emptyProperty());
        list.setPlaceholder(none);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getItems().setAll(model.rowsProperty().get());
        model.rowsProperty().addListener((o, a, rows) -> list.getItems().setAll(rows));
        count.textProperty().bind(model.summaryProperty());
        list.setOnMouseClicked(
                e -> {
                    PanelRow row = list.getSelectionModel().getSelectedItem();
                    // a right-click opens the row's menu; it does not go anywhere
                    if (row != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                        model.open(row);
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
                            if (n instanceof RowCell c
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

    private final class RowCell extends ListCell<PanelRow> {
        // one button per cell, not per update: a control with a tooltip per row and cycle piles up
        private final Button more = new Button();
        private IncidentItem shown;
        private Label since;

        RowCell() {
            // the since line counts with the desk's clock, not only when a snapshot comes
            model.secondProperty()
                    .addListener(
                            o -> {
                                if (since != null && shown != null && getItem() == shown) {
                                    since.setText(model.sinceText(shown) + flapping(shown));
                                }
                            });
            more.getStyleClass().add("nav-button");
            more.setAccessibleText("Show or hide the members");
            more.setOnAction(
                    e -> {
                        if (shown != null) {
                            model.toggle(shown);
                        }
                    });
            more.addEventFilter(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        }

        @Override
        protected void updateItem(PanelRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setContextMenu(
                    empty || !model.canHandle()
                            ? null
                            : item instanceof IncidentItem i
                                    ? menu(i)
                                    : item instanceof AlertItem a ? memberMenu(a) : null);
            if (empty || item == null) {
                setGraphic(null);
            } else if (item instanceof IncidentItem i) {
                setGraphic(incident(i));
            } else if (item instanceof AlertItem a) {
                setGraphic(member(a));
            } else if (item instanceof SectionRow h) {
                Label title = new Label(h.title());
                title.getStyleClass().add("panel-section");
                setGraphic(title);
            }
        }

        private Node incident(IncidentItem item) {
            Label sev = badge(item.severity());
            Label headline = new Label(item.headline());
            headline.setWrapText(true);
            headline.setMaxWidth(textWidth);
            VBox text = new VBox(1, headline);
            if (item.incident().grouped()) {
                Label checks = new Label(item.checks());
                checks.setWrapText(true);
                checks.setMaxWidth(textWidth);
                text.getChildren().add(checks);
            }
            Label where = new Label(item.incident().path());
            where.getStyleClass().add("faint");
            where.setWrapText(true);
            where.setMaxWidth(textWidth);
            Label since = new Label(model.sinceText(item) + flapping(item));
            since.getStyleClass().add("faint");
            this.since = since;
            text.getChildren().addAll(where, since);
            if (item.unanswered()) {
                Label unanswered = new Label(model.unansweredText());
                unanswered.getStyleClass().add("unanswered-note");
                unanswered.setWrapText(true);
                unanswered.setMaxWidth(textWidth);
                text.getChildren().add(unanswered);
            }
            if (item.handled() != null) {
                Label handled = new Label(model.handledText(item.handled()));
                handled.getStyleClass().add("handled-note");
                handled.setWrapText(true);
                handled.setMaxWidth(textWidth);
                text.getChildren().add(handled);
            }
            HBox row = new HBox(8, sev, text);
            if (item.handled() != null) {
                row.getStyleClass().add("handled");
            }
            shown = item;
            if (item.members().size() > 1) {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                more.setText((model.expanded(item) ? "▾ " : "▸ ") + item.members().size());
                row.getChildren().addAll(spacer, more);
            }
            row.getStyleClass().add("alert-row");
            return row;
        }

        private Node member(AlertItem item) {
            Label check =
                    new Label(
                            item.checkName()
                                    + (item.alert().noData()
                                            ? " · " + model.noSampleSince(item.since())
                                            : "")
                                    + (Double.isNaN(item.alert().value())
                                            ? ""
                                            : " = " + Formats.value(item.alert().value()))
                                    + (item.alert().stale() ? "  (stale)" : ""));
            Label where = new Label(item.alert().entity());
            where.getStyleClass().add("faint");
            VBox text = new VBox(1, check, where);
            String tag = model.memberTag(item);
            if (!tag.isEmpty()) {
                Label handled = new Label(tag);
                handled.getStyleClass().add("handled-note");
                text.getChildren().add(handled);
            }
            HBox row = new HBox(8, badge(item.alert().severity()), text);
            row.setPadding(new Insets(0, 0, 0, 24));
            row.getStyleClass().add("alert-member");
            return row;
        }

        private ContextMenu menu(IncidentItem i) {
            ContextMenu m = new ContextMenu();
            String what = i.headline();
            if (i.handled() == null) {
                MenuItem ack = new MenuItem("Acknowledge…");
                ack.setOnAction(
                        e ->
                                held(() ->
                                                HandleDialogs.acknowledge(
                                                        root, what, model.operatorProperty()))
                                        .ifPresent(
                                                a -> model.acknowledge(i, a.text(), a.length())));
                m.getItems().add(ack);
            } else {
                MenuItem end =
                        new MenuItem(
                                i.handled().acknowledged()
                                        ? "Withdraw the acknowledgement"
                                        : "End the maintenance");
                end.setOnAction(e -> model.release(i));
                m.getItems().add(end);
            }
            MenuItem maintain = new MenuItem("Put under maintenance…");
            maintain.setOnAction(
                    e ->
                            held(() -> HandleDialogs.maintain(root, what, model.operatorProperty()))
                                    .ifPresent(
                                            a ->
                                                    model.maintain(
                                                            i, a.text(), a.effect(), a.length())));
            m.getItems().add(maintain);
            return holding(m);
        }

        /** {@code m}, holding the rows while it is open. */
        private ContextMenu holding(ContextMenu m) {
            m.setOnShowing(e -> model.hold("menu", true));
            m.setOnHidden(e -> model.hold("menu", false));
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

        private ContextMenu memberMenu(AlertItem a) {
            MenuItem ack = new MenuItem("Acknowledge this alert…");
            ack.setOnAction(
                    e ->
                            held(() ->
                                            HandleDialogs.acknowledge(
                                                    root,
                                                    a.checkName() + " on " + a.alert().entity(),
                                                    model.operatorProperty()))
                                    .ifPresent(x -> model.acknowledge(a, x.text(), x.length())));
            return holding(new ContextMenu(ack));
        }

        private Label badge(Severity s) {
            Label sev = Severities.styled(new Label(s.name()), s, "sev-badge");
            sev.setMinWidth(48);
            return sev;
        }

        private String flapping(IncidentItem item) {
            return item.incident().flapping()
                    ? " · flapping (" + item.incident().transitions() + " changes)"
                    : "";
        }
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
