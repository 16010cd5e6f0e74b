package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.TextFit;
import io.rackscope.desktop.ui.Typography;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ListCellSkin;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A row of the alert panel drawn on one canvas: an incident (badge, headline, checks, place, since,
 * notes and its ▸ members button), a member's alert, or a heading. With a styled node per line, a
 * thousand alerts coming or going restyled every node of every cell turning empty or filled, and
 * laid out each wrapped label again: most of a frame. The cell is still the list's (selection,
 * focus, menu, scrolling); its colours are the stylesheet's ({@code -fx-text-fill}, {@code
 * -rs-faint}, {@code -rs-accent}, {@code -rs-alarm}, {@code -rs-control} and the badges'), so
 * themes and palettes apply.
 */
final class DrawnPanelCell extends ListCell<PanelRow> {
    static final double BADGE_WIDTH = 52;
    private static final double GAP = 8;
    private static final double INDENT = 24;
    private static final double PAD_X = 2;
    private static final double PAD_Y = 4;
    private static final double LINE_GAP = 1;
    private static final double SECTION_TOP = 6;
    private static final double HANDLED_OPACITY = 0.72;
    private static final Font SMALL = Typography.regular(11);
    private static final Font SECTION = Typography.bold(11);
    private static final StyleablePropertyFactory<DrawnPanelCell> STYLE =
            new StyleablePropertyFactory<>(ListCell.getClassCssMetaData());

    private final BadgeTones<DrawnPanelCell> tones = new BadgeTones<>(this, STYLE, c -> c.tones);
    private final StyleableObjectProperty<Paint> faint =
            BadgeTones.paint(this, STYLE, "faint", "-rs-faint", c -> c.faint, Color.GRAY);
    private final StyleableObjectProperty<Paint> accent =
            BadgeTones.paint(this, STYLE, "accent", "-rs-accent", c -> c.accent, Color.STEELBLUE);
    private final StyleableObjectProperty<Paint> alarm =
            BadgeTones.paint(this, STYLE, "alarm", "-rs-alarm", c -> c.alarm, Color.RED);
    private final StyleableObjectProperty<Paint> control =
            BadgeTones.paint(this, STYLE, "control", "-rs-control", c -> c.control, Color.DARKGRAY);
    private final StyleableObjectProperty<Paint> onControl =
            BadgeTones.paint(
                    this, STYLE, "onControl", "-rs-control-text", c -> c.onControl, Color.BLACK);

    private final AlertsViewModel model;
    private final Function<PanelRow, List<MenuItem>> menu;
    private final Canvas canvas = new Canvas();
    // one menu per cell, given its row's items (items are no nodes: cheap to make)
    private final ContextMenu rowMenu = new ContextMenu();
    private final InvalidationListener redraw = o -> draw();
    private final InvalidationListener tick = o -> refresh();
    private Content shown;
    // the last lines laid out, and the width they were laid out for
    private List<Laid> laid = List.of();
    private Content laidFor;
    private double laidWidth = -1;
    // the ▸ button's place on the canvas while an incident with members is shown
    private double moreX = -1;
    private double moreWidth;

