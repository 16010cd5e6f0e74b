package io.rackscope.desktop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The small forms of Edit mode: a few fields (text, or a choice) asked in a dialog owned by the
 * view's window, and a confirmation for what deletes.
 */
public final class EditForm {
    private final String title;
    private final List<String> labels = new ArrayList<>();
    private final List<Control> fields = new ArrayList<>();
    private final Label preview = new Label();

    private EditForm(String title) {
        this.title = title;
    }

    public static EditForm titled(String title) {
        return new EditForm(title);
    }

    public EditForm text(String label, String value) {
        TextField f = new TextField(value);
        f.setId("edit-field-" + labels.size());
        labels.add(label);
        fields.add(f);
        return this;
    }

    public EditForm choice(String label, List<String> choices, String value) {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().setAll(choices);
        c.setValue(value != null ? value : choices.isEmpty() ? null : choices.get(0));
        c.setId("edit-field-" + labels.size());
        labels.add(label);
        fields.add(c);
        return this;
    }

    /**
     * A line under the fields saying what the values make (the nodes of an instance pattern), kept
     * up to date as they are typed or chosen.
     */
    public EditForm preview(java.util.function.Function<List<String>, String> says) {
        preview.setId("edit-preview");
        preview.getStyleClass().add("muted");
        Runnable update = () -> preview.setText(says.apply(values()));
        for (Control f : fields) {
            if (f instanceof TextField t) {
                t.textProperty().addListener(o -> update.run());
            } else {
                ((ComboBox<?>) f).valueProperty().addListener(o -> update.run());
            }
        }
        update.run();
        return this;
    }

    private List<String> values() {
        return fields.stream()
                .map(
                        f ->
                                f instanceof TextField t
                                        ? t.getText().trim()
                                        : String.valueOf(((ComboBox<?>) f).getValue()))
                .toList();
    }

    /** The values entered, in order; empty when cancelled. */
    public Optional<List<String>> ask(Node owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(title);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        for (int i = 0; i < fields.size(); i++) {
            grid.add(new Label(labels.get(i)), 0, i);
            grid.add(fields.get(i), 1, i);
        }
        if (preview.getId() != null) {
            grid.add(preview, 1, fields.size());
        }
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        own(d, owner);
        return d.showAndWait().filter(ButtonType.OK::equals).map(b -> values());
    }

    /** A menu item that asks for a new name (shown first: {@code current}) and gives it. */
    public static MenuItem renameItem(
            Node owner, String label, String current, Consumer<String> rename) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(
                e ->
                        titled(label)
                                .text("Name", current)
                                .ask(owner)
                                .ifPresent(v -> rename.accept(v.get(0))));
        return item;
    }

    /** A menu item that does {@code action} once {@code question} is confirmed. */
    public static MenuItem confirmItem(Node owner, String label, String question, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(
                e -> {
                    if (confirm(
                            owner, question + " (nothing is written until you review and save)")) {
                        action.run();
                    }
                });
        return item;
    }

    /** Asks to confirm {@code what} ("Delete rack r05 and its 12 devices?"). */
    public static boolean confirm(Node owner, String what) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, what, ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Confirm");
        own(a, owner);
        return a.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private static void own(Dialog<?> d, Node owner) {
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }
}
