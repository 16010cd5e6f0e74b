package io.rackscope.desktop.ui.slurm;

import io.rackscope.desktop.slurm.SlurmJob;
import io.rackscope.desktop.slurm.SlurmNode;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Tables;
import io.rackscope.desktop.ui.Tone;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Slurm overview: nodes per state and utilisation, partitions, a filterable node table and the
 * running jobs. Choosing a job highlights its nodes on the floor, in racks and on the wallboard;
 * "Slurm colours" makes those views show Slurm states instead of health.
 */
public final class SlurmView implements PlaceView {
    private final SlurmViewModel model;
    private final BorderPane root = new BorderPane();
    private final FlowPane counts = new FlowPane(8, 6);
    private final Label headline = new Label();
    private final TableView<Map.Entry<String, Map<String, Integer>>> partitions = new TableView<>();
    private final ListView<SlurmJob> jobs = new ListView<>();

    public SlurmView(SlurmViewModel model) {
        this.model = model;
        root.getStyleClass().add("content");
        if (!model.enabled()) {
            root.setCenter(
                    new Label(
                            "Slurm is not enabled in this configuration (plugins.slurm.enabled in app.yaml, "
                                    + "settings in plugins/slurm/config.yml)."));
            return;
        }
        Label title = new Label("Slurm");
        title.getStyleClass().add("title");
        headline.getStyleClass().add("muted");
        ToggleButton colour = new ToggleButton("Slurm colours");
        colour.setTooltip(
                new Tooltip("Colour the floor, the racks and the wallboard by Slurm state"));
        colour.setId("slurm-colours");
        colour.getStyleClass().add("range-button");
        colour.selectedProperty().bindBidirectional(model.colourBySlurmProperty());
        Button wallboard = new Button("Slurm wallboard");
        wallboard.setId("slurm-wallboard");
        wallboard.getStyleClass().add("nav-button");
        wallboard.setOnAction(e -> model.openSlurmWallboard());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Region r : List.of(title, headline, colour, wallboard)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(12, title, headline, spacer, colour, wallboard);
        header.setAlignment(Pos.CENTER_LEFT);
        // the state counts wrap on a row of their own rather than squeeze the title and buttons
        VBox top = new VBox(6, header, counts);
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);
        VBox left = new VBox(12, partitionsPane(), jobsPane());
        VBox.setVgrow(left.getChildren().get(1), Priority.ALWAYS);
        left.setPrefWidth(360);
        left.setMinWidth(300);
        left.setPadding(new Insets(0, 12, 0, 0));
        root.setLeft(left);
        root.setCenter(nodesPane());
        model.slurmProperty().addListener((o, a, s) -> refresh(s));
        refresh(model.slurmProperty().get());
    }

    private Node partitionsPane() {
        partitions.setId("slurm-partitions");
        TableColumn<Map.Entry<String, Map<String, Integer>>, String> name =
                new TableColumn<>("Partition");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getKey()));
        TableColumn<Map.Entry<String, Map<String, Integer>>, String> nodes =
                new TableColumn<>("Nodes");
        nodes.setCellValueFactory(
                c ->
                        new ReadOnlyObjectWrapper<>(
                                Integer.toString(
                                        c.getValue().getValue().values().stream()
                                                .mapToInt(i -> i)
                                                .sum())));
        TableColumn<Map.Entry<String, Map<String, Integer>>, String> states =
                new TableColumn<>("States");
        states.setCellValueFactory(
                c ->
                        new ReadOnlyObjectWrapper<>(
                                c.getValue().getValue().entrySet().stream()
                                        .map(e -> e.getValue() + " " + e.getKey())
                                        .collect(Collectors.joining(", "))));
        states.setPrefWidth(200);
        partitions.getColumns().setAll(List.of(name, nodes, states));
        partitions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        partitions.setPrefHeight(180);
        // a partition's states can be long: the tooltip has them all
        states.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(String text, boolean empty) {
                                super.updateItem(text, empty);
                                setText(empty ? null : text);
                                setTooltip(empty || text == null ? null : new Tooltip(text));
                            }
                        });
        return new VBox(6, subtitle("Partitions"), partitions);
    }

    private Node nodesPane() {
        TextField filter = new TextField();
        filter.setId("slurm-filter");
        filter.setPromptText("Filter nodes (name, status, partition)");
        filter.getStyleClass().add("search-field");
        model.filterProperty().bind(filter.textProperty());
        ComboBox<SlurmState> state = new ComboBox<>();
        state.setId("slurm-state");
        state.getItems().add(null);
        state.getItems().addAll(SlurmState.values());
        state.setPromptText("any state");
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.setPrefWidth(150);
        HBox.setHgrow(filter, Priority.ALWAYS);
        model.stateProperty().bind(state.valueProperty());
        TableView<SlurmNode> table = new TableView<>();
        table.setId("slurm-nodes");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns()
                .setAll(
                        List.of(
                                col("Node", SlurmNode::name, 110),
                                col("Instance", SlurmNode::instance, 110),
                                stateColumn(),
                                col("Status", SlurmNode::rawStatus, 110),
                                col("Partitions", n -> String.join(", ", n.partitions()), 140)));
        table.getItems().setAll(model.rowsProperty().get());
        model.rowsProperty()
                .addListener(
                        (o, a, rows) ->
                                Tables.setKeepingSelection(
                                        table, table.getItems(), rows, SlurmNode::name));
        table.setRowFactory(
                t -> {
                    var row = new TableRow<SlurmNode>();
                    row.setOnMouseClicked(
                            e -> {
                                if (e.getClickCount() == 2 && row.getItem() != null) {
                                    model.open(row.getItem());
                                }
                            });
                    return row;
                });
        VBox box = new VBox(6, subtitle("Nodes"), new HBox(8, filter, state), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private TableColumn<SlurmNode, SlurmNode> stateColumn() {
        TableColumn<SlurmNode, SlurmNode> c = new TableColumn<>("State");
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(
                x ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(SlurmNode n, boolean empty) {
                                super.updateItem(n, empty);
                                setGraphic(
                                        empty || n == null
                                                ? null
                                                : badge(Tone.of(n.state()), n.state().name()));
                            }
                        });
        c.setPrefWidth(90);
        return c;
    }

    private static TableColumn<SlurmNode, String> col(
            String title, Function<SlurmNode, String> f, double width) {
        TableColumn<SlurmNode, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node jobsPane() {
        jobs.setId("slurm-jobs");
        jobs.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (o, a, job) ->
                                model.selectedJobProperty().set(job == null ? null : job.id()));
        jobs.setCellFactory(
                list ->
                        new ListCell<>() {
                            @Override
                            protected void updateItem(SlurmJob job, boolean empty) {
                                super.updateItem(job, empty);
                                setText(
                                        empty || job == null
                                                ? null
                                                : job.id()
                                                        + "  ("
                                                        + Formats.count(
                                                                job.instances().size(), "node")
                                                        + ")");
                            }
                        });
        Button clear = new Button("Clear");
        clear.getStyleClass().add("nav-button");
        clear.setOnAction(e -> jobs.getSelectionModel().clearSelection());
        Button show = new Button("Show on floor");
        show.setId("slurm-show-job");
        show.getStyleClass().add("nav-button");
        show.setOnAction(e -> model.showSelectedJob());
        VBox box = new VBox(6, subtitle("Running jobs"), jobs, new HBox(6, show, clear));
        VBox.setVgrow(jobs, Priority.ALWAYS);
        return box;
    }

    private void refresh(SlurmSnapshot s) {
        headline.setText(
                Formats.count(s.nodes().size(), "node")
                        + " · utilisation "
                        + Math.round(s.utilisation())
                        + " %"
                        + (s.unmapped().isEmpty()
                                ? ""
                                : " · " + s.unmapped().size() + " Slurm nodes not in the topology")
                        + (s.error() == null ? "" : " · last query failed: " + s.error()));
        counts.getChildren().clear();
        s.counts().entrySet().stream()
                .sorted(Map.Entry.<SlurmState, Integer>comparingByKey().reversed())
                .forEach(
                        e ->
                                counts.getChildren()
                                        .add(
                                                badge(
                                                        Tone.of(e.getKey()),
                                                        e.getValue() + " " + e.getKey())));
        partitions.getItems().setAll(s.partitions().entrySet());
        String selected = model.selectedJobProperty().get();
        List<SlurmJob> running = s.runningJobs();
        jobs.getItems().setAll(running);
        running.stream()
                .filter(j -> j.id().equals(selected))
                .findFirst()
                .ifPresent(j -> jobs.getSelectionModel().select(j));
    }

    private static Label badge(Tone tone, String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("sev", "sev-badge");
        l.setMinWidth(Region.USE_PREF_SIZE);
        Severities.apply(l, tone);
        return l;
    }

    private static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subtitle");
        return l;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
    }
}
