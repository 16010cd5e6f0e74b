package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.edit.TemplateEdits.Kind;
import io.rackscope.desktop.ui.EditForm;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The library of the estate: device, rack and component templates in tabs, each with what uses it
 * (in Edit mode, **Change id…** everywhere it is named and **Delete…** when nothing uses it), and
 * the checks with their editor. The tab and the check chosen are in the place ({@code
 * library:checks:ID}), so the window opened again on an edit shows them.
 */
public final class LibraryView implements PlaceView {
    private final BorderPane root = new BorderPane();

    public LibraryView(
            LibraryViewModel model,
            CheckEditorViewModel checks,
            MetricEditorViewModel metrics,
            Place place) {
        root.getStyleClass().add("content");
        root.setId("library");
        Label title = new Label("Library");
        title.getStyleClass().add("title");
        BorderPane.setMargin(title, new Insets(0, 0, 10, 0));
        root.setTop(title);
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("library-tabs");
        tabs.getTabs()
                .addAll(
                        tab(model, Kind.DEVICE, "Device templates"),
                        tab(model, Kind.RACK, "Rack templates"),
                        tab(model, Kind.COMPONENT, "Rack component templates"),
                        new CheckEditorView(checks).tab(checks.itemOf(place)),
                        new MetricEditorView(metrics).tab(metrics.itemOf(place)));
        String shown = place.id().isEmpty() ? "" : place.id().split(":", 2)[0];
        tabs.getTabs().stream()
                .filter(t -> t.getId().equals(String.join("-", "library", "tab", shown)))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        tabs.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (o, a, t) -> model.showTab(t.getId().substring("library-tab-".length())));
        root.setCenter(tabs);
    }

    private Tab tab(LibraryViewModel model, Kind kind, String title) {
        String k = kind.name().toLowerCase(java.util.Locale.ROOT);
        TableView<LibraryViewModel.Row> table = new TableView<>();
        table.setId("library-" + k);
        table.getColumns().add(Columns.text("Id", LibraryViewModel.Row::id, 220));
        table.getColumns().add(Columns.text("Name", LibraryViewModel.Row::name, 300));
        table.getColumns().add(Columns.text("U", r -> Integer.toString(r.uHeight()), 50));
        table.getColumns().add(Columns.text("Used by", LibraryViewModel.Row::uses, 90));
        table.getItems().setAll(model.rows(kind));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ListView<String> users = new ListView<>();
        users.setId(String.join("-", "library", k, "users"));
        users.setPrefWidth(360);
        Label usersTitle = new Label("Used by");
        usersTitle.getStyleClass().add("subtitle");
        Button rename = new Button("Change id…");
        rename.setId(String.join("-", "library", k, "rename"));
        Button delete = new Button("Delete…");
        delete.setId(String.join("-", "library", k, "delete"));
        Label why = new Label();
        why.getStyleClass().add("muted");
        why.setWrapText(true);
        // two lines kept for it: the buttons above do not move when it speaks
        why.setMinHeight(36);
        HBox actions = new HBox(8, rename, delete);
        actions.visibleProperty().bind(model.editingProperty());
        actions.managedProperty().bind(model.editingProperty());
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (o, a, row) -> {
                            users.getItems()
                                    .setAll(row == null ? java.util.List.of() : row.usedBy());
                            delete.setDisable(row == null || !row.usedBy().isEmpty());
                            rename.setDisable(row == null);
                            why.setText(
                                    row != null && !row.usedBy().isEmpty()
                                            ? "In use: deleted once nothing uses it."
                                            : "");
                        });
        rename.setDisable(true);
        delete.setDisable(true);
        rename.setOnAction(
                e -> {
                    LibraryViewModel.Row row = table.getSelectionModel().getSelectedItem();
                    EditForm.titled("Change the id of " + row.id() + " (everywhere it is named)")
                            .text("Id", row.id())
                            .ask(root)
                            .ifPresent(v -> model.rename(kind, row.id(), v.get(0)));
                });
        delete.setOnAction(
                e -> {
                    LibraryViewModel.Row row = table.getSelectionModel().getSelectedItem();
                    if (EditForm.confirm(
                            root,
                            "Delete template "
                                    + row.id()
                                    + "? (nothing is written until you review and save)")) {
                        model.delete(kind, row.id());
                    }
                });
        VBox side = new VBox(6, usersTitle, users, actions, why);
        VBox.setVgrow(users, Priority.ALWAYS);
        BorderPane pane = new BorderPane(table);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 12));
        pane.setRight(side);
        pane.setPadding(new Insets(10, 0, 0, 0));
        Tab tab = new Tab(title, pane);
        tab.setId(String.join("-", "library", "tab", k));
        return tab;
    }

    @Override
    public boolean shows(Place place) {
        // a tab or a check chosen here changes the place, not the view
        return place.kind() == Place.Kind.LIBRARY;
    }

    @Override
    public Node node() {
        return root;
    }
}
