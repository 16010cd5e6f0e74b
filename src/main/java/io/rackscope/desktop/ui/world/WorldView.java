package io.rackscope.desktop.ui.world;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.topology.Location;
import io.rackscope.desktop.topology.Site;
import io.rackscope.desktop.ui.EditForm;
import io.rackscope.desktop.ui.HandleMenu;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Typography;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * Sites at their latitude and longitude on an offline world map (equirectangular, Natural Earth
 * land), each marker coloured by the site's worst state with its rack counts; every site listed
 * beside the map, including those without a location. Scroll (or the zoom buttons, unless {@code
 * map.zoom_controls} is off) zooms within {@code map.min_zoom..max_zoom}, drag pans, a click on a
 * marker opens the site. It opens at {@code map.center} and {@code map.default_zoom} when given,
 * else fitted to the sites. With {@code features.worldmap} off only the list shows.
 */
public final class WorldView implements PlaceView {
    private static final double MARKER = 11;

    /** In Edit mode, the site whose marker is being dragged to its new place. */
    private Site moving;

    private final WorldViewModel model;
    private final BorderPane root = new BorderPane();
    private final Canvas canvas = new Canvas();
    private final VBox list = new VBox(6);
    private final Subscriptions subscriptions = new Subscriptions();
    private double centerLon;
    private double centerLat;
    private double degreesWide;
    private double dragX;
    private double dragY;
    private double widest = 360;
    private double narrowest = 4;

