package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.edit.CheckFields;
import io.rackscope.desktop.ui.Tables;
import io.rackscope.desktop.ui.TryCheckEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The checks tab of the library: the checks with what lists them, and the one chosen in a form of
 * every key beside its YAML (the two kept in step by the view model); Try sends it to the "Try a
 * check" window; in Edit mode Apply, Change id…, Delete… and New check….
 */
final class CheckEditorView {
    private static final List<String> OPS = List.of("==", "!=", ">", ">=", "<", "<=");
    private static final List<String> SEVERITIES = List.of("OK", "WARN", "CRIT", "UNKNOWN");
    private static final List<String> PLACEHOLDERS =
            List.of("$instances", "$chassis", "$racks", "$jobs");

    private final CheckEditorViewModel model;
    private final TextField name = field("check-name");
    private final TextField description = field("check-description");
    private final TextField kind = field("check-kind");
    private final ComboBox<String> scope = choice("check-scope", "node", "chassis", "rack");
    private final ComboBox<String> output = choice("check-output", "bool", "numeric");
    private final TextField forDuration = field("check-for");
    private final TextArea expr = new TextArea();
    private final TextField selectors = field("check-selectors");
    private final VBox rules = new VBox(4);
    private final TextField expandBy = field("check-expand-by");
    private final TextField discovery = field("check-discovery");
    private final ComboBox<String> absent =
            choice("check-absent", "", "OK", "WARN", "CRIT", "UNKNOWN");
    private final TextField critThreshold = field("check-crit-threshold");

    /** The fields the form was last filled with (the id comes from them). */
    private CheckFields shown;

    /** The form is being filled from the text: its changes are not sent back. */
    private boolean filling;

    CheckEditorView(CheckEditorViewModel model) {
        this.model = model;
    }

    Tab tab(String select) {
        TableView<CheckEditorViewModel.Row> table = new TableView<>();
        table.getColumns().add(Tables.textColumn("Id", CheckEditorViewModel.Row::id, 150));
        table.getColumns().add(Tables.textColumn("Name", CheckEditorViewModel.Row::name, 150));
        table.getColumns().add(Tables.textColumn("Scope", CheckEditorViewModel.Row::scope, 60));
        table.getColumns().add(Tables.textColumn("Used by", CheckEditorViewModel.Row::uses, 60));
        table.getItems().setAll(model.rows());
        model.fieldsProperty().addListener((o, a, f) -> fill(f));
        return ItemEditorFrame.tab(
                model,
                new ItemEditorFrame.Parts<>(
                        "check",
                        "check",
                        true,
                        "Checks",
                        table,
                        CheckEditorViewModel.Row::id,
                        CheckEditorViewModel.Row::usedBy,
                        List.of(new Tab("Form", form())),
                        List.of(trial())),
                select);
    }

