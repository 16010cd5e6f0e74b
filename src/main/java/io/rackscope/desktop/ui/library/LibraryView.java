package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.edit.TemplateEdits.Kind;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The library of the estate in tabs: device, rack and component templates, checks and metrics, each
 * a table of items with what uses them and an editor of the one chosen (a form kept in step with
 * its YAML; in Edit mode written through the editing core). The tab and the item chosen are in the
 * place ({@code library:checks:ID}), so the window opened again on an edit shows them.
 */
public final class LibraryView implements PlaceView {
    private static final Map<Kind, String> TITLES =
            Map.of(
                    Kind.DEVICE, "Device templates",
                    Kind.RACK, "Rack templates",
                    Kind.COMPONENT, "Rack component templates");

    private final BorderPane root = new BorderPane();
    private final MetricEditorView metricsView;

    public LibraryView(
            LibraryViewModel model,
            List<TemplateEditorViewModel> templates,
            CheckEditorViewModel checks,
            MetricEditorViewModel metrics,
            Place place) {
        this.metricsView = new MetricEditorView(metrics);
        root.getStyleClass().add("content");
        root.setId("library");
        Label title = new Label("Library");
        title.getStyleClass().add("title");
        BorderPane.setMargin(title, new Insets(0, 0, 10, 0));
        root.setTop(title);
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("library-tabs");
        for (TemplateEditorViewModel t : templates) {
            tabs.getTabs()
                    .add(new TemplateEditorView(t).tab(TITLES.get(t.kind()), t.itemOf(place)));
        }
        tabs.getTabs()
                .addAll(
                        new CheckEditorView(checks).tab(checks.itemOf(place)),
                        metricsView.tab(metrics.itemOf(place)));
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

    @Override
    public boolean shows(Place place) {
        // a tab or an item chosen here changes the place, not the view
        return place.kind() == Place.Kind.LIBRARY;
    }

    @Override
    public void dispose() {
        // a chart previewed asks Prometheus on a timer until it is stopped
        metricsView.dispose();
    }

    @Override
    public Node node() {
        return root;
    }
}