    public WorldView(WorldViewModel model) {
        this.model = model;
        root.getStyleClass().add("content");
        Label title = new Label(model.title());
        title.getStyleClass().add("title");
        HBox top = new HBox(10, title);
        top.setAlignment(Pos.CENTER_LEFT);
        root.setTop(top);
        BorderPane.setMargin(root.getTop(), new Insets(0, 0, 10, 0));
        list.getStyleClass().add("panel");
        if (model.map().isEmpty()) {
            ScrollPane scroll = new ScrollPane(list);
            scroll.setFitToWidth(true);
            root.setCenter(scroll);
            subscriptions.onInvalidate(model.revisionProperty(), o -> refresh());
            refresh();
            return;
        }
        AppConfig.WorldMap map = model.map().get();
        widest = AppConfig.WorldMap.degreesWide(map.minZoom());
        narrowest = AppConfig.WorldMap.degreesWide(map.maxZoom());
        if (map.zoomControls()) {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button in = new Button("+");
            in.setId("zoom-in");
            in.setOnAction(e -> zoom(0.5));
            Button out = new Button("\u2212");
            out.setId("zoom-out");
            out.setOnAction(e -> zoom(2));
            Button fit = new Button("Fit");
            fit.setOnAction(
                    e -> {
                        fitToSites();
                        draw();
                    });
            top.getChildren().addAll(gap, in, out, fit);
        }
        Button here = new Button("Open the map here");
        here.setId("map-here");
        here.setTooltip(
                new javafx.scene.control.Tooltip(
                        "Write this centre and zoom as the map's default view (map.center,"
                                + " map.default_zoom)"));
        here.visibleProperty().bind(model.editingProperty());
        here.managedProperty().bind(model.editingProperty());
        here.setOnAction(e -> model.openMapHere(centerLat, centerLon, zoomLevel()));
        top.getChildren().add(here);
        Pane holder = new Pane(canvas);
        holder.setMinSize(200, 150);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        root.setCenter(holder);
        list.setPrefWidth(300);
        BorderPane.setMargin(list, new Insets(0, 0, 0, 12));
        root.setRight(list);
        fitToSites();
        if (map.defaultZoom() != null) {
            degreesWide = AppConfig.WorldMap.degreesWide(map.defaultZoom());
        }
        if (map.centerLat() != null) {
            centerLat = map.centerLat();
            centerLon = map.centerLon();
        }
        canvas.setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 0.85 : 1 / 0.85));
        canvas.setOnMousePressed(
                e -> {
                    dragX = e.getX();
                    dragY = e.getY();
                    moving =
                            model.editingProperty().get() && e.getButton() == MouseButton.PRIMARY
                                    ? siteAt(e.getX(), e.getY()).orElse(null)
                                    : null;
                });
        canvas.setOnMouseReleased(
                e -> {
                    if (moving != null && !e.isStillSincePress()) {
                        model.setLocation(moving, lat(e.getY()), lon(e.getX()));
                    }
                    moving = null;
                    canvas.setCursor(Cursor.DEFAULT);
                    draw();
                });
        canvas.setOnContextMenuRequested(
                e -> {
                    if (model.editingProperty().get()) {
                        ContextMenu menu = addSiteMenu(lat(e.getY()), lon(e.getX()));
                        siteAt(e.getX(), e.getY())
                                .ifPresent(
                                        site -> {
                                            MenuItem rename =
                                                    EditForm.renameItem(
                                                            canvas,
                                                            "Rename " + site.name() + "…",
                                                            site.name(),
                                                            name -> model.renameSite(site, name));
                                            MenuItem delete =
                                                    EditForm.confirmItem(
                                                            canvas,
                                                            "Delete " + site.name() + "…",
                                                            "Delete site "
                                                                    + site.name()
                                                                    + " with its "
                                                                    + model.holds(site)
                                                                    + "?",
                                                            () -> model.deleteSite(site));
                                            menu.getItems().addAll(0, List.of(rename, delete));
                                        });
                        menu.show(canvas, e.getScreenX(), e.getScreenY());
                        e.consume();
                    }
                });
        canvas.setOnMouseDragged(
                e -> {
                    if (moving != null) {
                        // the marker follows the pointer; the site moves when it is let go
                        canvas.setCursor(Cursor.CLOSED_HAND);
                        draw();
                        drawGhost(e.getX(), e.getY());
                        return;
                    }
                    double perPx = degreesWide / Math.max(1, canvas.getWidth());
                    centerLon -= (e.getX() - dragX) * perPx;
                    centerLat += (e.getY() - dragY) * perPx;
                    dragX = e.getX();
                    dragY = e.getY();
                    draw();
                });
        canvas.setOnMouseClicked(
                e -> {
                    if (e.isStillSincePress()) {
                        siteAt(e.getX(), e.getY()).ifPresent(model::open);
                    }
                });
        subscriptions.onInvalidate(model.revisionProperty(), o -> refresh());
        refresh();
    }

    /**
     * Keeps the globe filling the view: never wider than the whole height of the map allows, and no
     * band beyond the poles at the top or the bottom.
     */
    private void constrain(double w, double h) {
        degreesWide = Math.min(degreesWide, 180 * w / h);
        double halfLat = h / 2 * degreesWide / w;
        centerLat = Math.max(-90 + halfLat, Math.min(90 - halfLat, centerLat));
        double halfLon = degreesWide / 2;
        centerLon = Math.max(-180 + halfLon, Math.min(180 - halfLon, centerLon));
    }

    /** Shows {@code factor} times as many degrees, within the configured zoom levels. */
    private void zoom(double factor) {
        degreesWide = clamp(degreesWide * factor);
        draw();
    }

    private double clamp(double degrees) {
        return Math.max(narrowest, Math.min(widest, degrees));
    }

    /** The zoom level shown, in the original's levels (for tests). */
    public double zoomLevel() {
        return AppConfig.WorldMap.zoomOf(degreesWide);
    }

    private void fitToSites() {
        List<Location> locs =
                model.sites().stream().map(Site::location).filter(l -> l != null).toList();
        if (locs.isEmpty()) {
            centerLon = 0;
            centerLat = 20;
            degreesWide = clamp(360);
            return;
        }
        double minLon = locs.stream().mapToDouble(Location::lon).min().orElse(0);
        double maxLon = locs.stream().mapToDouble(Location::lon).max().orElse(0);
        double minLat = locs.stream().mapToDouble(Location::lat).min().orElse(0);
        double maxLat = locs.stream().mapToDouble(Location::lat).max().orElse(0);
        centerLon = (minLon + maxLon) / 2;
        centerLat = (minLat + maxLat) / 2;
        degreesWide =
                clamp(
                        Math.min(
                                360,
                                Math.max(
                                        40,
                                        Math.max(maxLon - minLon, (maxLat - minLat) * 1.6) * 1.6)));
    }

    /** Where {@code lat, lon} is drawn, in the map canvas's coordinates (tests: a right-click). */
    public javafx.geometry.Point2D pointOf(double lat, double lon) {
        return new javafx.geometry.Point2D(x(lon), y(lat));
    }

    private double x(double lon) {
        return canvas.getWidth() / 2 + (lon - centerLon) * canvas.getWidth() / degreesWide;
    }

    private double y(double lat) {
        return canvas.getHeight() / 2 - (lat - centerLat) * canvas.getWidth() / degreesWide;
    }

    private double lon(double px) {
        return centerLon + (px - canvas.getWidth() / 2) * degreesWide / canvas.getWidth();
    }

    private double lat(double py) {
        return centerLat - (py - canvas.getHeight() / 2) * degreesWide / canvas.getWidth();
    }

    /** Edit mode, on the map: a new site where the click was. */
    private ContextMenu addSiteMenu(double lat, double lon) {
        MenuItem add =
                new MenuItem(
                        String.format(
                                java.util.Locale.ROOT, "Add a site here (%.2f, %.2f)…", lat, lon));
        add.setOnAction(
                e ->
                        EditForm.titled("Add a site")
                                .text("Id", model.nextSiteId())
                                .text("Name", "")
                                .ask(canvas)
                                .ifPresent(v -> model.addSite(v.get(0), v.get(1), lat, lon)));
        return new ContextMenu(add);
    }

    /** Where a dragged marker would go. */
    private void drawGhost(double px, double py) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        Palette p = model.palette();
        g.setStroke(p.token("-accent"));
        g.setLineWidth(2);
        g.setLineDashes(4, 3);
        g.strokeOval(px - MARKER, py - MARKER, MARKER * 2, MARKER * 2);
        g.setLineDashes();
    }

    private Optional<Site> siteAt(double px, double py) {
        return model.sites().stream()
                .filter(s -> s.location() != null)
                .filter(
                        s ->
                                Math.hypot(x(s.location().lon()) - px, y(s.location().lat()) - py)
                                        <= MARKER + 4)
                .findFirst();
    }

    private void refresh() {
        draw();
        list.getChildren().clear();
        Label head = new Label("Sites");
        head.getStyleClass().add("subtitle");
        list.getChildren().add(head);
        for (Site site : model.sites()) {
            Severity sev = model.state(site);
            Label badge = Severities.styled(new Label(sev.name()), sev, "sev-badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            Label name =
                    new Label(site.name() + (site.location() == null ? "  (no location)" : ""));
            Label counts = new Label(model.counts(site));
            counts.getStyleClass().add("faint");
            counts.setWrapText(true);
            VBox text = new VBox(2, name, counts);
            HBox row = new HBox(8, badge, text);
            row.setId("site-" + site.id());
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("card");
            row.setOnMouseClicked(
                    e -> {
                        if (e.getButton() == MouseButton.PRIMARY) {
                            model.open(site);
                        }
                    });
            HandleMenu.attach(
                    row,
                    e ->
                            HandleMenu.of(
                                    row,
                                    model.handling(),
                                    io.rackscope.desktop.topology.Names.titled("site", site.name()),
                                    new Target(Target.Type.SITE, site.id()),
                                    model.alertsOf(site)));
            list.getChildren().add(row);
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        constrain(w, h);
        Palette p = model.palette();
        double textScale = model.textScale();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(p.token("-map-sea"));
        g.fillRect(0, 0, w, h);
        g.setStroke(p.token("-border"));
        g.setLineWidth(0.5);
        for (int lon = -180; lon <= 180; lon += 15) {
            g.strokeLine(x(lon), y(90), x(lon), y(-90));
        }
        for (int lat = -90; lat <= 90; lat += 15) {
            g.strokeLine(x(-180), y(lat), x(180), y(lat));
        }
        g.setFill(p.token("-map-land"));
        g.setStroke(p.token("-surface-raised"));
        for (double[][] ring : LandOutline.rings()) {
            int n = ring[0].length;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x(ring[0][i]);
                ys[i] = y(ring[1][i]);
            }
            g.fillPolygon(xs, ys, n);
            g.strokePolygon(xs, ys, n);
        }
        g.setFont(Typography.bold(13 * textScale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Site site : model.sites()) {
            if (site.location() == null) {
                continue;
            }
            double sx = x(site.location().lon());
            double sy = y(site.location().lat());
            Severity sev = model.state(site);
            g.setFill(p.halo(sev));
            g.fillOval(sx - MARKER * 2, sy - MARKER * 2, MARKER * 4, MARKER * 4);
            g.setFill(p.severity(sev));
            g.fillOval(sx - MARKER, sy - MARKER, MARKER * 2, MARKER * 2);
            g.setStroke(p.token("-text-primary"));
            g.setLineWidth(1.5);
            g.strokeOval(sx - MARKER, sy - MARKER, MARKER * 2, MARKER * 2);
            g.setFill(p.token("-text-on-severity"));
            io.rackscope.desktop.ui.StateMark.draw(
                    g, io.rackscope.desktop.ui.Tone.of(sev), sx - MARKER, sy - MARKER, MARKER * 2);
            g.setFill(p.token("-text-primary"));
            g.fillText(site.name() + "  " + sev, sx + MARKER + 8, sy - 7);
            g.setFill(p.token("-text-secondary"));
            g.setFont(Typography.regular(11 * textScale));
            g.fillText(model.counts(site), sx + MARKER + 8, sy + 9);
            g.setFont(Typography.bold(13 * textScale));
        }
    }

    /** Where a site's marker is drawn, for tests. */
    public double[] markerOf(String siteId) {
        Location l =
                model.sites().stream()
                        .filter(s -> s.id().equals(siteId))
                        .findFirst()
                        .orElseThrow()
                        .location();
        return new double[] {x(l.lon()), y(l.lat())};
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        model.dispose();
    }
}
