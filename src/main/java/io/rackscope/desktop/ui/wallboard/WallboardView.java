package io.rackscope.desktop.ui.wallboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HandleMenu;
import io.rackscope.desktop.ui.HandledLook;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.StateMark;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Tone;
import io.rackscope.desktop.ui.Typography;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Every node of a room, a site or the estate as one dense grid of cells (one per instance, grouped
 * and labelled by room, aisle and rack): captions on a Canvas drawn once per layout, cells in a
 * pixel buffer above it, so a snapshot repaints only the cells that changed and uploads only the
 * rectangle around them. TilesFX tiles beside the grid; cells that changed recently carry a white
 * corner mark.
 */
public final class WallboardView implements PlaceView {
    private final WallboardViewModel model;
    private final BorderPane root = new BorderPane();
    private final Canvas canvas = new Canvas();
    private final ImageView cells = new ImageView();
    private final double scale;
    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter CLOCK_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ROOT);
    private final long recentMillis;
    private final Timeline ticker;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Tile health;
    private final Tile topIncidents;
    private final Tile prometheus;
    private final Tile age;
    private final Tile clock;
    private final List<Tile> tiles;
    private final Label[] counts = new Label[4];
    private final Label healthyPercent = new Label("—");
    private final Label healthyOf = new Label("");
    private final VBox topRows = new VBox(3);
    private WallboardLayout layout;
    private WritableImage image;
    private int[] pixels;
    private int width;
    private int height;
    private boolean dirty;
    private int dirtyMinX = Integer.MAX_VALUE;
    private int dirtyMinY = Integer.MAX_VALUE;
    private int dirtyMaxX;
    private int dirtyMaxY;
    private int[] colours;
    private int accent;

    /** The rooms in pages of cells no smaller than {@code kiosk.min_cell_px}, and the one shown. */
    private List<List<io.rackscope.desktop.topology.Room>> pages = List.of();

    private int page;
    private int pageShownSeconds;

    /** The canvas size {@link #pages} were made for. */
    private int pagedWidth;

    private int pagedHeight;

    public WallboardView(WallboardViewModel model, String scope) {
        this.model = model;
        this.scale = model.textScale();
        this.recentMillis = model.recentMillis();
        root.getStyleClass().add("content");
        root.setStyle(Typography.scaled(scale));
        Label title =
                new Label(
                        "Wallboard — "
                                + (scope.isEmpty() ? "all sites" : scope)
                                + " · "
                                + Formats.count(model.size(), "node"));
        title.getStyleClass().add("wall-title");
        HBox header = new HBox(title);
        header.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(header);
        Pane holder = new Pane(canvas, cells);
        cells.setPickOnBounds(true);
        holder.setId("wallboard-grid");
        holder.setMinSize(100, 100);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> relayout());
        canvas.heightProperty().addListener(o -> relayout());
        root.setCenter(holder);
        Palette p = model.palette();
        healthyPercent.setId("healthy-percent");
        healthyPercent.getStyleClass().add("wall-figure");
        Severities.styled(healthyPercent, Severity.OK, "sev-text");
        healthyOf.getStyleClass().addAll("muted", "wall-note");
        health =
                tile(
                        TileBuilder.create()
                                .skinType(Tile.SkinType.CUSTOM)
                                .title("Healthy nodes")
                                .graphic(new VBox(2, healthyPercent, healthyOf)),
                        p);
        // two by two: four rows of large figures overran the tile's title at 1440 px
        GridPane countGrid = new GridPane();
        countGrid.setHgap(8);
        countGrid.setVgap(6);
        List<Severity> order = List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN, Severity.OK);
        for (int i = 0; i < order.size(); i++) {
            Label name =
                    Severities.styled(new Label(order.get(i).name()), order.get(i), "sev-badge");
            name.setMinWidth(Region.USE_PREF_SIZE);
            counts[i] = new Label("0");
            counts[i].setId("count-" + order.get(i).name().toLowerCase(Locale.ROOT));
            counts[i].setMinWidth(Region.USE_PREF_SIZE);
            counts[i].getStyleClass().add("wall-count");
            VBox cellBox = new VBox(2, name, counts[i]);
            countGrid.add(cellBox, i % 2, i / 2);
        }
        Tile countTile =
                tile(
                        TileBuilder.create()
                                .skinType(Tile.SkinType.CUSTOM)
                                .title("Nodes by state")
                                .graphic(countGrid),
                        p);
        topRows.setId("top-incidents");
        topIncidents =
                tile(
                        TileBuilder.create()
                                .skinType(Tile.SkinType.CUSTOM)
                                .title("Top incidents")
                                .graphic(topRows),
                        p);
        prometheus =
                tile(
                        TileBuilder.create()
                                .skinType(Tile.SkinType.TEXT)
                                .title("Prometheus")
                                .descriptionAlignment(Pos.CENTER_LEFT),
                        p);
        age =
                tile(
                        TileBuilder.create()
                                .skinType(Tile.SkinType.TEXT)
                                .title("Age of the data")
                                .descriptionAlignment(Pos.CENTER_LEFT),
                        p);
        // the CLOCK skin draws the time on the background made darker: a grey band in the light
        // theme; a text tile keeps the theme's own colours in both
        clock =
                tile(
                        TileBuilder.create()
                                .skinType(Tile.SkinType.TEXT)
                                .title("Clock")
                                .descriptionAlignment(Pos.CENTER_LEFT),
                        p);
        tiles = List.of(health, countTile, topIncidents, prometheus, age, clock);
        VBox tileBox = new VBox(8);
        tileBox.getChildren().addAll(tiles);
        tileBox.setId("wallboard-tiles");
        tileBox.setPadding(new Insets(0, 0, 0, 10));
        root.setRight(tileBox);
        model.setListeners(this::paintCell, this::applied);
        subscriptions.onInvalidate(model.snapshotProperty(), o -> status());
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> secondPassed()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        subscriptions.onInvalidate(model.themeProperty(), o -> relayout());
        cells.setOnMouseClicked(
                e -> {
                    int i = cellAt(e.getX(), e.getY());
                    if (i >= 0 && e.getButton() == MouseButton.PRIMARY) {
                        model.open(i);
                    }
                });
        HandleMenu.attach(
                cells,
                e -> {
                    int i = cellAt(e.getX(), e.getY());
                    String node = i < 0 ? null : model.id(i);
                    return node == null
                            ? null
                            : HandleMenu.of(
                                    cells,
                                    model.handling(),
                                    "node " + node,
                                    new Target(Target.Type.INSTANCE, node),
                                    a -> node.equals(a.entity()));
                });
        Tooltip tip = new Tooltip();
        tip.setShowDelay(javafx.util.Duration.millis(150));
        int[] hovered = {-1};
        cells.setOnMouseMoved(e -> hovered[0] = cellAt(e.getX(), e.getY()));
        tip.setOnShowing(
                e -> tip.setText(hovered[0] < 0 ? "Point at a node" : model.tooltip(hovered[0])));
        Tooltip.install(cells, tip);
        summary(model.summaryProperty().get());
        model.summaryProperty().addListener((o, a, s) -> summary(s));
        status();
    }

    private Tile tile(TileBuilder<?> b, Palette p) {
        double w = 250 * scale;
        Tile t =
                b.prefSize(w, 150 * scale)
                        .maxSize(w, 150 * scale)
                        .backgroundColor(p.token("-surface-panel"))
                        .titleColor(p.token("-text-secondary"))
                        .textColor(p.token("-text-primary"))
                        .valueColor(p.token("-text-primary"))
                        .descriptionColor(p.token("-text-primary"))
                        .unitColor(p.token("-text-secondary"))
                        .foregroundBaseColor(p.token("-text-primary"))
                        .animated(false)
                        .build();
        return t;
    }

    private void summary(WallboardViewModel.Summary s) {
        if (s == null) {
            return;
        }
        int ok = s.counts().getOrDefault(Severity.OK, 0);
        int all = s.counts().values().stream().mapToInt(Integer::intValue).sum();
        healthyPercent.setText(String.format(Locale.ROOT, "%.1f %%", s.healthyPercent()));
        healthyOf.setText(String.format(Locale.ROOT, "%,d of %,d nodes OK", ok, all));
        int i = 0;
        for (int n : s.counts().values()) {
            counts[i++].setText(String.format(Locale.ROOT, "%,d", n));
        }
        topRows.getChildren().setAll(s.topIncidents().stream().map(this::topRow).toList());
        if (s.topIncidents().isEmpty()) {
            Label none = new Label("none");
            none.getStyleClass().add("muted");
            topRows.getChildren().add(none);
        }
    }

    /** Severity, the place by name (cut with … when long, in full on hover), its count. */
    private Node topRow(WallboardViewModel.TopIncident t) {
        Label sev = Severities.styled(new Label(t.severity().name()), t.severity(), "sev-badge");
        sev.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label((t.handled() ? "handled: " : "") + t.title());
        title.setMinWidth(0);
        title.setTooltip(new javafx.scene.control.Tooltip(title.getText()));
        title.getStyleClass().add("wall-row");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Label count = new Label(String.format(Locale.ROOT, "%,d", t.count()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.getStyleClass().addAll("wall-row", "wall-row-count");
        HBox row = new HBox(6, sev, title, count);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void status() {
        prometheus.setDescription(model.prometheusText());
        secondPassed();
    }

    /** Which page of the wall is shown, "page 2 of 3", or empty when everything fits on one. */
    public String pageText() {
        return pages.size() <= 1 ? "" : "page " + (page + 1) + " of " + pages.size();
    }

    private void turnPage() {
        if (pages.size() > 1 && ++pageShownSeconds >= model.pageSeconds()) {
            pageShownSeconds = 0;
            page = (page + 1) % pages.size();
            relayout();
        }
    }

    private void secondPassed() {
        turnPage();
        age.setDescription(model.ageText());
        ZonedDateTime wall = Instant.ofEpochMilli(model.nowMillis()).atZone(ZoneId.systemDefault());
        clock.setDescription(CLOCK_TIME.format(wall));
        clock.setText(CLOCK_DATE.format(wall));
        if (layout != null && recentMillis > 0) {
            boolean any = false;
            for (int i = 0; i < model.size(); i++) {
                if (model.flashing(i, recentMillis)) {
                    paintCell(i);
                    any = true;
                }
            }
            if (any) {
                applied();
            }
        }
        if (layout != null && recentMillis > 0 && model.nowMillis() % 30_000 < 1_000) {
            long now = model.nowMillis();
            for (int i = 0; i < model.size(); i++) {
                long at = model.changedAt(i);
                if (at > 0 && now - at >= recentMillis && now - at < recentMillis + 60_000) {
                    paintCell(i);
                }
            }
            applied();
        }
    }

    private int cellAt(double x, double y) {
        return layout == null ? -1 : layout.cellAt(x, y);
    }

    private void relayout() {
        width = (int) canvas.getWidth();
        height = (int) canvas.getHeight();
        if (width < 1 || height < 1) {
            return;
        }
        if (width != pagedWidth || height != pagedHeight) {
            // the pages depend on the size alone: a page turn or a theme lays out one page again
            pages =
                    WallboardLayout.pages(
                            model.rooms(), model.size(), width, height, scale, model.minCellPx());
            pagedWidth = width;
            pagedHeight = height;
            page = Math.min(page, pages.size() - 1);
        }
        layout =
                WallboardLayout.fit(
                        model.rooms(),
                        java.util.Set.copyOf(pages.get(page)),
                        model.size(),
                        width,
                        height,
                        scale);
        image = new WritableImage(width, height);
        cells.setImage(image);
        pixels = new int[width * height];
        Palette p = model.palette();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(p.token("-surface-window"));
        g.fillRect(0, 0, width, height);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (WallboardLayout.Label l : layout.labels) {
            g.setFill(l.heading() ? p.token("-text-primary") : p.token("-text-secondary"));
            Font font = l.heading() ? Typography.bold(14 * scale) : Typography.regular(11 * scale);
            g.setFont(font);
            // never squeezed: the name, else the id, else as much of it as fits
            String shown = Typography.fit(l.text(), l.shorter(), font, l.width());
            if (!shown.equals(l.text()) && !shown.equals(l.shorter())) {
                // a rack's id too long for its block: its last part names it within the aisle
                String last = l.shorter().substring(l.shorter().lastIndexOf('-') + 1);
                shown = Typography.fit(last, last, font, l.width());
            }
            g.fillText(shown, l.x(), l.y());
        }
        if (pages.size() > 1) {
            // cells kept readable from across the room: the rooms in turn, said
            g.setFill(p.token("-text-secondary"));
            g.setFont(Typography.bold(13 * scale));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(
                    pageText().substring(0, 1).toUpperCase(Locale.ROOT)
                            + pageText().substring(1)
                            + ", each "
                            + model.pageSeconds()
                            + " s",
                    width - 4,
                    0);
        }
        repaintAll();
    }

    private void repaintAll() {
        if (layout == null) {
            return;
        }
        Palette p = model.palette();
        colours = new int[Tone.values().length * 2];
        for (Tone t : Tone.values()) {
            colours[t.ordinal() * 2] = argb(p.tone(t));
            colours[t.ordinal() * 2 + 1] = argb(p.staleFill(t));
        }
        accent = argb(p.token("-accent"));
        markColour = argb(p.token("-text-on-severity"));
        staleEdge = argb(p.token("-sev-stale"));
        for (int i = 0; i < model.size(); i++) {
            paintCell(i);
        }
        applied();
    }

    private static int argb(Color c) {
        return 0xff000000
                | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** The colours of the state marks ({@link StateMark}) and of a stale cell's dashed edge. */
    private int markColour;

    private int staleEdge;

    private void paintCell(int i) {
        if (layout == null) {
            return;
        }
        if (layout.x[i] == WallboardLayout.ELSEWHERE) {
            return; // on another page: nothing drawn, nothing to upload
        }
        int x0 = (int) layout.x[i];
        int y0 = (int) layout.y[i];
        int size = layout.cell;
        // on the quiet wall a new CRIT nobody has answered blinks, a second dimmed in two
        boolean blink = model.flashing(i, recentMillis) && (model.nowMillis() / 1000) % 2 == 1;
        Tone tone = model.tone(i);
        boolean stale = model.stale(i);
        int colour = colours[tone.ordinal() * 2 + (stale || blink ? 1 : 0)];
        int x1 = Math.min(width, x0 + size);
        int y1 = Math.min(height, y0 + size);
        dirtyMinX = Math.min(dirtyMinX, Math.max(0, x0));
        dirtyMinY = Math.min(dirtyMinY, Math.max(0, y0));
        dirtyMaxX = Math.max(dirtyMaxX, x1);
        dirtyMaxY = Math.max(dirtyMaxY, y1);
        for (int y = Math.max(0, y0); y < y1; y++) {
            Arrays.fill(pixels, y * width + Math.max(0, x0), y * width + x1, colour);
        }
        // most cells are calm and fresh: no mark, no pixel to visit
        if (size >= StateMark.MIN && StateMark.has(tone, stale)) {
            for (int y = Math.max(0, y0); y < y1; y++) {
                for (int x = Math.max(0, x0); x < x1; x++) {
                    if (StateMark.marks(tone, stale, x - x0, y - y0, size)) {
                        boolean edge = x == x0 || y == y0 || x == x1 - 1 || y == y1 - 1;
                        pixels[y * width + x] = edge ? staleEdge : markColour;
                    }
                }
            }
        }
        if (model.handled(i) && size >= 4) {
            // handled: hatched over its true colour, as on the floor (ack /, badge \, hide both)
            HandledLook look = model.look(i);
            int dark = ((colour & 0xfefefe) >> 1) | 0xff000000;
            for (int y = Math.max(0, y0); y < y1; y++) {
                for (int x = Math.max(0, x0); x < x1; x++) {
                    if (look.marks(x, y, 4)) {
                        pixels[y * width + x] = dark;
                    }
                }
            }
        }
        if (model.inJob(i)) {
            frame(x0, y0, x1, y1, size < 4);
        }
        long at = model.changedAt(i);
        if (size >= 4 && at > 0 && model.nowMillis() - at < recentMillis) {
            int mark = Math.max(2, size / 3);
            for (int y = Math.max(0, y0); y < Math.min(y1, y0 + mark); y++) {
                Arrays.fill(pixels, y * width + Math.max(0, x1 - mark), y * width + x1, 0xffffffff);
            }
        }
        dirty = true;
    }

    /** Uploads the rectangle around the cells painted since the last upload. */
    /** The selected job's cells: an accent frame, or all accent when too small for a frame. */
    private void frame(int x0, int y0, int x1, int y1, boolean fill) {
        for (int y = Math.max(0, y0); y < y1; y++) {
            for (int x = Math.max(0, x0); x < x1; x++) {
                if (fill || y == y0 || y == y1 - 1 || x == x0 || x == x1 - 1) {
                    pixels[y * width + x] = accent;
                }
            }
        }
    }

    private void applied() {
        if (!dirty || image == null) {
            return;
        }
        dirty = false;
        int w = dirtyMaxX - dirtyMinX;
        int h = dirtyMaxY - dirtyMinY;
        if (w > 0 && h > 0) {
            image.getPixelWriter()
                    .setPixels(
                            dirtyMinX,
                            dirtyMinY,
                            w,
                            h,
                            PixelFormat.getIntArgbPreInstance(),
                            pixels,
                            dirtyMinY * width + dirtyMinX,
                            width);
        }
        dirtyMinX = Integer.MAX_VALUE;
        dirtyMinY = Integer.MAX_VALUE;
        dirtyMaxX = 0;
        dirtyMaxY = 0;
    }

    /** Where cell {@code i} is drawn, in canvas coordinates (tests). */
    public double[] cellPosition(int i) {
        return new double[] {layout.x[i], layout.y[i], layout.cell};
    }

    public WallboardViewModel model() {
        return model;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Repaints every cell now, as a theme change does (benchmarks measure it). */
    public void redrawAll() {
        repaintAll();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        ticker.stop();
        clock.setRunning(false);
        // every Tile owns a "TileTick" scheduler thread until stopped
        tiles.forEach(Tile::stop);
        subscriptions.dispose();
        model.dispose();
    }
}
