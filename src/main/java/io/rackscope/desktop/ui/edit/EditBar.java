package io.rackscope.desktop.ui.edit;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bar shown in Edit mode: what is unsaved, what the last edit said, undo, redo, review and
 * save, discard, done.
 */
public final class EditBar {
    private final EditViewModel model;
    private final HBox bar = new HBox(8);

    public EditBar(EditViewModel model) {
        this.model = model;
        Label summary = new Label(model.summary());
        summary.setId("edit-summary");
        Label message = new Label();
        message.setId("edit-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        model.filesProperty().addListener((o, a, n) -> summary.setText(model.summary()));
        Button undo = button("Undo", "edit-undo", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        Button redo = button("Redo", "edit-redo", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        Button review = button("Review changes…", "edit-review", this::review);
        review.disableProperty().bind(model.filesProperty().isEqualTo(0));
        Button discard = button("Discard", "edit-discard", model::discard);
        discard.disableProperty().bind(model.filesProperty().isEqualTo(0));
        Button done = button("Done", "edit-done", () -> model.editingProperty().set(false));
        for (Region r : new Region[] {summary, undo, redo, review, discard, done}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.getChildren().addAll(summary, message, undo, redo, review, discard, done);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("edit-bar");
        bar.getStyleClass().add("edit-bar");
        bar.visibleProperty().bind(model.editingProperty());
        bar.managedProperty().bind(model.editingProperty());
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("nav-button");
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The diff of every file touched and the loader's verdict; Save writes them. */
    private void review() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Review changes");
        d.setHeaderText(model.summary());
        TextArea diff = new TextArea(model.review());
        diff.setId("edit-diff");
        diff.setEditable(false);
        diff.getStyleClass().add("mono");
        diff.setPrefSize(900, 520);
        d.getDialogPane().setContent(diff);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(save).setDisable(!model.canSave());
        if (bar.getScene() != null) {
            d.initOwner(bar.getScene().getWindow());
            d.getDialogPane().getStylesheets().addAll(bar.getScene().getStylesheets());
        }
        d.showAndWait().filter(save::equals).ifPresent(b -> model.save());
    }

    public HBox node() {
        return bar;
    }
}