    /**
     * A cell of {@code model}'s panel, its text wrapped at the panel's width, with the menu {@code
     * menu} gives each row (none when empty).
     */
    DrawnPanelCell(AlertsViewModel model, Function<PanelRow, List<MenuItem>> menu) {
        this.model = model;
        this.menu = menu;
        canvas.setMouseTransparent(true);
        setText(null);
        setGraphic(canvas);
        for (javafx.beans.Observable o :
                List.of(textFillProperty(), faint, accent, alarm, control, onControl)) {
            o.addListener(redraw);
        }
        fontProperty()
                .addListener(
                        o -> {
                            laidFor = null;
                            requestLayout();
                            draw();
                        });
        tones.onChange(redraw);
        // the since line counts with the desk's clock, not only when a snapshot comes; weakly:
        // the panel's model outlives the cells the list makes anew
        model.secondProperty().addListener(new WeakInvalidationListener(tick));
        rowMenu.setOnShowing(e -> model.hold("menu", true));
        rowMenu.setOnHidden(e -> model.hold("menu", false));
        setOnMouseMoved(e -> setCursor(onMore(e.getX()) ? Cursor.HAND : null));
        // the ▸ button: shows or hides the members, and goes nowhere
        addEventFilter(
                MouseEvent.MOUSE_CLICKED,
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY
                            && onMore(e.getX())
                            && getItem() instanceof IncidentItem i) {
                        model.toggle(i);
                        e.consume();
                    }
                });
    }

    /** Whether {@code x}, in the cell, is on the ▸ button. */
    private boolean onMore(double x) {
        double at = x - canvas.getLayoutX();
        return moreX >= 0 && at >= moreX && at <= moreX + moreWidth;
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
    protected void updateItem(PanelRow item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        List<MenuItem> items = empty || item == null ? List.of() : menu.apply(item);
        rowMenu.getItems().setAll(items);
        setContextMenu(items.isEmpty() ? null : rowMenu);
        shown = empty || item == null ? null : content(item);
        requestLayout();
        draw();
    }

    /** The row again with the desk's clock: its since line; laid out again only if it grows. */
    private void refresh() {
        PanelRow row = getItem();
        if (isEmpty() || row == null) {
            return;
        }
        Content now = content(row);
        if (now.equals(shown)) {
            return;
        }
        double before = shown == null ? -1 : heightOf(shown, canvas.getWidth());
        shown = now;
        if (heightOf(now, canvas.getWidth()) != before) {
            requestLayout();
        }
        draw();
    }

    /** What a line of a row is: its text's look. */
    enum Look {
        TEXT,
        FAINT,
        ALARM,
        NOTE,
        SECTION
    }

    /** One line of a row, before it is wrapped. */
    record Line(String text, Look look) {}

    /** What a row shows: its badge (null: none), lines, members button (null: none). */
    record Content(Severity badge, boolean handled, double indent, List<Line> lines, String more) {}

    /** What {@code row} shows, as its lines read; a screen reader hears the same. */
    Content content(PanelRow row) {
        if (row instanceof IncidentItem item) {
            List<Line> lines = new ArrayList<>();
            lines.add(new Line(item.headline(), Look.TEXT));
            if (item.incident().grouped()) {
                lines.add(new Line(item.checks(), Look.TEXT));
            }
            lines.add(new Line(item.incident().path(), Look.FAINT));
            lines.add(new Line(model.sinceText(item) + flapping(item), Look.FAINT));
            if (item.unanswered()) {
                lines.add(new Line(model.unansweredText(), Look.ALARM));
            }
            if (item.handled() != null) {
                lines.add(new Line(model.handledText(item.handled()), Look.NOTE));
            }
            String more =
                    item.members().size() > 1
                            ? (model.expanded(item) ? "▾ " : "▸ ") + item.members().size()
                            : null;
            return new Content(item.severity(), item.handled() != null, 0, lines, more);
        }
        if (row instanceof AlertItem item) {
            List<Line> lines = new ArrayList<>();
            lines.add(
                    new Line(
                            item.checkName()
                                    + (item.alert().noData()
                                            ? " · " + model.noSampleSince(item.since())
                                            : "")
                                    + (Double.isNaN(item.alert().value())
                                            ? ""
                                            : " = " + Formats.value(item.alert().value()))
                                    + (item.alert().stale() ? "  (stale)" : ""),
                            Look.TEXT));
            lines.add(new Line(item.alert().entity(), Look.FAINT));
            String tag = model.memberTag(item);
            if (!tag.isEmpty()) {
                lines.add(new Line(tag, Look.NOTE));
            }
            return new Content(item.alert().severity(), false, INDENT, lines, null);
        }
        SectionRow section = (SectionRow) row;
        return new Content(null, false, 0, List.of(new Line(section.title(), Look.SECTION)), null);
    }

    /** The lines the screen reader hears: the badge's severity, then each line. */
    static String spoken(Content c) {
        StringBuilder s = new StringBuilder(c.badge() == null ? "" : c.badge().name());
        for (Line l : c.lines()) {
            s.append(s.isEmpty() ? "" : ", ").append(l.text());
        }
        return s.toString();
    }

    private static String flapping(IncidentItem item) {
        return item.incident().flapping()
                ? " · flapping (" + item.incident().transitions() + " changes)"
                : "";
    }

    private Font font(Look look) {
        Font body = getFont();
        return switch (look) {
            case TEXT -> body;
            case ALARM -> Typography.bold(body.getSize());
            case FAINT, NOTE -> SMALL;
            case SECTION -> SECTION;
        };
    }

    private Paint paint(Look look) {
        return switch (look) {
            case TEXT -> getTextFill();
            case FAINT, SECTION -> faint.get();
            case ALARM -> alarm.get();
            case NOTE -> accent.get();
        };
    }

    /** A line of a row's text, wrapped, at its place from the top of the text. */
    private record Laid(String text, Look look, double y, double height) {}

    /** The lines of {@code c} laid out in a cell {@code width} wide, from the top of its text. */
    private List<Laid> lay(Content c, double width) {
        if (c.equals(laidFor) && width == laidWidth) {
            return laid;
        }
        double room = textRoom(c, width);
        List<Laid> laid = new ArrayList<>();
        double y = c.badge() == null ? SECTION_TOP : 0;
        for (Line line : c.lines()) {
            Font f = font(line.look());
            double h = TextFit.lineHeight(f);
            for (String part : TextFit.wrap(line.text(), room, f)) {
                laid.add(new Laid(part, line.look(), y, h));
                y += h;
            }
            y += LINE_GAP;
        }
        this.laid = laid;
        laidFor = c;
        laidWidth = width;
        return laid;
    }

    private double textRoom(Content c, double width) {
        double left = textLeft(c);
        double right = c.more() == null ? 0 : GAP + moreWidth(c.more());
        return Math.max(20, width - left - right - PAD_X);
    }

    private static double textLeft(Content c) {
        return PAD_X + c.indent() + (c.badge() == null ? 0 : BADGE_WIDTH + GAP);
    }

    private double moreWidth(String more) {
        // as .nav-button's: padding 3 9
        return TextFit.width(more, getFont()) + 18;
    }

    /** How high the laid-out lines are, from the top of the first to the foot of the last. */
    private static double textHeight(List<Laid> laid) {
        if (laid.isEmpty()) {
            return 0;
        }
        Laid last = laid.get(laid.size() - 1);
        return last.y() + last.height();
    }

    private double heightOf(Content c, double width) {
        double text = textHeight(lay(c, width));
        double badge = c.badge() == null ? 0 : BadgeTones.HEIGHT;
        double more = c.more() == null ? 0 : TextFit.lineHeight(getFont()) + 6;
        return Math.max(text, Math.max(badge, more)) + 2 * PAD_Y;
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        moreX = -1;
        Content c = isEmpty() ? null : shown;
        boolean none = c == null;
        // what a screen reader says of the row and what the row shows, kept together
        setAccessibleText(none ? null : spoken(c));
        if (none || w <= 0 || h <= 0) {
            return;
        }
        g.setGlobalAlpha(c.handled() ? HANDLED_OPACITY : 1);
        double middle = h / 2;
        if (c.badge() != null) {
            double x = PAD_X + c.indent();
            double bw = tones.draw(g, c.badge(), c.badge().name(), x, middle, BADGE_WIDTH);
            if (c.handled() && bw > 0) {
                // a handled badge has a bar on its left, as the styled badges have
                g.setFill(getTextFill());
                g.fillRect(x, middle - BadgeTones.HEIGHT / 2, 3, BadgeTones.HEIGHT);
            }
        }
        List<Laid> laid = lay(c, w);
        double top = Math.max(PAD_Y, (h - textHeight(laid)) / 2);
        double left = textLeft(c);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (Laid l : laid) {
            g.setFont(font(l.look()));
            g.setFill(paint(l.look()));
            g.fillText(l.text(), left, top + l.y());
        }
        if (c.more() != null) {
            drawMore(g, c.more(), w, middle);
        }
        g.setGlobalAlpha(1);
    }

    private void drawMore(GraphicsContext g, String more, double w, double middle) {
        moreWidth = moreWidth(more);
        moreX = w - PAD_X - moreWidth;
        double bh = TextFit.lineHeight(getFont()) + 6;
        g.setFill(control.get());
        g.fillRoundRect(moreX, middle - bh / 2, moreWidth, bh, 8, 8);
        g.setFont(getFont());
        g.setFill(onControl.get());
        g.setTextBaseline(VPos.CENTER);
        g.fillText(more, moreX + 9, middle);
    }

    /** The cell's one child, the canvas, as large as the cell; its height the row's lines'. */
    private static final class DrawnSkin extends ListCellSkin<PanelRow> {
        // the list's own skin: its behaviour selects, focuses and scrolls as for any cell
        DrawnSkin(DrawnPanelCell cell) {
            super(cell);
        }

        private DrawnPanelCell cell() {
            return (DrawnPanelCell) getSkinnable();
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            DrawnPanelCell cell = cell();
            Canvas c = cell.canvas;
            double cw = Math.ceil(w);
            double ch = Math.ceil(h);
            c.relocate(x, y);
            if (c.getWidth() != cw || c.getHeight() != ch) {
                c.setWidth(cw);
                c.setHeight(ch);
                cell.draw();
            }
        }

        @Override
        protected double computePrefWidth(
                double h, double top, double right, double bottom, double left) {
            return left + right;
        }

        // not the canvas' size: that is the last row's, and a shorter row would keep it
        @Override
        protected double computeMinWidth(
                double h, double top, double right, double bottom, double left) {
            return left + right;
        }

        @Override
        protected double computeMinHeight(
                double w, double top, double right, double bottom, double left) {
            return computePrefHeight(w, top, right, bottom, left);
        }

        @Override
        protected double computePrefHeight(
                double w, double top, double right, double bottom, double left) {
            DrawnPanelCell cell = cell();
            Content c = cell.isEmpty() ? null : cell.shown;
            if (c == null) {
                return TextFit.lineHeight(cell.getFont()) + 2 * PAD_Y + top + bottom;
            }
            double width = (w > 0 ? w : cell.getWidth()) - left - right;
            double list = cell.getListView() == null ? 0 : cell.getListView().getWidth();
            return cell.heightOf(c, width > 0 ? width : Math.max(list - left - right, 200))
                    + top
                    + bottom;
        }
    }
}
