package io.rackscope.desktop.ui.maintenance;

import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Tables;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Maintenances and acknowledgements as a table, Active / Scheduled / Expired, with Stop, Extend (+1
 * h, +4 h), Reactivate and Delete for the selected row, and a line to add a new maintenance.
 */
public final class MaintenanceView implements PlaceView {
    private final MaintenanceViewModel model;
    private final VBox root = new VBox(8);
    private final TableView<MaintenanceViewModel.Row> table = new TableView<>();
    private final Label note = new Label();

    public MaintenanceView(MaintenanceViewModel model) {
        this.model = model;
        root.getStyleClass().add("content");
        Label title = new Label("Maintenance");
        title.getStyleClass().add("subtitle");
        Label source =
                new Label(
                        model.enabled() ? "kept in " + model.source() : "nothing can be kept here");
        source.getStyleClass().add("faint");
        Label counts = new Label();
        counts.getStyleClass().add("faint");
        counts.textProperty().bind(model.countsProperty());
        HBox head = new HBox(10, title, counts, source);
        head.setAlignment(Pos.CENTER_LEFT);
        ToggleGroup group = new ToggleGroup();
        HBox statuses = new HBox(4);
        for (Silence.Status s : Silence.Status.values()) {
            ToggleButton b = new ToggleButton(label(s));
            b.setId("maintenance-" + s.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().add("range-button");
            b.setToggleGroup(group);
            b.setSelected(s == model.shownProperty().get());
            b.setOnAction(
                    e -> {
                        model.shownProperty().set(s);
                        b.setSelected(true);
                    });
            statuses.getChildren().add(b);
        }
        table.setId("maintenance-table");
        table.setPlaceholder(new Label("None."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .add(
                        Tables.textColumn(
                                "Kind",
                                r ->
                                        r.silence().kind() == Silence.Kind.ACK
                                                ? "acknowledgement"
                                                : "maintenance ("
                                                        + r.silence()
                                                                .effect()
                                                                .name()
                                                                .toLowerCase(Locale.ROOT)
                                                        + ")",
                                150));
        table.getColumns().add(Tables.textColumn("Covers", r -> r.silence().scope(), 220));
        table.getColumns().add(Tables.textColumn("Reason / note", r -> r.silence().text(), 260));
        table.getColumns().add(Tables.textColumn("By", r -> r.silence().by(), 100));
        table.getColumns()
                .add(Tables.textColumn("From", r -> model.when(r.silence().startsAt()), 140));
        table.getColumns()
                .add(
                        Tables.textColumn(
                                "Until",
                                r ->
                                        r.silence().endedAt() != null
                                                ? "ended " + model.when(r.silence().endedAt())
                                                : r.silence().endsAt() == null
                                                        ? "until ended"
                                                        : model.when(r.silence().endsAt()),
                                160));
        table.getItems().setAll(model.rowsProperty().get());
        model.rowsProperty().addListener((o, a, list) -> table.getItems().setAll(list));
        Button stop = action("Stop", "maintenance-stop", r -> model.stop(r));
        Button plus1 =
                action("+1 h", "maintenance-extend1", r -> model.extend(r, Duration.ofHours(1)));
        Button plus4 =
                action("+4 h", "maintenance-extend4", r -> model.extend(r, Duration.ofHours(4)));
        Button reactivate =
                action(
                        "Reactivate 1 h",
                        "maintenance-reactivate",
                        r -> model.extend(r, Duration.ofHours(1)));
        Button delete = action("Delete", "maintenance-delete", r -> model.delete(r));
        HBox actions = new HBox(6, statuses, spacer(), stop, plus1, plus4, reactivate, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (o, a, r) -> {
                            boolean none = r == null;
                            boolean expired = !none && r.status() == Silence.Status.EXPIRED;
                            stop.setDisable(none || expired);
                            plus1.setDisable(none || expired);
                            plus4.setDisable(none || expired);
                            reactivate.setDisable(none || !expired);
                            delete.setDisable(none);
                        });
        List.of(stop, plus1, plus4, reactivate, delete).forEach(b -> b.setDisable(true));
        TextField target = new TextField();
        target.setId("maintenance-target");
        target.setPromptText("rack:fra1-a01-r05, node:cn0165, room:hall-a");
        target.setPrefWidth(240);
        TextField reason = new TextField();
        reason.setId("maintenance-reason");
        reason.setPromptText("Reason");
        HBox.setHgrow(reason, Priority.ALWAYS);
        TextField start = new TextField();
        start.setId("maintenance-start");
        start.setPromptText("from: now, +2h, 2026-12-03 06:00");
        start.setPrefWidth(190);
        ComboBox<String> effect = new ComboBox<>();
        effect.getItems().setAll("badge", "hide");
        effect.getSelectionModel().selectFirst();
        ComboBox<String> length = new ComboBox<>();
        length.setId("maintenance-length");
        java.util.Map<String, Duration> lengths =
                io.rackscope.desktop.ui.HandleDialogs.maintenanceLengths();
        length.getItems().setAll(lengths.keySet());
        length.getSelectionModel().selectFirst();
        length.setEditable(true);
        length.setPromptText("2h, 06:30, …");
        Button add = new Button("Add maintenance");
        add.setId("maintenance-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.getStyleClass().add("time-problem");
        problem.textProperty().bind(model.problemProperty());
        add.setOnAction(
                e -> {
                    java.util.Optional<Duration> from = model.startIn(start.getText());
                    if (from.isEmpty()) {
                        note.setText(
                                "Start: now, +2h, or a date and time such as 2026-12-03 06:00");
                        return;
                    }
                    // a length counts from the start; an end time is the next one after it
                    io.rackscope.desktop.ui.HandleLength.Read len =
                            io.rackscope.desktop.ui.HandleLength.parse(
                                    length.getEditor().getText(),
                                    lengths,
                                    java.time.Instant.now().plus(from.get()),
                                    java.time.ZoneId.systemDefault());
                    if (!len.ok()) {
                        note.setText("End: " + len.problem());
                        return;
                    }
                    Duration d = len.length();
                    model.add(
                                    target.getText(),
                                    reason.getText(),
                                    effect.getValue().equals("hide")
                                            ? Silence.Effect.HIDE
                                            : Silence.Effect.BADGE,
                                    from.get(),
                                    d)
                            .ifPresentOrElse(
                                    note::setText,
                                    () -> {
                                        note.setText("");
                                        target.clear();
                                        reason.clear();
                                    });
                });
        note.setId("maintenance-note");
        note.getStyleClass().add("time-problem");
        HBox form = new HBox(6, target, reason, start, effect, length, add);
        form.setAlignment(Pos.CENTER_LEFT);
        form.setDisable(!model.enabled());
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(head, actions, table, form, problem, note);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private Button action(
            String text, String id, java.util.function.Consumer<MaintenanceViewModel.Row> act) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(
                e -> {
                    MaintenanceViewModel.Row r = table.getSelectionModel().getSelectedItem();
                    if (r != null) {
                        act.accept(r);
                    }
                });
        return b;
    }

    private static String label(Silence.Status s) {
        return switch (s) {
            case ACTIVE -> "Active";
            case SCHEDULED -> "Scheduled";
            case EXPIRED -> "Expired";
        };
    }

    public TableView<MaintenanceViewModel.Row> table() {
        return table;
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
