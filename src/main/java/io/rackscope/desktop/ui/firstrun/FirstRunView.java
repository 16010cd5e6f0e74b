package io.rackscope.desktop.ui.firstrun;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The first run, in three steps on one page: connect to Prometheus (Test connection), place its
 * nodes (Preview), write the configuration and open it. A link opens the bundled demo instead.
 */
public final class FirstRunView {
    private final VBox root = new VBox(14);

    /** {@code demo}: opens the bundled demo instead. */
    public FirstRunView(FirstRunViewModel model, Runnable demo) {
        root.getStyleClass().add("content");
        root.setId("first-run");
        Label title = new Label("Connect Rackscope Desktop to your Prometheus");
        title.getStyleClass().add("title");
        Label intro =
                new Label(
                        "No configuration was found. Say where Prometheus is, how its series say where"
                                + " each node is, and where to write the configuration: the estate is"
                                + " found in Prometheus, no YAML to type.");
        intro.setWrapText(true);

        GridPane connect = grid();
        row(connect, 0, "Prometheus URL", field(model.url, "prometheus-url"));
        row(connect, 1, "User (basic auth, optional)", field(model.user, "prometheus-user"));
        PasswordField pw = new PasswordField();
        pw.setId("prometheus-password");
        pw.textProperty().bindBidirectional(model.password);
        row(connect, 2, "Password (kept in a file of its own)", pw);
        row(connect, 3, "CA file (PEM, optional)", field(model.ca, "prometheus-ca"));
        row(connect, 4, "Client certificate (PEM, optional)", field(model.cert, "prometheus-cert"));
        row(connect, 5, "Client key (PEM, optional)", field(model.key, "prometheus-key"));
        row(connect, 6, "Metric that lists the nodes", field(model.metric, "discover-metric"));
        Button test = button("Test connection", "first-run-test", model::test, model);
        Label tested = status(model.connectionProperty(), "first-run-tested");

        GridPane place = grid();
        row(place, 0, "Node label", level(model, model.identity, "discover-identity"));
        row(place, 1, "Site", level(model, model.site, "discover-site"));
        row(place, 2, "Room", level(model, model.room, "discover-room"));
        row(place, 3, "Aisle", level(model, model.aisle, "discover-aisle"));
        row(place, 4, "Rack", level(model, model.rack, "discover-rack"));
        row(
                place,
                5,
                "Device (empty: one per node)",
                level(model, model.device, "discover-device"));
        Label labels = new Label();
        labels.setId("first-run-labels");
        labels.setWrapText(true);
        labels.getStyleClass().add("muted");
        labels.textProperty().bind(model.labelsTextProperty());
        Label how =
                new Label(
                        "Each is =VALUE (the same for all), LABEL (that label's value) or LABEL:REGEX"
                                + " (the first group of the expression over that label's value), e.g."
                                + " rack_id:^([a-z0-9]+)- for a site named at the start of the rack id.");
        how.setWrapText(true);
        how.getStyleClass().add("muted");
        Button preview = button("Preview", "first-run-preview", model::preview, model);
        TextArea shown = new TextArea();
        shown.setId("first-run-shown");
        shown.setEditable(false);
        shown.setPrefRowCount(10);
        shown.textProperty().bind(model.previewProperty());

        GridPane imports = grid();
        TextField file = field(model.importFile, "import-file");
        Button browse = new Button("Browse…");
        browse.setOnAction(
                e -> {
                    javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
                    chooser.getExtensionFilters()
                            .add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
                    java.io.File f = chooser.showOpenDialog(root.getScene().getWindow());
                    if (f != null) {
                        model.importFile.set(f.getAbsolutePath());
                    }
                });
        ComboBox<String> format = new ComboBox<>();
        format.setId("import-format");
        format.getItems().setAll("csv", "netbox-csv");
        format.valueProperty().bindBidirectional(model.importFormat);
        row(imports, 0, "File", new HBox(6, file, browse));
        HBox.setHgrow(file, Priority.ALWAYS);
        row(imports, 1, "Format", format);
        Label importHow =
                new Label(
                        "csv: site,room,aisle,rack,u,face,template,id,name,instance (one row per device);"
                                + " netbox-csv: NetBox's device export (Name, Site, Location, Rack,"
                                + " Position, Face, Device type). Templates the file names are made"
                                + " (their U height, one node per instance).");
        importHow.setWrapText(true);
        importHow.getStyleClass().add("muted");
        Button previewImport =
                button("Preview import", "first-run-import-preview", model::previewImport, model);
        Button writeImport =
                button("Import and open", "first-run-import-write", model::writeImport, model);

        GridPane where = grid();
        row(where, 0, "Configuration directory", field(model.directory, "first-run-directory"));
        Button write = button("Write and open", "first-run-write", model::write, model);
        write.disableProperty().bind(model.busyProperty().or(model.ready.not()));
        Hyperlink bundled = new Hyperlink("Open the bundled demo instead");
        bundled.setId("first-run-demo");
        bundled.setOnAction(e -> demo.run());

        root.getChildren()
                .addAll(
                        title,
                        intro,
                        step("1. Prometheus"),
                        connect,
                        new HBox(10, test, tested),
                        step("2. Where the nodes are"),
                        labels,
                        place,
                        how,
                        preview,
                        shown,
                        step("3. Write it"),
                        where,
                        new HBox(10, write, bundled),
                        step("Or import a list of devices (into the same directory)"),
                        imports,
                        importHow,
                        new HBox(10, previewImport, writeImport));
        root.setPadding(new Insets(24));
        root.setMaxWidth(900);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    private static void row(GridPane g, int i, String label, Node field) {
        g.add(new Label(label), 0, i);
        g.add(field, 1, i);
        GridPane.setHgrow(field, Priority.ALWAYS);
    }

    /**
     * A level's source: typed ({@code =VALUE}, {@code LABEL}, {@code LABEL:REGEX}) or picked from
     * the labels the test found on the metric's series.
     */
    private static ComboBox<String> level(FirstRunViewModel model, StringProperty p, String id) {
        ComboBox<String> box = new ComboBox<>(model.labels());
        box.setEditable(true);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.getEditor().textProperty().bindBidirectional(p);
        return box;
    }

    private static TextField field(StringProperty p, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(40);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static Button button(String text, String id, Runnable action, FirstRunViewModel m) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(m.busyProperty());
        return b;
    }

    private static Label status(javafx.beans.value.ObservableStringValue text, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.setAlignment(Pos.CENTER_LEFT);
        return l;
    }

    private static Label step(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subtitle");
        return l;
    }

    public javafx.scene.Parent node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("content");
        return scroll;
    }
}
