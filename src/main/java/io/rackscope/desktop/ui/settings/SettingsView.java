package io.rackscope.desktop.ui.settings;

import io.rackscope.desktop.edit.SettingsCatalog;
import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.ui.FieldForm;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Tables;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The settings of app.yaml in tabs by group: each setting with its control, its default (shown when
 * it is not set) and what it does; Test connection under Telemetry and Alertmanager; in Edit mode
 * Apply and Revert.
 */
public final class SettingsView implements PlaceView {
    private final BorderPane root = new BorderPane();
    private final SettingsViewModel model;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        root.getStyleClass().add("content");
        root.setId("settings");
        Label title = new Label("Settings");
        title.getStyleClass().add("title");
        Label where =
                new Label(
                        "app.yaml and plugins/slurm: only the settings changed are written, every"
                                + " other line stays as it is");
        where.getStyleClass().add("muted");
        VBox top = new VBox(2, title, where);
        BorderPane.setMargin(top, new Insets(0, 0, 10, 0));
        root.setTop(top);
        TabPane tabs = new TabPane();
        tabs.setId("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (String group : model.groups()) {
            tabs.getTabs().add(new Tab(group, group(group)));
        }
        root.setCenter(tabs);
        root.setBottom(actions());
        root.disableProperty().bind(model.loadedProperty().not());
        model.load();
    }

    private Node group(String group) {
        GridPane g = FieldForm.grid(model.settings(group), this::control);
        VBox box = new VBox(10, g);
        if (group.equals(SettingsViewModel.SLURM)) {
            box.getChildren().add(mapping());
        } else if (group.equals(SettingsViewModel.LINKS)) {
            box.getChildren().setAll(links());
        } else if (group.equals("Kiosk")) {
            box.getChildren().add(playlist());
        } else if (model.testable(group)) {
            // above the settings: its answer in sight wherever the form is scrolled to
            box.getChildren().add(0, test(group));
        }
        if (group.equals(SettingsCatalog.TELEMETRY)) {
            box.getChildren().add(sites());
            if (!model.overrideNotice().isEmpty()) {
                Label notice = new Label(model.overrideNotice());
                notice.setId("settings-override");
                notice.setWrapText(true);
                notice.setPadding(new Insets(10, 10, 0, 10));
                box.getChildren().add(0, notice);
            }
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node control(Setting s) {
        javafx.scene.control.Control c = FieldForm.control(s, model.value(s), "setting");
        if (s.type() != SettingsCatalog.Type.SECRET) {
            return c;
        }
        Button clear = new Button("Remove");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(
                e -> {
                    model.clearSecret(s.path());
                    ((PasswordField) c).setPromptText("not set");
                });
        model.loadedProperty()
                .addListener(
                        (o, a, b) -> {
                            boolean set = model.secretSet(s.path());
                            ((PasswordField) c)
                                    .setPromptText(set ? "set: type to replace it" : "not set");
                            clear.setDisable(!set);
                        });
        HBox row = new HBox(6, c, clear);
        HBox.setHgrow(c, Priority.ALWAYS);
        return row;
    }

    /** The Slurm node mapping as a table of entries, and its check against Prometheus. */
    private Node mapping() {
        Label title = new Label("Node mapping: Slurm node name or pattern → node of the topology");
        title.getStyleClass().add("subtitle");
        TableView<SettingsViewModel.MappingRow> table =
                Tables.editable(
                        "slurm-mapping",
                        model.mapping(),
                        List.of(
                                Tables.editableColumn(
                                        "Slurm (e.g. nwc[0001-1240])",
                                        (SettingsViewModel.MappingRow r) -> r.slurm),
                                Tables.editableColumn(
                                        "Topology (e.g. cn[0001-1240])",
                                        (SettingsViewModel.MappingRow r) -> r.instance)),
                        200);
        Button add = new Button("Add an entry");
        add.setId("slurm-mapping-add");
        add.setOnAction(e -> model.addMapping());
        Button remove = Tables.removeButton(table, table.getItems()::remove);
        Button check = new Button("Check the mapping");
        check.setId("settings-test-slurm");
        check.disableProperty().bind(model.testingProperty());
        check.setOnAction(e -> model.checkMapping());
        Label result = answer("settings-result-slurm", model.testProperty(SettingsViewModel.SLURM));
        Label how =
                new Label(
                        "Names without an entry are taken as nodes of the topology. The check asks"
                                + " the Prometheus of the Telemetry tab for the Slurm nodes it knows.");
        how.getStyleClass().add("muted");
        how.setWrapText(true);
        VBox box = new VBox(6, title, how, table, new HBox(8, add, remove, check), result);
        box.setPadding(new Insets(0, 10, 10, 10));
        return box;
    }

    /** Each site's own Prometheus (telemetry.sites), tried one at a time. */
    private Node sites() {
        Label title = new Label("Per site: its own Prometheus (empty: the one above)");
        title.getStyleClass().add("subtitle");
        TableView<SettingsViewModel.SiteRow> table = new TableView<>(model.sites());
        table.setId("settings-sites");
        table.setEditable(true);
        table.setPrefHeight(150);
        TableColumn<SettingsViewModel.SiteRow, String> site = new TableColumn<>("Site");
        site.setCellValueFactory(
                f -> new javafx.beans.property.ReadOnlyStringWrapper(f.getValue().site));
        site.setEditable(false);
        table.getColumns().add(site);
        table.getColumns()
                .add(
                        Tables.editableColumn(
                                "Prometheus URL (telemetry.sites.SITE.prometheus_url)",
                                (SettingsViewModel.SiteRow r) -> r.url));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button test = new Button("Test this site's Prometheus");
        test.setId("settings-test-site");
        test.disableProperty()
                .bind(
                        table.getSelectionModel()
                                .selectedItemProperty()
                                .isNull()
                                .or(model.testingProperty()));
        test.setOnAction(e -> model.testSite(table.getSelectionModel().getSelectedItem()));
        Label how =
                new Label(
                        "With the site's own credentials and TLS where telemetry.sites gives them,"
                                + " else those above; its answer shows at the top of the tab.");
        how.getStyleClass().add("muted");
        VBox box = new VBox(6, title, table, new HBox(8, test, how));
        box.setPadding(new Insets(0, 10, 10, 10));
        return box;
    }

    /** The links offered for an entity, edited as a table, and one entity's filled in. */
    private Node links() {
        Label how =
                new Label(
                        "Each link is offered on an entity whose names fill its placeholders:"
                                + " {instance}, {device}, {rack}, {room}, {site}, {aisle}, {id}.");
        how.getStyleClass().add("muted");
        how.setWrapText(true);
        TableView<SettingsViewModel.LinkRow> table =
                Tables.editable(
                        "settings-links",
                        model.links(),
                        List.of(
                                Tables.editableColumn(
                                        "Name", (SettingsViewModel.LinkRow r) -> r.name),
                                Tables.editableColumn(
                                        "URL (e.g. https://grafana/d/node?var-instance={instance})",
                                        (SettingsViewModel.LinkRow r) -> r.url)),
                        200);
        Button add = new Button("Add a link");
        add.setId("settings-links-add");
        add.setOnAction(e -> model.addLink());
        Button remove = Tables.removeButton(table, table.getItems()::remove);
        javafx.scene.control.TextField entity = new javafx.scene.control.TextField();
        entity.setId("settings-links-entity");
        entity.setPromptText("a node, device or rack id (empty: the first node)");
        entity.textProperty().bindBidirectional(model.linkEntityProperty());
        Button preview = new Button("Fill in");
        preview.setId("settings-links-preview");
        preview.setOnAction(e -> model.previewLinks());
        Label filled = answer("settings-links-filled", model.linkPreviewProperty());
        HBox.setHgrow(entity, javafx.scene.layout.Priority.ALWAYS);
        VBox box =
                new VBox(
                        6,
                        how,
                        table,
                        new HBox(8, add, remove),
                        new HBox(8, entity, preview),
                        filled);
        box.setPadding(new Insets(10));
        return box;
    }

    /** Views added to the playlist from a list of the estate's views. */
    private Node playlist() {
        javafx.scene.control.MenuButton add =
                new javafx.scene.control.MenuButton("Add a view to the playlist");
        add.setId("settings-playlist-add");
        add.setOnShowing(
                e ->
                        add.getItems()
                                .setAll(
                                        model.playlistChoices().stream()
                                                .map(
                                                        v -> {
                                                            javafx.scene.control.MenuItem i =
                                                                    new javafx.scene.control
                                                                            .MenuItem(v);
                                                            i.setOnAction(
                                                                    x -> model.addToPlaylist(v));
                                                            return i;
                                                        })
                                                .toList()));
        HBox box = new HBox(add);
        box.setPadding(new Insets(0, 10, 10, 10));
        return box;
    }

    /** Where a test's answer shows: room kept for it, so that nothing below moves when it comes. */
    private static Label answer(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(54);
        l.textProperty().bind(text);
        return l;
    }

    private Node test(String group) {
        Button test = new Button("Test connection");
        test.setId(String.join("-", "settings", "test", group.toLowerCase(java.util.Locale.ROOT)));
        test.disableProperty().bind(model.testingProperty());
        test.setOnAction(e -> model.test(group));
        Label result =
                answer(
                        String.join(
                                "-",
                                "settings",
                                "result",
                                group.toLowerCase(java.util.Locale.ROOT)),
                        model.testProperty(group));
        Label what =
                new Label(
                        "Tries the settings as the form has them (not yet applied), with their credentials and TLS.");
        what.getStyleClass().add("muted");
        VBox box = new VBox(6, new HBox(10, test, what), result);
        box.setPadding(new Insets(10, 10, 0, 10));
        return box;
    }

    private Node actions() {
        Button apply = new Button("Apply");
        apply.setId("settings-apply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(model.changedProperty().not());
        apply.setOnAction(e -> model.apply());
        Button revert = new Button("Revert");
        revert.setId("settings-revert");
        revert.disableProperty().bind(model.changedProperty().not());
        revert.setOnAction(e -> model.revert());
        HBox writes = new HBox(8, apply, revert);
        writes.visibleProperty().bind(model.editingProperty());
        writes.managedProperty().bind(model.editingProperty());
        Label readOnly =
                new Label(
                        "Turn on Edit mode to write the settings; Test connection works without it.");
        readOnly.getStyleClass().add("muted");
        readOnly.visibleProperty().bind(model.editingProperty().not());
        readOnly.managedProperty().bind(model.editingProperty().not());
        Label problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        FlowPane bar = new FlowPane(8, 6, writes, readOnly, problem);
        bar.setPadding(new Insets(8, 0, 0, 0));
        return bar;
    }

    @Override
    public Node node() {
        return root;
    }
}
