package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HandleDialogs;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.history.HistoryView;
import io.rackscope.desktop.ui.history.HistoryViewModel;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A row of the panel. Its nodes are made once per cell and given each row in turn, and stay in
     * the cell, shown or hidden: nodes made (or put back) at an update are styled from scratch, and
     * that was most of a frame when a thousand alerts came or went.
     */
    private final class RowCell extends ListCell<PanelRow> {
        // one button per cell, not per update: a control with a tooltip per row and cycle piles up
        private final Button more = new Button();
        private final IncidentRow incident = new IncidentRow();
        // made when the cell first shows one (most cells only ever show incidents)
        private MemberRow member;
        private Label section;
        private final javafx.scene.layout.StackPane holder =
                new javafx.scene.layout.StackPane(incident.row);
        // one menu per cell, given its row's items (items are no nodes: cheap to make)
        private final ContextMenu rowMenu = new ContextMenu();
        private IncidentItem shown;

        RowCell() {
            // the since line counts with the desk's clock, not only when a snapshot comes
            model.secondProperty()
                    .addListener(
                            o -> {
                                if (shown != null && getItem() == shown) {
                                    incident.since.setText(
                                            model.sinceText(shown) + flapping(shown));
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
            holder.setAlignment(Pos.CENTER_LEFT);
            show(null);
            setGraphic(holder);
            rowMenu.setOnShowing(e -> model.hold("menu", true));
            rowMenu.setOnHidden(e -> model.hold("menu", false));
        }

        @Override
        protected void updateItem(PanelRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            shown = null;
            List<MenuItem> items =
                    empty || !model.canHandle()
                            ? List.of()
                            : item instanceof IncidentItem i
                                    ? menu(i)
                                    : item instanceof AlertItem a
                                            ? List.of(memberMenu(a))
                                            : List.of();
            rowMenu.getItems().setAll(items);
            setContextMenu(items.isEmpty() ? null : rowMenu);
            if (empty || item == null) {
                show(null);
            } else if (item instanceof IncidentItem i) {
                shown = i;
                show(incident.show(i));
            } else if (item instanceof AlertItem a) {
                if (member == null) {
                    member = new MemberRow();
                    holder.getChildren().add(member.row);
                }
                show(member.show(a));
            } else if (item instanceof SectionRow h) {
                if (section == null) {
                    section = new Label();
                    section.getStyleClass().add("panel-section");
                    holder.getChildren().add(section);
                }
                section.setText(h.title());
                show(section);
            }
        }

        /** Shows {@code one} of the holder's nodes (none: null), the others out of the layout. */
        private void show(Node one) {
            for (Node n : holder.getChildren()) {
                n.setVisible(n == one);
                n.setManaged(n == one);
            }
        }

        /** An incident: its badge, headline, checks when grouped, place, since and notes. */
        private final class IncidentRow {
            final Label sev = badge();
            final Label headline = wrapped(null);
            final Label checks = wrapped(null);
            final Label where = wrapped("faint");
            final Label since = new Label();
            final Label unanswered = wrapped("unanswered-note");
            final Label handled = wrapped("handled-note");
            final VBox text = new VBox(1);
            final Region spacer = new Region();
            final HBox row = new HBox(8, sev, text);

            IncidentRow() {
                since.getStyleClass().add("faint");
                HBox.setHgrow(spacer, Priority.ALWAYS);
                row.getStyleClass().add("alert-row");
            }

            Node show(IncidentItem item) {
                Severities.apply(sev, item.severity());
                sev.setText(item.severity().name());
                headline.setText(item.headline());
                where.setText(item.incident().path());
                since.setText(model.sinceText(item) + flapping(item));
                List<Node> lines = new ArrayList<>(List.of(headline));
                if (item.incident().grouped()) {
                    checks.setText(item.checks());
                    lines.add(checks);
                }
                lines.add(where);
                lines.add(since);
                if (item.unanswered()) {
                    unanswered.setText(model.unansweredText());
                    lines.add(unanswered);
                }
                if (item.handled() != null) {
                    handled.setText(model.handledText(item.handled()));
                    lines.add(handled);
                }
                setIfOther(text.getChildren(), lines);
                row.pseudoClassStateChanged(Severities.HANDLED, item.handled() != null);
                List<Node> parts = new ArrayList<>(List.of(sev, text));
                if (item.members().size() > 1) {
                    more.setText((model.expanded(item) ? "▾ " : "▸ ") + item.members().size());
                    parts.add(spacer);
                    parts.add(more);
                }
                setIfOther(row.getChildren(), parts);
                return row;
            }

            private Label wrapped(String styleClass) {
                Label l = new Label();
                l.setWrapText(true);
                l.setMaxWidth(textWidth);
                if (styleClass != null) {
                    l.getStyleClass().add(styleClass);
                }
                return l;
            }
        }

        /** One alert of an expanded incident: its badge, check and value, entity and note. */
        private final class MemberRow {
            final Label sev = badge();
            final Label check = new Label();
            final Label where = new Label();
            final Label handled = new Label();
            final VBox text = new VBox(1);
            final HBox row = new HBox(8, sev, text);

            MemberRow() {
                where.getStyleClass().add("faint");
                handled.getStyleClass().add("handled-note");
                row.setPadding(new Insets(0, 0, 0, 24));
                row.getStyleClass().add("alert-member");
            }

            Node show(AlertItem item) {
                Severities.apply(sev, item.alert().severity());
                sev.setText(item.alert().severity().name());
                check.setText(
                        item.checkName()
                                + (item.alert().noData()
                                        ? " · " + model.noSampleSince(item.since())
                                        : "")
                                + (Double.isNaN(item.alert().value())
                                        ? ""
                                        : " = " + Formats.value(item.alert().value()))
                                + (item.alert().stale() ? "  (stale)" : ""));
                where.setText(item.alert().entity());
                String tag = model.memberTag(item);
                handled.setText(tag);
                setIfOther(
                        text.getChildren(),
                        tag.isEmpty() ? List.of(check, where) : List.of(check, where, handled));
                return row;
            }
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
                                        .ifPresent(
                                                a -> model.acknowledge(i, a.text(), a.length())));
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
                                            a ->
                                                    model.maintain(
                                                            i, a.text(), a.effect(), a.length())));
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

        private Label badge() {
            Label sev = Severities.styled(new Label(), Severity.UNKNOWN, "sev-badge");
            // as wide as the widest of CRIT and WARN, so that the rows' text starts in one column
            sev.setMinWidth(52);
            sev.setAlignment(Pos.CENTER);
            return sev;
        }

        /** {@code children} made {@code wanted}, left alone when they already are. */
        private static void setIfOther(
                javafx.collections.ObservableList<Node> children, List<Node> wanted) {
            if (!children.equals(wanted)) {
                children.setAll(wanted);
            }
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
