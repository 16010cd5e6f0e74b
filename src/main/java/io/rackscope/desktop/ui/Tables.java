package io.rackscope.desktop.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.stage.FileChooser;

/** What the app's tables share: text columns and saving what they show as CSV. */
public final class Tables {
    private Tables() {}

    /** A column whose cells edit {@code value} of their row in place. */
    public static <R> TableColumn<R, String> editableColumn(
            String title, Function<R, javafx.beans.property.StringProperty> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setCellFactory(javafx.scene.control.cell.TextFieldTableCell.forTableColumn());
        c.setEditable(true);
        return c;
    }

    /** An editable table {@code id} of {@code rows}, its columns sharing its width. */
    public static <R> javafx.scene.control.TableView<R> editable(
            String id,
            javafx.collections.ObservableList<R> rows,
            java.util.List<TableColumn<R, String>> columns,
            double height) {
        javafx.scene.control.TableView<R> table = new javafx.scene.control.TableView<>(rows);
        table.setId(id);
        table.setEditable(true);
        table.setPrefHeight(height);
        table.getColumns().addAll(columns);
        table.setColumnResizePolicy(
                javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        return table;
    }

    /** "Remove" for the row chosen in {@code table}, handed to {@code remove}; off when none is. */
    public static <R> javafx.scene.control.Button removeButton(
            javafx.scene.control.TableView<R> table, Consumer<R> remove) {
        javafx.scene.control.Button b = new javafx.scene.control.Button("Remove");
        b.setId(String.join("-", table.getId(), "remove"));
        b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        b.setOnAction(e -> remove.accept(table.getSelectionModel().getSelectedItem()));
        return b;
    }

    /** A column of severity badges, sorted by severity. */
    public static <R> TableColumn<R, R> severityColumn(
            String title,
            Function<R, io.rackscope.desktop.checks.Severity> severity,
            double width) {
        TableColumn<R, R> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator((a, b) -> severity.apply(a).compareTo(severity.apply(b)));
        c.setCellFactory(x -> new SeverityCell<>(severity));
        c.setPrefWidth(width);
        // a narrow window squeezes the text columns, not the badge and its title
        c.setMinWidth(width);
        return c;
    }

    /**
     * A severity badge; one per cell, given a new tone on each update (a new label per update was a
     * third of a busy table's CSS work).
     */
    private static final class SeverityCell<R> extends javafx.scene.control.TableCell<R, R> {
        private final Function<R, io.rackscope.desktop.checks.Severity> severity;
        private final javafx.scene.control.Label badge = new javafx.scene.control.Label();

        SeverityCell(Function<R, io.rackscope.desktop.checks.Severity> severity) {
            this.severity = severity;
            badge.getStyleClass().addAll("sev", "sev-badge");
        }

        @Override
        protected void updateItem(R r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            io.rackscope.desktop.checks.Severity s = severity.apply(r);
            badge.setText(s.name());
            Severities.apply(badge, s);
            setGraphic(badge);
        }
    }

    /**
     * Sets {@code rows} (the list behind {@code table}'s items, sorted or not) to {@code list}, the
     * rows selected and the one focused before selected and focused again where rows of the same
     * {@code key} still are: each refresh makes new rows, and the table would drop its selection.
     */
    public static <R> void setKeepingSelection(
            javafx.scene.control.TableView<R> table,
            javafx.collections.ObservableList<R> rows,
            java.util.List<R> list,
            Function<R, ?> key) {
        setKeepingSelection(
                table.getSelectionModel(),
                table.getFocusModel(),
                table.getItems(),
                rows,
                list,
                key);
    }

    /**
     * {@link #setKeepingSelection(javafx.scene.control.TableView,
     * javafx.collections.ObservableList, java.util.List, Function)} for a list view, whose items
     * are set to {@code list}.
     */
    public static <R> void setKeepingSelection(
            javafx.scene.control.ListView<R> view, java.util.List<R> list, Function<R, ?> key) {
        setKeepingSelection(
                view.getSelectionModel(),
                view.getFocusModel(),
                view.getItems(),
                view.getItems(),
                list,
                key);
    }

    private static <R> void setKeepingSelection(
            javafx.scene.control.MultipleSelectionModel<R> selection,
            javafx.scene.control.FocusModel<R> focusModel,
            java.util.List<R> shown,
            javafx.collections.ObservableList<R> rows,
            java.util.List<R> list,
            Function<R, ?> key) {
        java.util.Set<Object> selected = new java.util.HashSet<>();
        selection.getSelectedItems().forEach(r -> selected.add(key.apply(r)));
        R focused = focusModel.getFocusedItem();
        Object focusedKey = focused == null ? null : key.apply(focused);
        rows.setAll(list);
        if (selected.isEmpty()) {
            return;
        }
        java.util.List<Integer> again = new java.util.ArrayList<>();
        int focus = -1;
        for (int i = 0; i < shown.size(); i++) {
            Object k = key.apply(shown.get(i));
            if (selected.contains(k)) {
                again.add(i);
            }
            if (k.equals(focusedKey)) {
                focus = i;
            }
        }
        if (!again.isEmpty()) {
            selection.selectIndices(
                    again.get(0), again.stream().skip(1).mapToInt(Integer::intValue).toArray());
        }
        if (focus >= 0) {
            focusModel.focus(focus);
        }
    }

    public static <R> TableColumn<R, String> textColumn(
            String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * Asks where to save, then writes {@code csv}; a failure goes to {@code problem}, worded for
     * the page.
     */
    public static void saveCsv(
            Node owner,
            String title,
            String fileName,
            Supplier<String> csv,
            Consumer<String> problem) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        File f =
                chooser.showSaveDialog(
                        owner.getScene() == null ? null : owner.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f.toPath(), csv.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problem.accept("could not save " + f + ": " + e.getMessage());
        }
    }
}
