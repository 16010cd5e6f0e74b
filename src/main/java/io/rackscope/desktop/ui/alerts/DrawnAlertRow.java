package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.ui.TextFit;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A row of the alert table drawn on one canvas instead of a cell per column. With a cell per column
 * (13 styled nodes a row), a thousand alerts coming or going restyled every visible cell as it
 * turned empty or filled, and that alone took more than a frame. The row is still the table's: its
 * selection, focus, sorting, menu and scrolling are TableView's; only its content is drawn. Badge
 * colours come from the stylesheet ({@code -rs-badge-*}), so themes and palettes apply.
 */
final class DrawnAlertRow extends TableRow<AlertRow> {
    private static final double PAD = 4;
    private static final double MAX_WIDTH = 4096;
    private static final StyleablePropertyFactory<DrawnAlertRow> STYLE =
            new StyleablePropertyFactory<>(TableRow.getClassCssMetaData());

    private final BadgeTones<DrawnAlertRow> tones = new BadgeTones<>(this, STYLE, r -> r.tones);

    private final DrawnColumns columns;
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final InvalidationListener redraw = o -> draw();
    // a resize moves each column's width in turn: the row draws once, at its layout, not per column
    private final InvalidationListener resized =
            o -> {
                columnsMoved = true;
                requestLayout();
            };
    private boolean columnsMoved;

    DrawnAlertRow(DrawnColumns columns, ReadOnlyLongProperty second) {
        this.columns = columns;
        canvas.setMouseTransparent(true);
        for (javafx.beans.Observable o : List.of(textFillProperty(), fontProperty())) {
            o.addListener(redraw);
        }
        tones.onChange(redraw);
        // weakly: the table's columns and the page's clock outlive rows the table makes anew
        columns.changesProperty().addListener(new WeakInvalidationListener(resized));
        // "8 s ago" counts on between cycles
        second.addListener(new WeakInvalidationListener(redraw));
        setOnMouseMoved(e -> showTip(e.getX()));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::select);
    }

    /**
     * What the table's own rows do on a press (their skin does it, and this row has its own): a
     * click selects the row, with the shortcut key adds or takes it away, with Shift selects up to
     * the last row clicked; a right-click on a selected row keeps the selection for its menu.
     */
    private void select(MouseEvent e) {
        TableView<AlertRow> table = columns.table();
        int i = getIndex();
        if (table.isFocusTraversable()) {
            table.requestFocus();
        }
        TableView.TableViewSelectionModel<AlertRow> sm = table.getSelectionModel();
        if (isEmpty() || i < 0 || i >= table.getItems().size()) {
            if (e.getButton() == MouseButton.PRIMARY) {
                sm.clearSelection();
            }
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY) {
            if (!sm.isSelected(i)) {
                sm.clearAndSelect(i);
                columns.anchor = i;
            }
        } else if (e.getButton() == MouseButton.PRIMARY) {
            if (e.isShortcutDown()) {
                if (sm.isSelected(i)) {
                    sm.clearSelection(i);
                } else {
                    sm.select(i);
                }
                columns.anchor = i;
            } else if (e.isShiftDown()
                    && columns.anchor >= 0
                    && columns.anchor < table.getItems().size()) {
                sm.clearSelection();
                sm.selectRange(Math.min(columns.anchor, i), Math.max(columns.anchor, i) + 1);
            } else {
                sm.clearAndSelect(i);
                columns.anchor = i;
            }
        }
        table.getFocusModel().focus(i);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new DrawnSkin(this);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    protected void updateItem(AlertRow r, boolean empty) {
        super.updateItem(r, empty);
        draw();
    }

    private String spoken(AlertRow r) {
        StringBuilder s = new StringBuilder();
        for (TableColumn<AlertRow, ?> c : columns.table().getVisibleLeafColumns()) {
            DrawnColumns.Content content = columns.content(c);
            String text = content == null ? "" : content.text().apply(r);
            if (!text.isEmpty()) {
                s.append(s.isEmpty() ? "" : ", ").append(c.getText()).append(' ').append(text);
            }
        }
        return s.toString();
    }

    private void draw() {
        columnsMoved = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        AlertRow r = getItem();
        boolean none = isEmpty() || r == null;
        // what a screen reader says of the row and what the row shows, kept together
        setAccessibleText(none ? null : spoken(r));
        if (none || w <= 0 || h <= 0) {
            return;
        }
        Font font = getFont();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = 0;
        for (TableColumn<AlertRow, ?> c : columns.table().getVisibleLeafColumns()) {
            double cw = c.getWidth();
            if (x >= w) {
                break;
            }
            DrawnColumns.Content content = columns.content(c);
            if (content != null) {
                String text = content.text().apply(r);
                if (columns.isBadge(c)) {
                    tones.draw(g, r.severity(), text, x + PAD, h / 2, cw - 2 * PAD);
                } else if (!text.isEmpty()) {
                    g.setFont(font);
                    g.setFill(getTextFill());
                    g.fillText(TextFit.fit(text, cw - 2 * PAD, font), x + PAD, h / 2);
                }
            }
            x += cw;
        }
    }

    /** The tooltip of the column under the pointer: its sentence, or its text when cut. */
    private void showTip(double at) {
        AlertRow r = getItem();
        String text = null;
        if (!isEmpty() && r != null) {
            double x = 0;
            for (TableColumn<AlertRow, ?> c : columns.table().getVisibleLeafColumns()) {
                if (at >= x && at < x + c.getWidth()) {
                    text = tipOf(c, r);
                    break;
                }
                x += c.getWidth();
            }
        }
        if (text == null || text.isEmpty()) {
            setTooltip(null);
        } else {
            tip.setText(text);
            setTooltip(tip);
        }
    }

    private String tipOf(TableColumn<AlertRow, ?> c, AlertRow r) {
        DrawnColumns.Content content = columns.content(c);
        if (content == null) {
            return null;
        }
        if (content.tip() != null) {
            return content.tip().apply(r);
        }
        String text = content.text().apply(r);
        Font font = getFont();
        return TextFit.width(text, font) > c.getWidth() - 2 * PAD ? text : null;
    }

    /** The row's one child, the canvas, as wide as its columns and as high as the row. */
    private static final class DrawnSkin extends SkinBase<DrawnAlertRow> {
        DrawnSkin(DrawnAlertRow row) {
            super(row);
            getChildren().add(row.canvas);
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            DrawnAlertRow row = getSkinnable();
            Canvas c = row.canvas;
            // no wider than a texture may be; wider rows are only seen scrolled, and cut
            double cw = Math.min(MAX_WIDTH, Math.ceil(row.getWidth()));
            double ch = Math.ceil(row.getHeight());
            c.relocate(0, 0);
            if (c.getWidth() != cw || c.getHeight() != ch || row.columnsMoved) {
                c.setWidth(cw);
                c.setHeight(ch);
                row.draw();
            }
        }

        @Override
        protected double computePrefWidth(
                double h, double top, double right, double bottom, double left) {
            double sum = 0;
            for (TableColumn<AlertRow, ?> c :
                    getSkinnable().columns.table().getVisibleLeafColumns()) {
                sum += c.getWidth();
            }
            return sum + left + right;
        }

        @Override
        protected double computePrefHeight(
                double w, double top, double right, double bottom, double left) {
            double fixed = getSkinnable().columns.table().getFixedCellSize();
            return fixed > 0 ? fixed : getSkinnable().getFont().getSize() * 2 + top + bottom;
        }
    }
}
