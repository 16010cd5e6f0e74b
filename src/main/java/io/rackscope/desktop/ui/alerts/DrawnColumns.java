package io.rackscope.desktop.ui.alerts;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * What the alert table's drawn rows read of its columns: the text of each column for a row, the
 * tooltip some columns give, which column is the severity badge, and a count that moves whenever a
 * column is resized, moved or hidden (the rows then draw again), and where a Shift-click's range
 * starts.
 */
final class DrawnColumns {
    /** A column's text for a row, and its tooltip (null: the text itself, when cut). */
    record Content(Function<AlertRow, String> text, Function<AlertRow, String> tip) {}

    private final TableView<AlertRow> table;
    private final Map<TableColumn<AlertRow, ?>, Content> contents = new IdentityHashMap<>();
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper();
    private final InvalidationListener moved = o -> changes.set(changes.get() + 1);
    private TableColumn<AlertRow, ?> badge;

    /** Where a Shift-click's range starts: the row last clicked. */
    int anchor = -1;

    DrawnColumns(TableView<AlertRow> table) {
        this.table = table;
        table.getVisibleLeafColumns().addListener(moved);
    }

    /** {@code column} drawn as {@code text}, with {@code tip} as its tooltip (or null). */
    <T> TableColumn<AlertRow, T> add(
            TableColumn<AlertRow, T> column,
            Function<AlertRow, String> text,
            Function<AlertRow, String> tip) {
        contents.put(column, new Content(text, tip));
        column.widthProperty().addListener(moved);
        table.getColumns().add(column);
        return column;
    }

    /** {@code column} drawn as a severity badge. */
    <T> TableColumn<AlertRow, T> addBadge(TableColumn<AlertRow, T> column) {
        badge = column;
        return add(column, r -> r.severity().name(), null);
    }

    TableView<AlertRow> table() {
        return table;
    }

    boolean isBadge(TableColumn<AlertRow, ?> column) {
        return column == badge;
    }

    Content content(TableColumn<AlertRow, ?> column) {
        return contents.get(column);
    }

    ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }
}