    private Node form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, values);
        expr.setId("check-expr");
        expr.setPrefRowCount(3);
        expr.setWrapText(true);
        expr.getStyleClass().add("code");
        FlowPane chips = new FlowPane(4, 4);
        for (String p : PLACEHOLDERS) {
            Button chip = new Button(p);
            chip.getStyleClass().add("chip");
            chip.setTooltip(new Tooltip("Insert " + p + ": the ids the check targets, batched"));
            chip.setOnAction(e -> expr.insertText(expr.getCaretPosition(), p));
            chips.getChildren().add(chip);
        }
        forDuration.setPromptText("e.g. 5m (empty: at once)");
        selectors.setPromptText("label carrying the entity, e.g. instance");
        expandBy.setPromptText("one sub-node per value of this label, e.g. slot");
        critThreshold.setPromptText("CRIT children that make the parent CRIT");
        Button addRule = new Button("Add rule");
        addRule.setId("check-add-rule");
        addRule.setOnAction(
                e -> {
                    rules.getChildren().add(rule(new CheckFields.Rule(">", "0", "WARN")));
                    push();
                });
        int r = 0;
        row(g, r++, "Name", name);
        row(g, r++, "Description", description);
        row(g, r++, "Kind", kind);
        row(g, r++, "Scope", scope);
        row(g, r++, "Output", output);
        row(g, r++, "For", forDuration);
        row(g, r++, "Expression", new VBox(4, expr, chips));
        row(g, r++, "Selectors", selectors);
        row(g, r++, "Rules", new VBox(4, rules, addRule));
        row(g, r++, "Expand by label", expandBy);
        row(g, r++, "Discovery expression", discovery);
        row(g, r++, "Absent sub-node state", absent);
        row(g, r, "CRIT threshold", critThreshold);
        for (TextInputControl t :
                List.of(
                        name,
                        description,
                        kind,
                        forDuration,
                        expr,
                        selectors,
                        expandBy,
                        discovery,
                        critThreshold)) {
            t.textProperty().addListener((o, a, b) -> push());
        }
        for (ComboBox<String> c : List.of(scope, output, absent)) {
            c.valueProperty().addListener((o, a, b) -> push());
        }
        ScrollPane scroll = new ScrollPane(g);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Button trial() {
        Button trial = new Button("Try on the estate");
        trial.setId("check-try");
        trial.setTooltip(
                new Tooltip(
                        "Run this text through the planner with the configured credentials, and paint it on the floor"));
        trial.disableProperty().bind(model.problemProperty().isNotEmpty());
        trial.setOnAction(
                e -> {
                    if (model.triable()) {
                        trial.fireEvent(new TryCheckEvent(model.trial()));
                    }
                });
        return trial;
    }

    /** The form shows {@code f}; a control already showing the same value is left as typed. */
    private void fill(CheckFields f) {
        if (f == null) {
            return;
        }
        filling = true;
        try {
            shown = f;
            set(name, f.name());
            set(description, f.description());
            set(kind, f.kind());
            scope.setValue(f.scope());
            output.setValue(f.output());
            set(forDuration, f.forDuration());
            set(expr, f.expr());
            set(selectors, String.join(", ", f.selectors()));
            if (!f.rules().equals(rulesShown())) {
                rules.getChildren().setAll(f.rules().stream().map(this::rule).toList());
            }
            set(expandBy, f.expandByLabel());
            set(discovery, f.expandDiscoveryExpr());
            absent.setValue(f.expandAbsentState());
            set(critThreshold, f.expandCritThreshold());
        } finally {
            filling = false;
        }
    }

    private static void set(TextInputControl t, String v) {
        if (!t.getText().strip().equals(v)) {
            t.setText(v);
        }
    }

    /** The form's keys to the view model (not while it is being filled). */
    private void push() {
        CheckFields was = shown;
        if (filling || was == null) {
            return;
        }
        model.formChanged(
                new CheckFields(
                        was.id(),
                        name.getText(),
                        description.getText(),
                        kind.getText(),
                        value(scope),
                        value(output),
                        forDuration.getText(),
                        expr.getText(),
                        Arrays.stream(selectors.getText().split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList(),
                        rulesShown(),
                        expandBy.getText(),
                        discovery.getText(),
                        value(absent),
                        critThreshold.getText()));
    }

    private List<CheckFields.Rule> rulesShown() {
        List<CheckFields.Rule> out = new ArrayList<>();
        for (Node n : rules.getChildren()) {
            HBox h = (HBox) n;
            @SuppressWarnings("unchecked")
            ComboBox<String> op = (ComboBox<String>) h.getChildren().get(0);
            TextField v = (TextField) h.getChildren().get(1);
            @SuppressWarnings("unchecked")
            ComboBox<String> sev = (ComboBox<String>) h.getChildren().get(2);
            out.add(new CheckFields.Rule(value(op), v.getText().strip(), value(sev)));
        }
        return out;
    }

    private HBox rule(CheckFields.Rule r) {
        ComboBox<String> op = choice(null, OPS.toArray(String[]::new));
        op.setValue(r.op());
        TextField v = new TextField(r.value());
        v.setPrefColumnCount(8);
        ComboBox<String> sev = choice(null, SEVERITIES.toArray(String[]::new));
        sev.setValue(r.severity());
        Button remove = new Button("Remove");
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox h = new HBox(6, op, v, sev, remove);
        remove.setOnAction(
                e -> {
                    rules.getChildren().remove(h);
                    push();
                });
        op.valueProperty().addListener((o, a, b) -> push());
        sev.valueProperty().addListener((o, a, b) -> push());
        v.textProperty().addListener((o, a, b) -> push());
        h.getStyleClass().add("check-rule");
        return h;
    }

    private static String value(ComboBox<String> c) {
        return c.getValue() == null ? "" : c.getValue();
    }

    private static void row(GridPane g, int r, String label, Node value) {
        Label l = new Label(label);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new Insets(4, 0, 0, 0));
        g.add(l, 0, r);
        g.add(value, 1, r);
    }

    private static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        return t;
    }

    private static ComboBox<String> choice(String id, String... values) {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().setAll(values);
        c.setEditable(false);
        if (id != null) {
            c.setId(id);
        }
        return c;
    }
}
