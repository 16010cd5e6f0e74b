package io.rackscope.desktop.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** A table column of text read from its row. */
public final class Columns {
    private Columns() {}

    /** A column whose cells edit {@code value} of their row in place. */
    public static <R> TableColumn<R, String> editable(
            String title, Function<R, javafx.beans.property.StringProperty> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setCellFactory(javafx.scene.control.cell.TextFieldTableCell.forTableColumn());
        c.setEditable(true);
        return c;
    }

    public static <R> TableColumn<R, String> text(
            String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
