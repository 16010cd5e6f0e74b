package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.edit.Scalars;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.RoomLayout;
import io.rackscope.desktop.ui.CheckPreview;
import io.rackscope.desktop.ui.EditForm;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HandleMenu;
import io.rackscope.desktop.ui.HandledLook;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.StateMark;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.TextFit;
import io.rackscope.desktop.ui.Tone;
import io.rackscope.desktop.ui.Typography;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * A room's floor plan drawn on a Canvas: the outline in grid cells, aisles as rows of racks, each
 * rack coloured by its state with its CRIT (else WARN) node count; per-aisle counters; a summary
 * bar that filters; zoom (wheel with Ctrl, or the buttons) and pan (drag, wheel). One redraw per
 * snapshot that changed something; hit testing by index math, so a 500-rack room costs the FX
 * thread a few milliseconds per snapshot.
 */
public final class RoomFloorView implements PlaceView {
    private final RoomFloorViewModel model;
    private final FloorPlan plan;
    private final BorderPane root = new BorderPane();
    private final Canvas canvas = new Canvas();
    private final Set<Severity> filter = EnumSet.noneOf(Severity.class);
    private final Subscriptions subscriptions = new Subscriptions();
    private final String highlight;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double dragX;
    private double dragY;
    private Rack hovered;

    /** In Edit mode, the rack being dragged to another place, and where it would land. */
    private Rack moving;

    private FloorPlan.Row dropRow;
    private int dropSlot;

