package io.rackscope.desktop.ui.rack;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.telemetry.Alert;
import io.rackscope.desktop.telemetry.CheckOutcome;
import io.rackscope.desktop.telemetry.CheckResult;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.RackComponentTemplate;
import io.rackscope.desktop.topology.RackTemplate;
import io.rackscope.desktop.ui.AppContext;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Tone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A rack's front or rear elevation: U numbers, empty U, devices at their height with one cell per
 * instance laid out as their template's matrix, side-rail PDUs and rear components, each coloured
 * by its state.
 */
public final class RackElevationView implements PlaceView {
    static final double U = 21;
    static final double WIDTH = 340;
    static final double NUMBERS = 30;
    static final double RAIL = 22;

    private final AppContext ctx;
    private final Rack rack;
    private final BorderPane root = new BorderPane();
    private final StackPane elevation = new StackPane();

    /** Each coloured thing and how to read its state from a snapshot. */
    private final Map<Region, Function<HealthSnapshot, Tone>> painted = new LinkedHashMap<>();

    private final Map<Region, Tone> shown = new HashMap<>();
    private final Map<Region, String> nodeOf = new HashMap<>();
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox rackChecks = new VBox(4);

    public RackElevationView(AppContext ctx, Rack rack, boolean rear) {
        this.ctx = ctx;
        this.rack = rack;
        root.getStyleClass().add("content");
        ToggleGroup faces = new ToggleGroup();
        ToggleButton front = faceButton("Front", faces);
        ToggleButton back = faceButton("Rear", faces);
        front.setId("face-front");
        back.setId("face-rear");
        (rear ? back : front).setSelected(true);
        faces.selectedToggleProperty()
                .addListener(
                        (o, a, t) -> {
                            if (t == null) {
                                (a == null ? front : (ToggleButton) a).setSelected(true);
                            } else {
                                draw(t == back);
                            }
                        });
        Label title = new Label(rack.name());
        title.getStyleClass().add("title");
        Label state = Severities.styled(new Label(), Severity.UNKNOWN, "sev-badge");
        painted.put(state, s -> Tone.of(s.rack(rack.id())));
        Label facts =
                new Label(
                        rack.uHeight()
                                + "U · "
                                + rack.devices().size()
                                + " devices · "
                                + rack.devices().stream().mapToInt(d -> d.instances().size()).sum()
                                + " nodes");
        facts.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, state, facts, spacer, front, back);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(header);
        ScrollPane scroll = new ScrollPane(elevation);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        rackChecks.getStyleClass().add("panel");
        rackChecks.setPrefWidth(280);
        BorderPane.setMargin(rackChecks, new Insets(0, 0, 0, 12));
        root.setRight(rackChecks);
        draw(rear);
        subscriptions.onChange(ctx.feed().snapshotProperty(), (o, a, s) -> paint(s));
        subscriptions.onInvalidate(ctx.colourBySlurmProperty(), o -> repaint());
        subscriptions.onInvalidate(ctx.selectedJobProperty(), o -> repaint());
    }

    private static ToggleButton faceButton(String text, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.getStyleClass().add("range-button");
        b.setToggleGroup(group);
        return b;
    }

    private void draw(boolean rear) {
        painted.keySet().removeIf(r -> !(r instanceof Label));
        shown.clear();
        nodeOf.clear();
        Pane frame = new Pane();
        frame.getStyleClass().add("rack-frame");
        double h = rack.uHeight() * U;
        frame.setMinSize(NUMBERS + WIDTH + 16, h + 12);
        frame.setMaxSize(NUMBERS + WIDTH + 16, h + 12);
        for (int u = 1; u <= rack.uHeight(); u++) {
            double y = top(u, 1);
            Label n = new Label(Integer.toString(u));
            n.getStyleClass().add("u-number");
            n.relocate(6, y + 4);
            Region slot = new Region();
            slot.getStyleClass().add("u-empty");
            slot.relocate(NUMBERS, y);
            slot.setPrefSize(WIDTH, U);
            frame.getChildren().addAll(n, slot);
        }
        RackscopeConfig cfg = ctx.config();
        for (Device d : rack.devices()) {
            DeviceTemplate t = cfg.templates().device(d.templateId()).orElse(null);
            int height = t == null ? 1 : Math.max(1, t.uHeight());
            boolean facing = (d.face() == Face.REAR) == rear;
            Node block = facing ? deviceBlock(d, t, height) : rearBlock(d, t, height);
            block.relocate(NUMBERS, top(d.uPosition(), height));
            frame.getChildren().add(block);
        }
        rackComponents(frame, rear);
        HBox withRails = new HBox(6, rail("left"), frame, rail("right"));
        withRails.setAlignment(Pos.TOP_CENTER);
        withRails.setPadding(new Insets(10));
        elevation.getChildren().setAll(withRails);
        fillRackChecks();
        paint(ctx.feed().current());
    }

    private double top(int uPosition, int height) {
        return (rack.uHeight() - (uPosition + height - 1)) * U + 6;
    }

    /** A device's outline at its height; a click opens the device. */
    private HBox block(Device d, int height, double spacing) {
        HBox block = new HBox(spacing);
        block.setId("device-" + d.id());
        block.getStyleClass().add("device-block");
        block.setPrefSize(WIDTH, height * U);
        block.setMinSize(WIDTH, height * U);
        block.setMaxSize(WIDTH, height * U);
        block.setAlignment(Pos.CENTER_LEFT);
        block.setOnMouseClicked(e -> ctx.navigation().go(Place.of(Place.Kind.DEVICE, d.id())));
        return block;
    }

    private Node deviceBlock(Device d, DeviceTemplate t, int height) {
        HBox block = block(d, height, 4);
        Label name = new Label(d.name());
        name.getStyleClass().add("device-name");
        name.setMinWidth(104);
        name.setPrefWidth(104);
        GridPane cells = new GridPane();
        cells.setHgap(2);
        cells.setVgap(2);
        HBox.setHgrow(cells, Priority.ALWAYS);
        Map<Integer, String> bySlot = new HashMap<>();
        d.instances().forEach(s -> bySlot.put(s.slot(), s.instanceId()));
        int[][] matrix = t == null || t.matrix().length == 0 ? new int[][] {{1}} : t.matrix();
        int cols = 0;
        for (int[] row : matrix) {
            cols = Math.max(cols, row.length);
        }
        double cellW = Math.max(8, (WIDTH - 120) / Math.max(1, cols) - 2);
        double cellH = Math.max(6, (height * U - 6) / matrix.length - 2);
        boolean single = d.instances().size() == 1;
        for (int r = 0; r < matrix.length; r++) {
            for (int c = 0; c < matrix[r].length; c++) {
                String instance =
                        single ? d.instances().get(0).instanceId() : bySlot.get(matrix[r][c]);
                Region cell = new Region();
                cell.getStyleClass().addAll("sev", "sev-fill", "node-cell");
                cell.setPrefSize(cellW, cellH);
                cell.setMinSize(cellW, cellH);
                if (instance != null) {
                    cell.setId("node-" + instance);
                    painted.put(cell, s -> nodeTone(s, instance));
                    nodeOf.put(cell, instance);
                    tooltip(cell, () -> cellText(d, instance));
                    cell.setOnMouseClicked(
                            e -> {
                                ctx.navigation()
                                        .go(
                                                Place.of(Place.Kind.DEVICE, d.id())
                                                        .highlighting(instance));
                                e.consume();
                            });
                } else if (d.instances().isEmpty()) {
                    painted.put(
                            cell, s -> Tone.of(s.devices().getOrDefault(d.id(), Severity.UNKNOWN)));
                    tooltip(cell, () -> cellText(d, d.id()));
                } else {
                    cell.setOpacity(0.25);
                }
                cells.add(cell, c, r);
            }
        }
        block.getChildren().addAll(name, cells);
        return block;
    }

    private Node rearBlock(Device d, DeviceTemplate t, int height) {
        HBox block = block(d, height, 3);
        Label name = new Label(d.name() + " (rear)");
        name.getStyleClass().add("device-name");
        name.setMinWidth(104);
        block.getChildren().add(name);
        List<DeviceTemplate.RearComponent> parts = t == null ? List.of() : t.rearComponents();
        if (parts.isEmpty()) {
            block.setOpacity(0.45);
        }
        for (DeviceTemplate.RearComponent rc : parts) {
            StackPane part = new StackPane(new Label(rc.type().toUpperCase(Locale.ROOT)));
            part.getStyleClass().addAll("sev", "sev-fill", "node-cell");
            part.setPrefSize(Math.max(24, (WIDTH - 120) / parts.size() - 3), height * U - 8);
            painted.put(part, s -> Tone.of(worst(s, rc.checks(), d.id())));
            tooltip(
                    part,
                    () ->
                            rc.name()
                                    + " of "
                                    + d.name()
                                    + " — "
                                    + worst(ctx.feed().current(), rc.checks(), d.id()));
            block.getChildren().add(part);
        }
        return block;
    }

    private void rackComponents(Pane frame, boolean rear) {
        RackTemplate rt = ctx.config().templates().rack(rack.templateId()).orElse(null);
        if (rt == null) {
            return;
        }
        for (RackTemplate.ComponentRef ref : rt.components()) {
            String loc = ref.location() == null ? "" : ref.location();
            if (!(rear ? loc.equals("rear") : loc.equals("front")) || ref.uPosition() < 1) {
                continue;
            }
            RackComponentTemplate ct =
                    ctx.config().templates().component(ref.templateId()).orElse(null);
            if (ct == null) {
                continue;
            }
            int height = Math.max(1, ref.uHeight() > 0 ? ref.uHeight() : ct.uHeight());
            if (occupied(ref.uPosition(), height)) {
                continue; // behind full-depth devices: listed with the rack checks instead
            }
            StackPane part = new StackPane(label(ct.name()));
            part.getStyleClass().addAll("sev", "sev-fill", "node-cell");
            part.setPrefSize(WIDTH, height * U - 2);
            part.relocate(NUMBERS, top(ref.uPosition(), height));
            painted.put(part, s -> Tone.of(worst(s, ct.checks(), rack.id())));
            tooltip(
                    part,
                    () -> ct.name() + " — " + worst(ctx.feed().current(), ct.checks(), rack.id()));
            frame.getChildren().add(part);
        }
    }

    private boolean occupied(int from, int height) {
        for (Device d : rack.devices()) {
            int h =
                    ctx.config()
                            .templates()
                            .device(d.templateId())
                            .map(DeviceTemplate::uHeight)
                            .orElse(1);
            if (d.uPosition() < from + height && from < d.uPosition() + Math.max(1, h)) {
                return true;
            }
        }
        return false;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("device-name");
        return l;
    }

    private Node rail(String side) {
        VBox rail = new VBox(4);
        rail.setPrefWidth(RAIL);
        rail.setMinWidth(RAIL);
        RackTemplate rt = ctx.config().templates().rack(rack.templateId()).orElse(null);
        if (rt == null) {
            return rail;
        }
        for (RackTemplate.ComponentRef ref : rt.components()) {
            RackComponentTemplate ct =
                    ctx.config().templates().component(ref.templateId()).orElse(null);
            String loc =
                    ref.location() == null || ref.location().isEmpty()
                            ? ct == null ? "" : ct.side() == null ? "" : ct.side()
                            : ref.location();
            if (ct == null || !loc.equals(side)) {
                continue;
            }
            StackPane pdu = new StackPane();
            pdu.getStyleClass().addAll("sev", "sev-fill", "rail");
            pdu.setPrefSize(RAIL, rack.uHeight() * U + 12);
            Label l = label(ct.name());
            l.getStyleClass().add("rail-label");
            l.setMinWidth(rack.uHeight() * U);
            pdu.getChildren().add(new Group(l));
            painted.put(pdu, s -> Tone.of(worst(s, ct.checks(), rack.id())));
            tooltip(
                    pdu,
                    () ->
                            ct.name()
                                    + " ("
                                    + side
                                    + " rail) — "
                                    + worst(ctx.feed().current(), ct.checks(), rack.id()));
            rail.getChildren().add(pdu);
        }
        return rail;
    }

    private void fillRackChecks() {
        rackChecks.getChildren().clear();
        Label head = new Label("Rack checks");
        head.getStyleClass().add("subtitle");
        rackChecks.getChildren().add(head);
        for (var check : ctx.config().checksFor(rack)) {
            Label state = Severities.styled(new Label(), Severity.UNKNOWN, "sev-badge");
            state.setMinWidth(64);
            painted.put(state, s -> Tone.of(worst(s, List.of(check.id()), rack.id())));
            Label name = new Label(check.name());
            name.setWrapText(true);
            HBox row = new HBox(8, state, name);
            row.setAlignment(Pos.CENTER_LEFT);
            rackChecks.getChildren().add(row);
        }
        if (rackChecks.getChildren().size() == 1) {
            rackChecks
                    .getChildren()
                    .add(new Label("No rack-level checks for this rack's template."));
        }
    }

    /**
     * The worst state among {@code checks} for {@code entity}: a problem's severity, UNKNOWN if
     * absent, else OK.
     */
    private static Severity worst(HealthSnapshot s, List<String> checks, String entity) {
        Severity worst = checks.isEmpty() ? Severity.UNKNOWN : Severity.OK;
        for (String id : checks) {
            CheckOutcome o = s.checks().get(id);
            if (o == null) {
                worst = Severity.worst(worst, Severity.UNKNOWN);
                continue;
            }
            CheckResult r = o.problems().get(entity);
            worst =
                    Severity.worst(
                            worst,
                            r != null
                                    ? r.severity()
                                    : o.absent().contains(entity) ? Severity.UNKNOWN : Severity.OK);
        }
        return worst;
    }

    private String cellText(Device d, String entity) {
        HealthSnapshot s = ctx.feed().current();
        StringBuilder b =
                new StringBuilder(entity)
                        .append("  —  ")
                        .append(
                                d.instances().isEmpty()
                                        ? s.devices().getOrDefault(d.id(), Severity.UNKNOWN)
                                        : s.node(entity));
        if (s.isStale(entity)) {
            b.append(" (stale since ")
                    .append(Formats.ago(s.staleSince().get(entity), ctx.clock().instant()))
                    .append(')');
        }
        b.append('\n').append(d.name()).append(" · U").append(d.uPosition());
        List<Alert> alerts = new ArrayList<>();
        ctx.alertIndex().device(d).stream()
                .filter(a -> a.entity().equals(entity) || a.entity().equals(d.id()))
                .forEach(alerts::add);
        for (Alert a : alerts) {
            b.append("\n  ")
                    .append(a.severity())
                    .append("  ")
                    .append(ctx.config().check(a.check()).map(c -> c.name()).orElse(a.check()))
                    .append(Double.isNaN(a.value()) ? "" : " = " + Formats.value(a.value()));
        }
        return b.toString();
    }

    private static void tooltip(Node n, Supplier<String> text) {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        tip.setOnShowing(e -> tip.setText(text.get()));
        Tooltip.install(n, tip);
    }

    private void repaint() {
        shown.clear();
        paint(ctx.feed().current());
    }

    /**
     * A node's health, or its Slurm state when the views colour by Slurm and it is a Slurm node.
     */
    private Tone nodeTone(HealthSnapshot s, String instance) {
        if (ctx.colourBySlurmProperty().get() && s.slurm().nodes().containsKey(instance)) {
            return Tone.of(s.slurm().state(instance));
        }
        return Tone.of(s.node(instance));
    }

    private void paint(HealthSnapshot s) {
        Set<String> job = ctx.selectedJobNodes();
        painted.forEach(
                (region, state) -> {
                    Tone tone = state.apply(s);
                    if (shown.put(region, tone) != tone) {
                        Severities.apply(region, tone);
                        if (region instanceof Label l && l.getStyleClass().contains("sev-badge")) {
                            l.setText(tone.name());
                        }
                    }
                });
        nodeOf.forEach(
                (cell, instance) -> {
                    cell.pseudoClassStateChanged(Severities.STALE, s.isStale(instance));
                    boolean member = job.contains(instance);
                    if (member != cell.getStyleClass().contains("job-member")) {
                        if (member) {
                            cell.getStyleClass().add("job-member");
                        } else {
                            cell.getStyleClass().remove("job-member");
                        }
                    }
                });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
    }
}
