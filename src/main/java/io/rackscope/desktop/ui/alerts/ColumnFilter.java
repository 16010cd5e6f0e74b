package io.rackscope.desktop.ui.alerts;

/**
 * One filter chip: rows whose {@code column} reads {@code value}. Chips on one column widen the
 * choice (either value); chips on different columns narrow it (all must hold).
 */
public record ColumnFilter(AlertColumn column, String value) {
    public String text() {
        return column.label() + ": " + (value.isEmpty() ? "(none)" : value);
    }
}