    public RoomFloorView(RoomFloorViewModel model, String highlight) {
        this.model = model;
        Room room = model.room();
        this.plan = new FloorPlan(room);
        this.highlight = highlight;
        root.getStyleClass().add("content");
        root.setTop(summaryBar());
        Pane holder = new Pane(canvas);
        holder.setId("room-floor");
        holder.setMinSize(100, 100);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> fit());
        canvas.heightProperty().addListener(o -> fit());
        // over the floor's right side, so that the floor does not move under a double click
        QuickLookPanel quick = new QuickLookPanel(model);
        StackPane.setAlignment(quick, Pos.TOP_RIGHT);
        StackPane.setMargin(quick, new Insets(8));
        root.setCenter(new StackPane(holder, quick));
        interaction();
        subscriptions.onInvalidate(model.revisionProperty(), o -> draw());
        subscriptions.onInvalidate(model.heatMapProperty(), o -> draw());
        subscriptions.onInvalidate(model.fitsProperty(), o -> draw());
        subscriptions.onInvalidate(model.colourByProperty(), o -> draw());
        subscriptions.onInvalidate(model.themeProperty(), o -> draw());
        subscriptions.onInvalidate(model.selectedProperty(), o -> draw());
        blinker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        blinker.play();
    }

    /** On the quiet wall a new unacknowledged CRIT blinks: its rack dimmed every other second. */
    private boolean blinkOn;

    private final javafx.animation.Timeline blinker =
            new javafx.animation.Timeline(
                    new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> blink()));

    private void blink() {
        if (blinkOn || model.anyFlashing()) {
            blinkOn = !blinkOn;
            draw();
        }
    }

    private Node summaryBar() {
        Label title = new Label(model.room().name());
        title.getStyleClass().add("title");
        Label state = Severities.styled(new Label(), Severity.UNKNOWN, "sev-badge");
        state.setId("room-state");
        Runnable showState =
                () -> {
                    state.setText(model.roomStateProperty().get().name());
                    Severities.apply(state, model.roomStateProperty().get());
                };
        model.roomStateProperty().addListener(o -> showState.run());
        showState.run();
        Label previewText = new Label();
        Button clearPreview = new Button("✕");
        clearPreview.setId("preview-clear");
        clearPreview.getStyleClass().add("nav-button");
        clearPreview.setTooltip(new Tooltip("Back to health"));
        clearPreview.setOnAction(e -> model.clearPreview());
        HBox preview = new HBox(6, previewText, clearPreview);
        preview.setId("preview-chip");
        preview.getStyleClass().add("preview-chip");
        preview.setAlignment(Pos.CENTER_LEFT);
        Runnable showPreview =
                () -> {
                    CheckPreview p = model.previewProperty().get();
                    preview.setVisible(p != null);
                    preview.setManaged(p != null);
                    previewText.setText(
                            p == null
                                    ? ""
                                    : "Preview: "
                                            + p.checkName()
                                            + " as of "
                                            + Formats.moment(p.at(), ZoneId.systemDefault()));
                };
        Tooltip.install(
                preview,
                new Tooltip(
                        "Racks coloured by a tried check, not by health; the live states are"
                                + " unchanged. ✕ goes back to health."));
        model.previewProperty().addListener(o -> showPreview.run());
        showPreview.run();
        // the title on the left; the counts and controls on the right, wrapping onto a second
        // row when the window is too narrow for one (never pushing the window wider)
        FlowPane bar = new FlowPane(10, 6);
        bar.setAlignment(Pos.CENTER_RIGHT);
        HBox head = new HBox(10, title, state);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox row = new HBox(10, head, bar);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 0, 10, 0));
        for (Severity s : List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN, Severity.OK)) {
            ToggleButton chip = Severities.styled(new ToggleButton(), s, "sev-chip");
            chip.setId("filter-" + s.name().toLowerCase(Locale.ROOT));
            chip.setTooltip(new Tooltip("Show only " + s + " racks (toggle)"));
            Runnable text =
                    () -> chip.setText(model.summaryProperty().get().getOrDefault(s, 0) + " " + s);
            model.summaryProperty().addListener(o -> text.run());
            text.run();
            chip.selectedProperty()
                    .addListener(
                            (o, was, on) -> {
                                if (on) {
                                    filter.add(s);
                                } else {
                                    filter.remove(s);
                                }
                                draw();
                            });
            bar.getChildren().add(chip);
        }
        List<MetricDefinition> metrics = model.colourableMetrics();
        if (!metrics.isEmpty()) {
            ComboBox<MetricDefinition> colour = new ComboBox<>();
            colour.setId("colour-by");
            colour.getItems().add(null);
            colour.getItems().addAll(metrics);
            colour.setConverter(
                    new StringConverter<>() {
                        @Override
                        public String toString(MetricDefinition m) {
                            return m == null ? "Colour: health" : "Colour: " + m.name();
                        }

                        @Override
                        public MetricDefinition fromString(String s) {
                            return null;
                        }
                    });
            colour.setValue(model.colourByProperty().get());
            colour.valueProperty().addListener((o, a, m) -> model.colourByProperty().set(m));
            model.colourByProperty().addListener((o, a, m) -> colour.setValue(m));
            ToggleButton heat = new ToggleButton("Heat");
            heat.setId("floor-heat-map");
            heat.getStyleClass().add("range-button");
            heat.setTooltip(
                    new Tooltip(
                            "Spread the colouring metric over the floor: its thresholds as lines,"
                                    + " the hot spots named"));
            heat.selectedProperty().bindBidirectional(model.heatMapProperty());
            heat.disableProperty().bind(model.heatPossible().not());
            bar.getChildren().addAll(colour, heat);
        }
        if (model.slurmEnabled()) {
            ToggleButton slurm = new ToggleButton("Slurm");
            slurm.setId("colour-slurm");
            slurm.getStyleClass().add("range-button");
            slurm.setTooltip(
                    new Tooltip("Colour racks by their nodes' Slurm state instead of health"));
            slurm.selectedProperty().bindBidirectional(model.colourBySlurmProperty());
            bar.getChildren().add(slurm);
        }
        Button zoomIn = zoomButton("+", 1.25);
        Button zoomOut = zoomButton("−", 0.8);
        Button fit = new Button("Fit");
        fit.getStyleClass().add("nav-button");
        fit.setOnAction(e -> fit());
        Button actual = new Button("1:1");
        actual.setId("floor-actual-size");
        actual.getStyleClass().add("nav-button");
        actual.setTooltip(new Tooltip("One floor cell at layout.grid.cell pixels"));
        actual.setOnAction(e -> zoom(actualScale() / scale, 0, 0));
        bar.getChildren().addAll(zoomOut, zoomIn, fit, actual);
        // at 1440 px the title, counts and buttons keep their text; the colour choice gives way
        for (Node n : bar.getChildren()) {
            if (n instanceof ComboBox<?> c) {
                c.setPrefWidth(200);
                c.setMinWidth(110);
            } else if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        VBox header = new VBox(row, preview);
        VBox.setMargin(preview, new Insets(0, 0, 8, 0));
        preview.setMaxWidth(Region.USE_PREF_SIZE);
        return header;
    }

    private Button zoomButton(String text, double factor) {
        Button b = new Button(text);
        b.getStyleClass().add("nav-button");
        b.setOnAction(e -> zoom(factor, canvas.getWidth() / 2, canvas.getHeight() / 2));
        return b;
    }

    private void interaction() {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(200));
        tip.setOnShowing(e -> tip.setText(hovered == null ? "" : model.tooltip(hovered)));
        canvas.setOnMouseMoved(
                e -> {
                    Rack r = rackAtCanvas(e.getX(), e.getY());
                    if (r != hovered) {
                        hovered = r;
                        Tooltip.uninstall(canvas, tip);
                        if (r != null) {
                            Tooltip.install(canvas, tip);
                        }
                    }
                });
        canvas.setOnMousePressed(
                e -> {
                    dragX = e.getX();
                    dragY = e.getY();
                    moving =
                            model.editingProperty().get() && e.getButton() == MouseButton.PRIMARY
                                    ? rackAtCanvas(e.getX(), e.getY())
                                    : null;
                    dropRow = null;
                });
        canvas.setOnMouseDragged(
                e -> {
                    if (moving != null) {
                        FloorPlan.Row row = plan.rowAt((e.getY() - offsetY) / scale);
                        dropRow = row == null || row.aisleId() == null ? null : row;
                        dropSlot =
                                dropRow == null
                                        ? 0
                                        : FloorPlan.slotAt(dropRow, (e.getX() - offsetX) / scale);
                        canvas.setCursor(dropRow == null ? Cursor.DEFAULT : Cursor.CLOSED_HAND);
                        draw();
                        return;
                    }
                    offsetX += e.getX() - dragX;
                    offsetY += e.getY() - dragY;
                    dragX = e.getX();
                    dragY = e.getY();
                    draw();
                });
        canvas.setOnMouseReleased(
                e -> {
                    if (moving != null && dropRow != null && !e.isStillSincePress()) {
                        model.moveRack(moving, dropRow.aisleId(), dropSlot);
                    }
                    moving = null;
                    dropRow = null;
                    canvas.setCursor(Cursor.DEFAULT);
                    draw();
                });
        canvas.setOnMouseClicked(
                e -> {
                    if (e.isStillSincePress() && e.getButton() == MouseButton.PRIMARY) {
                        // one click: a quick look beside the floor; two: the rack itself
                        Rack r = rackAtCanvas(e.getX(), e.getY());
                        if (r != null && e.getClickCount() >= 2) {
                            model.open(r);
                        } else {
                            model.select(r);
                        }
                    }
                });
        HandleMenu.attach(
                canvas,
                e -> {
                    Rack r = rackAtCanvas(e.getX(), e.getY());
                    if (model.editingProperty().get()) {
                        return editMenu(r, plan.rowAt((e.getY() - offsetY) / scale));
                    }
                    if (r != null) {
                        return HandleMenu.of(
                                canvas,
                                model.handling(),
                                io.rackscope.desktop.topology.Names.titled("rack", r.name()),
                                new Target(Target.Type.RACK, r.key()),
                                a -> r.key().equals(a.rack()));
                    }
                    // beside the racks: the aisle
                    FloorPlan.Row row = plan.rowAt((e.getY() - offsetY) / scale);
                    if (row == null || row.aisleId() == null) {
                        return null;
                    }
                    Set<String> racks = new HashSet<>();
                    row.racks().forEach(k -> racks.add(k.key()));
                    return HandleMenu.of(
                            canvas,
                            model.handling(),
                            io.rackscope.desktop.topology.Names.titled("aisle", row.name()),
                            new Target(Target.Type.AISLE, row.aisleId()),
                            a -> racks.contains(a.rack()));
                });
        canvas.setOnScroll(
                e -> {
                    if (e.isControlDown()) {
                        zoom(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
                    } else {
                        offsetX += e.getDeltaX();
                        offsetY += e.getDeltaY();
                        draw();
                    }
                    e.consume();
                });
    }

    /** The scale at which one cell is {@code layout.grid.cell} pixels wide. */
    double actualScale() {
        return Math.max(8, plan.layout.cellSize()) / FloorPlan.CELL;
    }

    /** Which way north is on the plan ({@code layout.orientation.north}: top, right, ...). */
    static String compass(String north) {
        String n = north == null ? "" : north.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "right", "east" -> "N →";
            case "bottom", "down", "south" -> "N ↓";
            case "left", "west" -> "N ←";
            default -> "N ↑";
        };
    }

    /** The room's size as its layout gives it (in cells), or nothing. */
    private String roomSize() {
        double w = plan.layout.width();
        double h = plan.layout.height();
        return w > 0 && h > 0 ? "   " + Formats.value(w) + " × " + Formats.value(h) : "";
    }

    /** The scale now (for tests). */
    public double scale() {
        return scale;
    }

    private void zoom(double factor, double cx, double cy) {
        double next = Math.max(0.15, Math.min(4, scale * factor));
        offsetX = cx - (cx - offsetX) * next / scale;
        offsetY = cy - (cy - offsetY) * next / scale;
        scale = next;
        draw();
    }

    /** Whole floor in view when it fits at a legible size; else full width from the top. */
    private void fit() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        scale =
                Math.max(
                        0.35,
                        Math.min(1.6, Math.min((w - 20) / plan.width(), (h - 20) / plan.height())));
        offsetX = Math.max(10, (w - plan.width() * scale) / 2);
        offsetY = plan.height() * scale < h ? (h - plan.height() * scale) / 2 : 10;
        draw();
    }

    private Rack rackAtCanvas(double x, double y) {
        return plan.rackAt((x - offsetX) / scale, (y - offsetY) / scale);
    }

    /** Where a rack's tile is, in the canvas's coordinates (tests and hit checks). */
    public Rectangle2D tileOf(String rackId) {
        Rectangle2D t = plan.tiles.get(rackId);
        return t == null
                ? null
                : new Rectangle2D(
                        offsetX + t.getMinX() * scale,
                        offsetY + t.getMinY() * scale,
                        t.getWidth() * scale,
                        t.getHeight() * scale);
    }

    /** A point of an aisle's row, in the canvas's coordinates (tests: its right-click). */
    public Point2D pointOfAisle(String aisleId) {
        for (FloorPlan.Row row : plan.rows) {
            if (aisleId.equals(row.aisleId())) {
                return new Point2D(
                        offsetX + 2 * FloorPlan.CELL * scale,
                        offsetY + (row.y() + FloorPlan.CELL) * scale);
            }
        }
        return null;
    }

    /** The centre of a rack's tile on the screen, for robots. */
    public Point2D screenCentreOf(String rackId) {
        Rectangle2D t = tileOf(rackId);
        return canvas.localToScreen(
                t.getMinX() + t.getWidth() / 2, t.getMinY() + t.getHeight() / 2);
    }

    public Canvas canvas() {
        return canvas;
    }

    private final HeatMap heatMap = new HeatMap();
    private boolean heatShown;
    private HeatMap.Drawn heatDrawn;

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        Palette p = model.palette();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(p.token("-surface-window"));
        g.fillRect(0, 0, w, h);
        g.setTransform(scale, 0, 0, scale, offsetX, offsetY);
        double fw = plan.width();
        double fh = plan.height();
        g.setFill(p.token("-surface-panel"));
        g.fillRect(0, 0, fw, fh);
        if (plan.layout.gridEnabled() && scale > 0.3) {
            g.setStroke(p.token("-grid-line"));
            g.setLineWidth(0.5 / scale);
            double x0 = Math.max(0, Math.floor(-offsetX / scale / FloorPlan.CELL));
            double x1 =
                    Math.min(plan.widthCells, Math.ceil((w - offsetX) / scale / FloorPlan.CELL));
            double y0 = Math.max(0, Math.floor(-offsetY / scale / FloorPlan.CELL));
            double y1 =
                    Math.min(plan.heightCells, Math.ceil((h - offsetY) / scale / FloorPlan.CELL));
            for (double x = x0; x <= x1; x++) {
                g.strokeLine(
                        x * FloorPlan.CELL,
                        y0 * FloorPlan.CELL,
                        x * FloorPlan.CELL,
                        y1 * FloorPlan.CELL);
            }
            for (double y = y0; y <= y1; y++) {
                g.strokeLine(
                        x0 * FloorPlan.CELL,
                        y * FloorPlan.CELL,
                        x1 * FloorPlan.CELL,
                        y * FloorPlan.CELL);
            }
        }
        g.setStroke(p.token("-border"));
        g.setLineWidth(2);
        g.strokeRect(0, 0, fw, fh);
        door(g, p, fw, fh);
        g.setFont(Typography.bold(12));
        g.setFill(p.token("-text-secondary"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(compass(plan.layout.north()) + roomSize(), fw - 10, 8);
        MetricDefinition colouring = model.colourByProperty().get();
        HeatMap.Drawn heat =
                colouring == null || !model.heatMapProperty().get() || !model.heatPossible().get()
                        ? null
                        : heatMap.draw(g, p, colouring, model.metricValues(), plan, scale);
        heatShown = heat != null;
        heatDrawn = heat;
        double viewTop = -offsetY / scale - FloorPlan.CELL * 3;
        double viewBottom = (h - offsetY) / scale + FloorPlan.CELL;
        for (FloorPlan.Row row : plan.rows) {
            if (row.y() < viewTop || row.y() > viewBottom) {
                continue;
            }
            drawRow(g, p, row);
        }
        drawDrop(g, p);
        long fitting =
                plan.tiles.keySet().stream().filter(model.fitsProperty().get()::contains).count();
        if (fitting > 0) {
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.setFont(Typography.bold(12));
            g.setFill(p.token("-accent"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(
                    "Dashed: the "
                            + fitting
                            + (fitting == 1 ? " rack" : " racks")
                            + " where the device asked in Capacity fits",
                    16,
                    h - 10);
            g.setTransform(scale, 0, 0, scale, offsetX, offsetY);
        }
        if (heat != null) {
            g.setTransform(scale, 0, 0, scale, offsetX, offsetY);
            heatMap.ringHotSpots(g, p, heat, plan, scale);
            g.setTransform(1, 0, 0, 1, 0, 0);
            heatMap.legend(g, p, heat, model.colourByProperty().get(), w, h);
        }
    }

    /** Edit mode's right-click: on a rack, on an aisle, or on the floor. */
    private ContextMenu editMenu(Rack rack, FloorPlan.Row row) {
        ContextMenu menu = new ContextMenu();
        if (rack != null) {
            Menu move = new Menu("Move to aisle");
            for (FloorPlan.Row other : plan.rows) {
                if (other.aisleId() != null && !other.aisleId().equals(rack.aisleId())) {
                    MenuItem to = new MenuItem(other.name());
                    to.setOnAction(
                            e -> model.moveRack(rack, other.aisleId(), other.racks().size()));
                    move.getItems().add(to);
                }
            }
            move.setDisable(move.getItems().isEmpty());
            MenuItem delete =
                    EditForm.confirmItem(
                            canvas,
                            "Delete rack " + rack.id() + "…",
                            "Delete rack "
                                    + rack.id()
                                    + " and its "
                                    + Formats.count(rack.devices().size(), "device")
                                    + "?",
                            () -> model.deleteRack(rack));
            MenuItem rename =
                    EditForm.renameItem(
                            canvas,
                            "Rename rack " + rack.id() + "…",
                            rack.name(),
                            name -> model.renameRack(rack, name));
            MenuItem id = new MenuItem("Change the id of " + rack.id() + "…");
            id.setOnAction(
                    e ->
                            EditForm.titled(
                                            "Change the id of "
                                                    + rack.id()
                                                    + " (its series carry the id: its alerts"
                                                    + " and handled states stay with the old one)")
                                    .text("Id", rack.id())
                                    .ask(canvas)
                                    .ifPresent(v -> model.changeRackId(rack, v.get(0))));
            menu.getItems().addAll(move, rename, id, delete);
        } else if (row != null && row.aisleId() != null) {
            MenuItem add = new MenuItem("Add a rack to " + row.name() + "…");
            add.setOnAction(
                    e ->
                            EditForm.titled("Add a rack to " + row.name())
                                    .text("Id", model.nextRackId(row.aisleId()))
                                    .text("Name (blank: the id)", "")
                                    .choice("Rack template", withNone(model.rackTemplates()), "")
                                    .text("U height (blank: the template's, else 42)", "")
                                    .ask(canvas)
                                    .ifPresent(
                                            v -> {
                                                try {
                                                    model.addRack(
                                                            row.aisleId(),
                                                            v.get(0),
                                                            v.get(1),
                                                            v.get(2),
                                                            v.get(3).isBlank()
                                                                    ? null
                                                                    : Integer.valueOf(v.get(3)));
                                                } catch (NumberFormatException ex) {
                                                    EditForm.confirm(
                                                            canvas, "Not a U height: " + v.get(3));
                                                }
                                            }));
            MenuItem delete =
                    EditForm.confirmItem(
                            canvas,
                            "Delete aisle " + row.name() + "…",
                            "Delete aisle "
                                    + row.name()
                                    + " and its "
                                    + Formats.count(row.racks().size(), "rack")
                                    + "?",
                            () -> model.deleteAisle(row.aisleId()));
            MenuItem rename =
                    EditForm.renameItem(
                            canvas,
                            "Rename aisle " + row.name() + "…",
                            row.name(),
                            name -> model.renameAisle(row.aisleId(), name));
            int at = model.aislePosition(row.aisleId());
            MenuItem up = new MenuItem("Move aisle before the one above");
            up.setDisable(at <= 0);
            up.setOnAction(e -> model.moveAisle(row.aisleId(), -1));
            MenuItem down = new MenuItem("Move aisle after the one below");
            down.setDisable(at < 0 || at >= model.aisleCount() - 1);
            down.setOnAction(e -> model.moveAisle(row.aisleId(), 1));
            menu.getItems().addAll(add, rename, up, down, delete);
        }
        MenuItem standalone = new MenuItem("Add a standalone rack…");
        standalone.setOnAction(
                e ->
                        EditForm.titled("Add a standalone rack to " + model.room().name())
                                .text("Id", "")
                                .choice("Rack template", withNone(model.rackTemplates()), "")
                                .ask(canvas)
                                .ifPresent(v -> model.addStandaloneRack(v.get(0), v.get(1))));
        MenuItem layout = new MenuItem("Room layout…");
        layout.setOnAction(e -> editLayout());
        menu.getItems().addAll(standalone, layout);
        MenuItem aisle = new MenuItem("Add an aisle…");
        aisle.setOnAction(
                e ->
                        EditForm.titled("Add an aisle to " + model.room().name())
                                .text("Id", model.nextAisleId())
                                .text("Name", "")
                                .ask(canvas)
                                .ifPresent(v -> model.addAisle(v.get(0), v.get(1))));
        menu.getItems().add(aisle);
        return menu;
    }

    /** The room's size, grid, north and door, edited as numbers and choices. */
    private void editLayout() {
        RoomLayout l = model.room().layout();
        EditForm.titled("Room layout of " + model.room().name())
                .text("Width (grid cells)", Scalars.number(l.width()))
                .text("Depth (grid cells)", Scalars.number(l.height()))
                .text("Grid cell (pixels)", Integer.toString(l.cellSize()))
                .choice("North is at the", List.of("top", "right", "bottom", "left"), l.north())
                .choice("Door side", List.of("north", "south", "east", "west"), l.doorSide())
                .text("Door position along the wall (0 to 1)", Scalars.number(l.doorPosition()))
                .text("Door label", l.doorLabel())
                .ask(canvas)
                .ifPresent(
                        v -> {
                            try {
                                model.setLayout(
                                        new EstateEdits.Layout(
                                                Double.valueOf(v.get(0)),
                                                Double.valueOf(v.get(1)),
                                                Integer.valueOf(v.get(2)),
                                                null,
                                                v.get(3),
                                                v.get(4),
                                                Double.valueOf(v.get(5)),
                                                v.get(6).isBlank() ? null : v.get(6)));
                            } catch (NumberFormatException ex) {
                                EditForm.confirm(canvas, "Not a number: " + ex.getMessage());
                            }
                        });
    }

    private static List<String> withNone(List<String> templates) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(templates);
        return out;
    }

    /** Where a dragged rack would land: an accent bar in the gap. */
    private void drawDrop(GraphicsContext g, Palette p) {
        if (moving == null || dropRow == null) {
            return;
        }
        g.setFill(p.token("-accent"));
        g.fillRect(FloorPlan.slotX(dropSlot) - 2, dropRow.y() - 4, 4, FloorPlan.TILE_H + 8);
        Rectangle2D from = plan.tiles.get(moving.key());
        if (from != null) {
            g.setStroke(p.token("-accent"));
            g.setLineWidth(2);
            g.setLineDashes(4, 3);
            g.strokeRect(from.getMinX(), from.getMinY(), from.getWidth(), from.getHeight());
            g.setLineDashes();
        }
    }

    private void drawRow(GraphicsContext g, Palette p, FloorPlan.Row row) {
        Font summaryFont = Typography.bold(11);
        String summary = row.aisleId() == null ? "" : model.aisleSummary(row.aisleId()).get();
        double summaryX = (row.racks().size() + 3.2) * FloorPlan.CELL;
        // the band holds the aisle's summary however long it reads
        double bandW =
                Math.max(
                        (row.racks().size() + 6.5) * FloorPlan.CELL,
                        summaryX
                                + TextFit.width(summary, summaryFont)
                                + 0.3 * FloorPlan.CELL
                                - 0.5 * FloorPlan.CELL);
        g.setFill(p.token("-aisle-band"));
        // on a heat map the band lets the field through: the aisle is where it matters most
        g.setGlobalAlpha(heatShown ? 0.3 : 1);
        g.fillRoundRect(
                0.5 * FloorPlan.CELL,
                row.y() - 0.75 * FloorPlan.CELL,
                bandW,
                2.4 * FloorPlan.CELL,
                8,
                8);
        g.setGlobalAlpha(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Typography.bold(11));
        g.setFill(p.token("-text-secondary"));
        g.fillText(row.name(), 0.7 * FloorPlan.CELL, row.y() - 0.68 * FloorPlan.CELL);
        if (!summary.isEmpty()) {
            g.setFont(summaryFont);
            g.fillText(summary, summaryX, row.y() + 0.4 * FloorPlan.CELL);
        }
        for (Rack r : row.racks()) {
            drawRack(g, p, r);
        }
    }

    private void drawRack(GraphicsContext g, Palette p, Rack r) {
        Rectangle2D t = plan.tiles.get(r.key());
        RackStatus st = model.rack(r.key()).get();
        boolean dimmed =
                !filter.isEmpty() && !filter.contains(st.severity())
                        || !st.inJob() && model.jobSelected();
        g.setGlobalAlpha(dimmed ? 0.18 : 1);
        boolean dim = st.stale() || blinkOn && model.flashing(r);
        g.setFill(dim ? p.staleFill(st.tone()) : p.tone(st.tone()));
        g.fillRoundRect(t.getMinX(), t.getMinY(), t.getWidth(), t.getHeight(), 5, 5);
        if (st.stale()) {
            g.setStroke(p.token("-sev-stale"));
            g.setLineWidth(2);
            g.setLineDashes(3, 2);
            g.strokeRoundRect(
                    t.getMinX() + 1, t.getMinY() + 1, t.getWidth() - 2, t.getHeight() - 2, 5, 5);
            g.setLineDashes((double[]) null);
        }
        if (st.handled()) {
            hatch(g, p, t, st.look());
        }
        // its shape under the label: colour is never the only cue
        double mark = Math.min(14, Math.min(t.getWidth(), t.getHeight()) / 2);
        g.setFill(p.token("-text-on-severity"));
        StateMark.draw(
                g,
                st.tone(),
                t.getMinX() + (t.getWidth() - mark) / 2,
                t.getMaxY() - mark - 2,
                mark);
        boolean marked =
                r.key().equals(highlight) || st.inJob() || r == model.selectedProperty().get();
        if (marked || r == hovered) {
            g.setStroke(marked ? p.token("-accent") : p.token("-text-primary"));
            g.setLineWidth(marked ? 3 : 2);
            g.strokeRoundRect(
                    t.getMinX() - 2, t.getMinY() - 2, t.getWidth() + 4, t.getHeight() + 4, 6, 6);
        }
        if (!st.label().isEmpty()) {
            g.setFill(p.token("-surface-window"));
            g.setFont(Typography.bold(st.label().length() > 3 ? 10 : 12));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(st.label(), t.getMinX() + t.getWidth() / 2, t.getMinY() + t.getHeight() / 2);
        }
        if (st.forecast()) {
            drawEta(g, p, t, st);
        }
        double[] profile = heatShown ? model.metricProfile(r.key()) : null;
        if (profile != null) {
            drawProfile(g, p, t, profile);
        }
        if (model.fitsProperty().get().contains(r.key())) {
            // "where does it fit?": a dashed ring in the accent colour, apart from the selection's
            g.setStroke(p.token("-accent"));
            g.setLineWidth(2);
            g.setLineDashes(5, 3);
            g.strokeRoundRect(
                    t.getMinX() - 1.5,
                    t.getMinY() - 1.5,
                    t.getWidth() + 3,
                    t.getHeight() + 3,
                    7,
                    7);
            g.setLineDashes((double[]) null);
        }
        g.setFill(p.token("-text-secondary"));
        g.setFont(Typography.regular(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(shortName(r), t.getMinX() + t.getWidth() / 2, t.getMaxY() + 2);
        g.setGlobalAlpha(1);
    }

    /**
     * A rack's vertical profile on a heat map: a strip down the tile's right edge in three parts,
     * its top, middle and bottom thirds coloured by their hottest node (none where no node is).
     */
    private void drawProfile(GraphicsContext g, Palette p, Rectangle2D t, double[] profile) {
        double w = Math.max(4, t.getWidth() / 6);
        double third = t.getHeight() / 3;
        for (int i = 0; i < 3; i++) {
            double v = profile[2 - i]; // the top third first
            if (Double.isNaN(v)) {
                continue;
            }
            g.setFill(HeatMap.colour(p, v, heatDrawn, 1));
            g.fillRect(t.getMaxX() - w - 1, t.getMinY() + i * third + 1, w, third - 2);
        }
        g.setStroke(p.token("-surface-window"));
        g.setLineWidth(1);
        g.strokeRect(t.getMaxX() - w - 1, t.getMinY() + 1, w, t.getHeight() - 2);
    }

    /**
     * A forecast's chip across the tile's top edge: how soon, in the colour of the severity it is
     * heading for, outlined so that it reads on a tile of the same colour.
     */
    private static void drawEta(GraphicsContext g, Palette p, Rectangle2D t, RackStatus st) {
        double h = 13;
        double w = Math.min(t.getWidth() + 6, 8 + 6.2 * st.eta().length());
        double x = t.getMinX() + (t.getWidth() - w) / 2;
        double y = t.getMinY() - h / 2;
        g.setFill(p.tone(Tone.of(st.heading())));
        g.fillRoundRect(x, y, w, h, 6, 6);
        g.setStroke(p.token("-surface-window"));
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y, w, h, 6, 6);
        g.setFill(p.token("-text-on-severity"));
        g.setFont(Typography.bold(10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(st.eta(), x + w / 2, y + h / 2);
    }

    /**
     * Handled: hatching over the true colour, so red stays red but reads "someone is on it"; an
     * acknowledgement one way (/), a badging maintenance the other (\), a hiding one both.
     */
    private static void hatch(GraphicsContext g, Palette p, Rectangle2D t, HandledLook look) {
        g.save();
        g.beginPath();
        g.rect(t.getMinX(), t.getMinY(), t.getWidth(), t.getHeight());
        g.clip();
        g.setStroke(p.token("-surface-window"));
        g.setLineWidth(2);
        g.setGlobalAlpha(0.55);
        for (double d = -t.getHeight(); d < t.getWidth(); d += 6) {
            if (look != HandledLook.BADGE) {
                g.strokeLine(
                        t.getMinX() + d, t.getMaxY(), t.getMinX() + d + t.getHeight(), t.getMinY());
            }
            if (look != HandledLook.ACK) {
                g.strokeLine(
                        t.getMinX() + d, t.getMinY(), t.getMinX() + d + t.getHeight(), t.getMaxY());
            }
        }
        g.restore();
    }

    private void door(GraphicsContext g, Palette p, double w, double h) {
        double len = 2 * FloorPlan.CELL;
        double pos = Math.max(0, Math.min(1, plan.layout.doorPosition()));
        double x;
        double y;
        double dw = 6;
        double dh = 6;
        switch (plan.layout.doorSide()) {
            case "north" -> {
                x = pos * (w - len);
                y = -3;
                dw = len;
            }
            case "east" -> {
                x = w - 3;
                y = pos * (h - len);
                dh = len;
            }
            case "west" -> {
                x = -3;
                y = pos * (h - len);
                dh = len;
            }
            default -> {
                x = pos * (w - len);
                y = h - 3;
                dw = len;
            }
        }
        g.setFill(p.token("-accent"));
        g.fillRect(x, y, dw, dh);
        g.setFont(Typography.regular(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(
                plan.layout.doorLabel().isEmpty() ? "Door" : plan.layout.doorLabel(),
                Math.min(x, w - 90) + 4,
                Math.max(y - 4, 14));
    }

    /** The distinctive end of a rack id ("r05" of "fra1-a01-r05") for the label under its tile. */
    static String shortName(Rack r) {
        String id = r.id();
        int dash = id.lastIndexOf('-');
        String tail = dash >= 0 && dash < id.length() - 1 ? id.substring(dash + 1) : id;
        return tail.length() > 5 ? tail.substring(tail.length() - 5) : tail;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        blinker.stop();
        subscriptions.dispose();
        model.dispose();
    }
}
