package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.Aisle;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.RoomLayout;
import io.rackscope.desktop.ui.AppContext;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * A room's floor plan: the outline in grid cells, aisles as rows of racks, each rack coloured by its state
 * with its CRIT (else WARN) node count; per-aisle counters; a summary bar that filters; zoom and pan.
 */
public final class RoomFloorView implements PlaceView {
    static final double CELL = 36;
    private final RoomFloorViewModel model;
    private final BorderPane root = new BorderPane();
    private final Map<String, StackPane> tiles = new LinkedHashMap<>();
    private final Set<Severity> filter = EnumSet.noneOf(Severity.class);
    private final Pane floor = new Pane();

    public RoomFloorView(AppContext ctx, Room room, String highlight) {
        this.model = new RoomFloorViewModel(ctx, room);
        root.getStyleClass().add("content");
        root.setTop(summaryBar(ctx));
        drawFloor(ctx, room);
        Group zoomable = new Group(floor);
        ScrollPane scroll = new ScrollPane(new StackPane(zoomable));
        scroll.setPannable(true);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Slider zoom = new Slider(0.3, 3, 1);
        zoom.setId("room-zoom");
        floor.scaleXProperty().bind(zoom.valueProperty());
        floor.scaleYProperty().bind(zoom.valueProperty());
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isControlDown()) {
                zoom.setValue(zoom.getValue() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
                e.consume();
            }
        });
        HBox zoomBar = new HBox(6, new Label("Zoom"), zoom);
        zoomBar.setAlignment(Pos.CENTER_RIGHT);
        zoomBar.setPadding(new Insets(6, 0, 0, 0));
        root.setCenter(scroll);
        root.setBottom(zoomBar);
        if (highlight != null && tiles.containsKey(highlight)) {
            tiles.get(highlight).getStyleClass().add("highlight");
        }
    }

    private Node summaryBar(AppContext ctx) {
        Label title = new Label(model.room().name());
        title.getStyleClass().add("title");
        Label state = Severities.styled(new Label(), Severity.UNKNOWN, "sev-badge");
        state.textProperty().bind(model.roomStateProperty().asString());
        model.roomStateProperty().addListener((o, a, s) -> Severities.apply(state, s));
        Severities.apply(state, model.roomStateProperty().get());
        HBox bar = new HBox(10, title, state);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().add(spacer);
        for (Severity s : List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN, Severity.OK)) {
            ToggleButton chip = Severities.styled(new ToggleButton(), s, "sev-chip");
            chip.setId("filter-" + s.name().toLowerCase(Locale.ROOT));
            chip.setTooltip(new Tooltip("Show only " + s + " racks (toggle)"));
            Runnable text = () -> chip.setText(model.summaryProperty().get().getOrDefault(s, 0) + " " + s);
            model.summaryProperty().addListener((o, a, b) -> text.run());
            text.run();
            chip.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    filter.add(s);
                } else {
                    filter.remove(s);
                }
                tiles.forEach((id, tile) -> dim(tile, model.rack(id).get()));
            });
            bar.getChildren().add(chip);
        }
        List<MetricDefinition> metrics = model.colourableMetrics();
        if (!metrics.isEmpty()) {
            ComboBox<MetricDefinition> colour = new ComboBox<>();
            colour.setId("colour-by");
            colour.getItems().add(null);
            colour.getItems().addAll(metrics);
            colour.setConverter(new StringConverter<>() {
                @Override
                public String toString(MetricDefinition m) {
                    return m == null ? "Colour: health" : "Colour: " + m.name();
                }

                @Override
                public MetricDefinition fromString(String s) {
                    return null;
                }
            });
            colour.getSelectionModel().selectFirst();
            colour.valueProperty().addListener((o, a, m) -> model.colourByProperty().set(m));
            bar.getChildren().add(colour);
        }
        return bar;
    }

    private void drawFloor(AppContext ctx, Room room) {
        RoomLayout layout = room.layout();
        List<List<Rack>> rows = new ArrayList<>();
        List<String> rowNames = new ArrayList<>();
        List<String> rowIds = new ArrayList<>();
        for (Aisle a : room.aisles()) {
            rows.add(a.racks());
            rowNames.add(a.name());
            rowIds.add(a.id());
        }
        if (!room.standaloneRacks().isEmpty()) {
            rows.add(room.standaloneRacks());
            rowNames.add("Standalone");
            rowIds.add(null);
        }
        int longest = rows.stream().mapToInt(List::size).max().orElse(0);
        int widthCells = Math.max(layout.width(), longest + 8);
        int heightCells = Math.max(layout.height(), rows.size() * 3 + 3);
        double w = widthCells * CELL;
        double h = heightCells * CELL;
        floor.getStyleClass().add("floor");
        floor.setPrefSize(w, h);
        floor.setMinSize(w, h);
        floor.setMaxSize(w, h);
        if (layout.gridEnabled()) {
            for (int x = 1; x < widthCells; x++) {
                floor.getChildren().add(gridLine(x * CELL, 0, x * CELL, h));
            }
            for (int y = 1; y < heightCells; y++) {
                floor.getChildren().add(gridLine(0, y * CELL, w, y * CELL));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            double y = (1.6 + 3 * i) * CELL;
            Region band = new Region();
            band.getStyleClass().add("aisle-band");
            band.relocate(0.5 * CELL, y - 0.75 * CELL);
            band.setPrefSize((rows.get(i).size() + 6.5) * CELL, 2.4 * CELL);
            Label name = new Label(rowNames.get(i));
            name.getStyleClass().add("aisle-label");
            name.relocate(0.7 * CELL, y - 0.7 * CELL);
            floor.getChildren().addAll(band, name);
            if (rowIds.get(i) != null) {
                Label counters = new Label();
                counters.getStyleClass().add("aisle-label");
                counters.textProperty().bind(model.aisleSummary(rowIds.get(i)));
                counters.relocate((rows.get(i).size() + 3.2) * CELL, y + 0.3 * CELL);
                floor.getChildren().add(counters);
            }
            List<Rack> racks = rows.get(i);
            for (int j = 0; j < racks.size(); j++) {
                StackPane tile = tile(ctx, racks.get(j));
                tile.relocate((3 + j) * CELL + 2, y);
                Label rackName = new Label(shortName(racks.get(j)));
                rackName.getStyleClass().add("rack-name");
                rackName.setMinWidth(CELL - 4);
                rackName.setMaxWidth(CELL - 4);
                rackName.setAlignment(Pos.CENTER);
                rackName.relocate((3 + j) * CELL + 2, y + 1.3 * CELL + 1);
                floor.getChildren().addAll(tile, rackName);
            }
        }
        floor.getChildren().addAll(door(layout, w, h));
        Text north = new Text("N ↑");
        north.getStyleClass().add("north");
        north.setRotate(switch (layout.north()) {
            case "right" -> 90;
            case "bottom" -> 180;
            case "left" -> 270;
            default -> 0;
        });
        north.relocate(w - 1.4 * CELL, 0.3 * CELL);
        floor.getChildren().add(north);
    }

    /** The distinctive end of a rack id ("r05" of "fra1-a01-r05") for the label under its tile. */
    private static String shortName(Rack r) {
        String id = r.id();
        int dash = id.lastIndexOf('-');
        String tail = dash >= 0 && dash < id.length() - 1 ? id.substring(dash + 1) : id;
        return tail.length() > 5 ? tail.substring(tail.length() - 5) : tail;
    }

    private static Line gridLine(double x1, double y1, double x2, double y2) {
        Line l = new Line(x1, y1, x2, y2);
        l.getStyleClass().add("floor-grid");
        l.setMouseTransparent(true);
        return l;
    }

    private static List<Node> door(RoomLayout layout, double w, double h) {
        double len = 2 * CELL;
        double p = Math.max(0, Math.min(1, layout.doorPosition()));
        Rectangle d = switch (layout.doorSide()) {
            case "north" -> new Rectangle(p * (w - len), -3, len, 6);
            case "east" -> new Rectangle(w - 3, p * (h - len), 6, len);
            case "west" -> new Rectangle(-3, p * (h - len), 6, len);
            default -> new Rectangle(p * (w - len), h - 3, len, 6);
        };
        d.getStyleClass().add("door");
        Text label = new Text(layout.doorLabel().isEmpty() ? "Door" : layout.doorLabel());
        label.getStyleClass().add("door-label");
        label.relocate(Math.min(d.getX(), w - 80) + 4, Math.min(Math.max(d.getY() - 16, 2), h - 30));
        return List.of(d, label);
    }

    private StackPane tile(AppContext ctx, Rack rack) {
        StackPane tile = new StackPane();
        tile.setId("rack-" + rack.id());
        tile.getStyleClass().addAll("sev", "sev-fill", "rack-tile");
        tile.setPrefSize(CELL - 4, 1.3 * CELL);
        tile.setMinSize(CELL - 4, 1.3 * CELL);
        tile.setMaxSize(CELL - 4, 1.3 * CELL);
        Label count = new Label();
        tile.getChildren().add(count);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(200));
        tip.setOnShowing(e -> tip.setText(model.tooltip(rack)));
        Tooltip.install(tile, tip);
        tile.setOnMouseClicked(e -> ctx.navigation().go(Place.of(Place.Kind.RACK, rack.id())));
        model.rack(rack.id()).addListener((o, old, st) -> show(tile, count, st));
        show(tile, count, model.rack(rack.id()).get());
        tiles.put(rack.id(), tile);
        return tile;
    }

    private void show(StackPane tile, Label count, RackStatus st) {
        Severities.apply(tile, st.severity(), st.stale());
        count.setText(st.label());
        dim(tile, st);
    }

    private void dim(StackPane tile, RackStatus st) {
        boolean dimmed = !filter.isEmpty() && !filter.contains(st.severity());
        if (dimmed != tile.getStyleClass().contains("dimmed")) {
            if (dimmed) {
                tile.getStyleClass().add("dimmed");
            } else {
                tile.getStyleClass().remove("dimmed");
            }
        }
    }

    /** The tile of a rack, for tests and hit-testing. */
    public StackPane tileOf(String rackId) {
        return tiles.get(rackId);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
    }
}
