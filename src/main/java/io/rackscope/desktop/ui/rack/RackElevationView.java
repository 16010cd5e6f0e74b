package io.rackscope.desktop.ui.rack;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.edit.ComponentEdits;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.RackComponentTemplate;
import io.rackscope.desktop.topology.RackTemplate;
import io.rackscope.desktop.ui.HandleMenu;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Tone;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
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
    static final double U = DeviceFace.U;
    static final double WIDTH = DeviceFace.WIDTH;
    static final double NUMBERS = DeviceFace.NUMBERS;
    static final double RAIL = 22;

    private final RackElevationViewModel model;
    private final Rack rack;
    private final BorderPane root = new BorderPane();
    private final StackPane elevation = new StackPane();

    /** Each coloured thing of the current face and how to read its tone. */
    private final Map<Region, Supplier<Tone>> painted = new LinkedHashMap<>();

    private final Map<Label, Supplier<String>> notes = new LinkedHashMap<>();

    private final Map<Region, Tone> shown = new HashMap<>();
    private final Map<Region, String> nodeOf = new HashMap<>();
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox rackChecks = new VBox(4);

    private final Label state = Severities.styled(new Label(), Severity.UNKNOWN, "sev-badge");

    /** Edit mode's palette, drags, selection and menus. */
    private final RackEditGestures gestures;

    private Node palette;

    /** The face being drawn. */
    private Face drawing = Face.FRONT;

    /** The faces shown: the rear alone, both. */
    private final boolean[] showing = new boolean[2];

    /** Shows the front, the rear ({@code rear}) or both side by side ({@code both}). */
    public RackElevationView(RackElevationViewModel model, boolean rear, boolean both) {
        this.model = model;
        this.rack = model.rack();
        this.gestures = new RackEditGestures(model, root, U);
        root.getStyleClass().add("content");
        ToggleGroup faces = new ToggleGroup();
        ToggleButton front = faceButton("Front", faces);
        ToggleButton back = faceButton("Rear", faces);
        ToggleButton sideBySide = faceButton("Front + rear", faces);
        front.setId("face-front");
        back.setId("face-rear");
        sideBySide.setId("face-both");
        showing[0] = rear && !both;
        showing[1] = both;
        (both ? sideBySide : rear ? back : front).setSelected(true);
        faces.selectedToggleProperty()
                .addListener(
                        (o, a, t) -> {
                            if (t == null) {
                                (a == null ? front : (ToggleButton) a).setSelected(true);
                            } else {
                                showing[0] = t == back;
                                showing[1] = t == sideBySide;
                                if (showing[1]) {
                                    drawBoth();
                                } else {
                                    draw(showing[0]);
                                }
                                model.showFaces(showing[0], showing[1]);
                            }
                        });
        Label title = new Label(rack.name());
        title.getStyleClass().add("title");
        Label facts = new Label(model.facts());
        facts.getStyleClass().add("muted");
        facts.setTooltip(new Tooltip(model.largestFree()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Region r : List.of(title, state, front, back, sideBySide)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(10, title, state, facts, spacer, front, back, sideBySide);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(header);
        // the whole rack in view: scaled down to fit (a 42U rack at 1440x900), and when even the
        // smallest scale does not fit, opened scrolled to its worst device
        javafx.scene.Group zoom = new javafx.scene.Group(elevation);
        StackPane centred = new StackPane(zoom);
        centred.setAlignment(Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        javafx.beans.InvalidationListener fit = o -> fit(scroll);
        scroll.viewportBoundsProperty().addListener(fit);
        elevation.layoutBoundsProperty().addListener(fit);
        root.setCenter(scroll);
        rackChecks.getStyleClass().add("panel");
        rackChecks.setPrefWidth(280);
        if (both) {
            drawBoth();
        } else {
            draw(rear);
        }
        subscriptions.onInvalidate(
                model.revisionProperty(),
                o -> {
                    paint();
                    gestures.showSelection();
                });
        subscriptions.onInvalidate(model.editingProperty(), o -> showPalette());
        showPalette();
    }

    /** Edit mode: the device templates on the left, to drag onto a face. */
    private void showPalette() {
        if (model.editingProperty().get()) {
            if (palette == null) {
                palette = gestures.palette();
            }
            BorderPane.setMargin(palette, new Insets(0, 12, 0, 0));
            root.setLeft(palette);
        } else {
            model.clearSelection();
            root.setLeft(null);
        }
    }

    @Override
    public boolean shows(Place place) {
        return place.kind() == Place.Kind.RACK
                && place.id().equals(rack.key())
                && place.bothFaces() == showing[1]
                && place.rear() == showing[0];
    }

    /** The smallest scale the elevation is drawn at: U numbers and names stay readable. */
    static final double MIN_SCALE = 0.6;

    private boolean scrolledToWorst;

    private void fit(ScrollPane scroll) {
        if (gestures.dragging()) {
            // a dragged device reaching past the faces must not rescale the rack under the pointer
            return;
        }
        double viewport = scroll.getViewportBounds().getHeight();
        double height = elevation.getLayoutBounds().getHeight();
        if (viewport <= 0 || height <= 0) {
            return;
        }
        double s = Math.max(MIN_SCALE, Math.min(1, viewport / height));
        if (Math.abs(elevation.getScaleY() - s) > 0.005) {
            elevation.setScaleX(s);
            elevation.setScaleY(s);
        }
        if (height * s > viewport && !scrolledToWorst) {
            scrolledToWorst = true;
            model.worstDevice()
                    .ifPresent(
                            d -> {
                                double y = top(d.uPosition(), 1) * s;
                                double range = height * s - viewport;
                                scroll.setVvalue(
                                        Math.max(0, Math.min(1, (y - viewport / 3) / range)));
                            });
        }
    }

    /** The scale the elevation is drawn at (1 when it fits the view as it is). */
    double scale() {
        return elevation.getScaleY();
    }

    private static ToggleButton faceButton(String text, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.getStyleClass().add("range-button");
        b.setToggleGroup(group);
        return b;
    }

    private void draw(boolean rear) {
        gestures.clear();
        painted.clear();
        shown.clear();
        nodeOf.clear();
        elevation.getChildren().setAll(face(rear));
        root.setBottom(null);
        BorderPane.setMargin(rackChecks, new Insets(0, 0, 0, 12));
        root.setRight(rackChecks);
        fillRackChecks();
        paint();
    }

    /** Front and rear side by side, each under its name. */
    private void drawBoth() {
        gestures.clear();
        painted.clear();
        shown.clear();
        nodeOf.clear();
        HBox faces = new HBox(24, captioned("Front", face(false)), captioned("Rear", face(true)));
        faces.setAlignment(Pos.TOP_CENTER);
        elevation.getChildren().setAll(faces);
        // the two faces take the width: the rack's checks go below them
        root.setRight(null);
        BorderPane.setMargin(rackChecks, new Insets(10, 0, 0, 0));
        root.setBottom(rackChecks);
        fillRackChecks();
        paint();
    }

    private static Node captioned(String caption, Node face) {
        Label l = new Label(caption);
        l.getStyleClass().add("subtitle");
        VBox box = new VBox(2, l, face);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** One face of the rack: U numbers, devices, its components, rails. */
    private Node face(boolean rear) {
        drawing = rear ? Face.REAR : Face.FRONT;
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
            int at = u;
            slot.setOnContextMenuRequested(
                    e -> {
                        if (model.editingProperty().get()) {
                            gestures.freeMenu(at, drawing)
                                    .show(slot, e.getScreenX(), e.getScreenY());
                            e.consume();
                        }
                    });
            frame.getChildren().addAll(n, slot);
        }
        for (Device d : rack.devices()) {
            DeviceTemplate t = model.template(d).orElse(null);
            int height = t == null ? 1 : Math.max(1, t.uHeight());
            boolean facing = (d.face() == Face.REAR) == rear;
            Node block = facing ? deviceBlock(d, t, height) : rearBlock(d, t, height);
            block.relocate(NUMBERS, top(d.uPosition(), height));
            frame.getChildren().add(block);
        }
        rackComponents(frame, rear);
        gestures.face(frame, drawing, rack.uHeight(), t -> top(t, 1));
        HBox withRails = new HBox(6, rail("left"), frame, rail("right"));
        withRails.setAlignment(Pos.TOP_CENTER);
        withRails.setPadding(new Insets(10));
        return withRails;
    }

    private double top(int uPosition, int height) {
        return DeviceFace.top(rack.uHeight(), uPosition, height);
    }

    /** A device's outline at its height; a click opens the device. */
    private HBox block(Device d, int height, double spacing) {
        HBox block = DeviceFace.block(height, spacing);
        block.setId("device-" + d.key());
        block.setOnMouseClicked(
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                        model.open(d);
                    }
                });
        gestures.device(block, d, drawing);
        HandleMenu.attach(
                block,
                e ->
                        model.editingProperty().get()
                                ? gestures.deviceMenu(d)
                                : HandleMenu.of(
                                        block,
                                        model.handling(),
                                        io.rackscope.desktop.topology.Names.titled(
                                                "device", d.name()),
                                        new Target(Target.Type.DEVICE, d.key()),
                                        a -> d.key().equals(a.device())));
        return block;
    }

    private Node deviceBlock(Device d, DeviceTemplate t, int height) {
        HBox block = block(d, height, 4);
        Map<Integer, String> bySlot = new HashMap<>();
        d.instances().forEach(s -> bySlot.put(s.slot(), s.instanceId()));
        boolean single = d.instances().size() == 1;
        block.getChildren()
                .addAll(
                        DeviceFace.front(
                                d.name(),
                                t,
                                height,
                                new Cells(d) {
                                    @Override
                                    public void node(StackPane cell, int row, int col, int slot) {
                                        node(
                                                cell,
                                                single
                                                        ? d.instances().get(0).instanceId()
                                                        : bySlot.get(slot));
                                    }
                                }));
        return block;
    }

    private Node rearBlock(Device d, DeviceTemplate t, int height) {
        HBox block = block(d, height, 3);
        // the same width as on the front, so that every device's parts line up (the face toggle
        // says it is the rear)
        if (t == null || t.rearComponents().isEmpty()) {
            block.setOpacity(0.45);
        }
        block.getChildren().addAll(DeviceFace.rear(d.name(), t, height, new Cells(d)));
        return block;
    }

    /** A device's cells coloured by its nodes', disks' and parts' states, with their tooltips. */
    private class Cells implements DeviceFace.Cells {
        private final Device d;

        Cells(Device d) {
            this.d = d;
        }

        @Override
        public void node(StackPane cell, int row, int col, int slot) {
            node(cell, null);
        }

        void node(StackPane cell, String instance) {
            if (instance != null) {
                cell.setId("node-" + instance);
                painted.put(cell, () -> model.nodeTone(instance));
                nodeOf.put(cell, instance);
                tooltip(cell, () -> model.cellText(d, instance));
                cell.setOnMouseClicked(
                        e -> {
                            model.open(d, instance);
                            e.consume();
                        });
            } else if (d.instances().isEmpty()) {
                painted.put(cell, () -> model.deviceTone(d));
                tooltip(cell, () -> model.cellText(d, d.id()));
            } else {
                cell.setOpacity(0.25);
            }
        }

        @Override
        public void disk(StackPane bay, int row, int col, int slot) {
            bay.setId("disk-" + d.key() + "-" + slot);
            painted.put(bay, () -> model.diskTone(d, slot));
            tooltip(bay, () -> model.diskText(d, slot));
        }

        @Override
        public void rear(
                StackPane cell, int row, int col, int number, DeviceTemplate.RearComponent rc) {
            if (rc == null) {
                cell.setVisible(false);
                return;
            }
            cell.setId("rear-" + d.key() + "-" + rc.id());
            painted.put(cell, () -> model.checksTone(rc.checks(), d.id()));
            tooltip(cell, () -> model.partText(rc.name() + " of " + d.name(), rc.checks(), d.id()));
        }
    }

    private void rackComponents(Pane frame, boolean rear) {
        RackTemplate rt = model.rackTemplate().orElse(null);
        if (rt == null) {
            return;
        }
        RackTemplate.Mount face = rear ? RackTemplate.Mount.REAR : RackTemplate.Mount.FRONT;
        for (RackTemplate.ComponentRef ref : rt.components()) {
            RackComponentTemplate ct = model.component(ref).orElse(null);
            if (ct == null || ref.mount(ct) != face) {
                continue;
            }
            int height = ref.height(ct);
            if (occupied(ref.uPosition(), height)) {
                continue; // behind full-depth devices: listed with the rack checks instead
            }
            StackPane part = new StackPane(label(ct.name()));
            part.getStyleClass().addAll("sev", "sev-fill", "node-cell");
            part.setId("component-" + ref.id());
            part.setPrefSize(WIDTH, height * U - 2);
            part.relocate(NUMBERS, top(ref.uPosition(), height));
            painted.put(part, () -> model.checksTone(ct.checks(), rack.id()));
            tooltip(part, () -> model.partText(ct.name(), ct.checks(), rack.id()));
            frame.getChildren().add(part);
        }
    }

    private boolean occupied(int from, int height) {
        for (Device d : rack.devices()) {
            int h = model.template(d).map(DeviceTemplate::uHeight).orElse(1);
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

    /** A side rail with its PDUs (or other side parts) at their U position and height. */
    private Node rail(String side) {
        Pane rail = new Pane();
        rail.setPrefSize(RAIL, rack.uHeight() * U + 12);
        rail.setMinWidth(RAIL);
        ComponentEdits.Rail which =
                side.equals("left") ? ComponentEdits.Rail.LEFT : ComponentEdits.Rail.RIGHT;
        rail.setId("rail-" + side + "-" + drawing.name().toLowerCase(java.util.Locale.ROOT));
        gestures.rail(rail, which, rack.uHeight());
        RackTemplate rt = model.rackTemplate().orElse(null);
        if (rt == null) {
            return rail;
        }
        RackTemplate.Mount mount =
                side.equals("left") ? RackTemplate.Mount.LEFT : RackTemplate.Mount.RIGHT;
        for (RackTemplate.ComponentRef ref : rt.components()) {
            RackComponentTemplate ct = model.component(ref).orElse(null);
            if (ct == null || ref.mount(ct) != mount) {
                continue;
            }
            int height = Math.min(rack.uHeight(), ref.height(ct));
            int from = Math.max(1, Math.min(ref.uPosition(), rack.uHeight() - height + 1));
            StackPane pdu = new StackPane();
            pdu.setId("rail-" + ref.id());
            pdu.getStyleClass().addAll("sev", "sev-fill", "rail");
            pdu.setPrefSize(RAIL, height * U - 2);
            // as high as its U, whatever its turned label asks: it must line up with the rack's U
            pdu.setMinSize(RAIL, height * U - 2);
            pdu.setMaxSize(RAIL, height * U - 2);
            javafx.scene.shape.Rectangle clip =
                    new javafx.scene.shape.Rectangle(RAIL, height * U - 2);
            pdu.setClip(clip);
            pdu.relocate(0, top(from, height));
            gestures.component(pdu, ref, which);
            Label l = label(ct.name());
            l.getStyleClass().add("rail-label");
            l.setMinWidth(Math.max(U, height * U - 8));
            l.setAlignment(Pos.CENTER);
            pdu.getChildren().add(new Group(l));
            painted.put(pdu, () -> model.checksTone(ct.checks(), rack.id()));
            tooltip(
                    pdu,
                    () ->
                            model.partText(
                                    ct.name() + " (" + side + " rail)", ct.checks(), rack.id()));
            rail.getChildren().add(pdu);
        }
        return rail;
    }

    private void fillRackChecks() {
        rackChecks.getChildren().clear();
        notes.clear();
        Label head = new Label("Rack checks");
        head.getStyleClass().add("subtitle");
        rackChecks.getChildren().add(head);
        for (Check check : model.rackChecks()) {
            Label badge = Severities.styled(new Label(), Severity.UNKNOWN, "sev-badge");
            badge.setMinWidth(64);
            painted.put(badge, () -> model.checksTone(List.of(check.id()), rack.id()));
            Label name = new Label(check.name());
            name.setWrapText(true);
            Label handled = new Label();
            handled.getStyleClass().add("handled-note");
            handled.setWrapText(true);
            notes.put(handled, () -> model.rackCheckHandled(check.id()));
            HBox row = new HBox(8, badge, new VBox(1, name, handled));
            row.setAlignment(Pos.CENTER_LEFT);
            rackChecks.getChildren().add(row);
        }
        if (rackChecks.getChildren().size() == 1) {
            rackChecks
                    .getChildren()
                    .add(wrapped(new Label("No rack-level checks for this rack's template.")));
        }
    }

    private static Label wrapped(Label l) {
        l.setWrapText(true);
        return l;
    }

    private static void tooltip(Node n, Supplier<String> text) {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        tip.setOnShowing(e -> tip.setText(text.get()));
        Tooltip.install(n, tip);
    }

    /** How many coloured things the current face holds (it must not grow with face changes). */
    public int paintedCount() {
        return painted.size();
    }

    private void paint() {
        Tone rackTone = model.rackTone();
        Severities.apply(state, rackTone);
        state.setText(rackTone.name());
        notes.forEach(
                (label, text) -> {
                    String t = text.get();
                    label.setText(t);
                    label.setVisible(!t.isEmpty());
                    label.setManaged(!t.isEmpty());
                });
        painted.forEach(
                (region, tone) -> {
                    Tone t = tone.get();
                    if (shown.put(region, t) != t) {
                        Severities.apply(region, t);
                        if (region instanceof Label l && l.getStyleClass().contains("sev-badge")) {
                            l.setText(t.name());
                        }
                    }
                });
        nodeOf.forEach(
                (cell, instance) -> {
                    cell.pseudoClassStateChanged(Severities.STALE, model.stale(instance));
                    cell.pseudoClassStateChanged(Severities.HANDLED, model.handled(instance));
                    boolean member = model.inSelectedJob(instance);
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
        model.dispose();
    }
}
