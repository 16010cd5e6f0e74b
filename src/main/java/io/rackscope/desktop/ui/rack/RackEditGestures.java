package io.rackscope.desktop.ui.rack;

import io.rackscope.desktop.edit.ComponentEdits;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.RackTemplate;
import io.rackscope.desktop.ui.EditForm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the rack elevation does in Edit mode: a palette of device templates dragged onto a free U of
 * a face (an outline shows where it lands, and why not where it does not fit), devices selected
 * (Ctrl or Shift adds), dragged up and down their face or across to the other when both are shown,
 * moved to another rack, edited, copied and pasted as a group, deleted (the Delete key too). Every
 * change goes through the view model; the core checks it again.
 */
final class RackEditGestures {
    private static final int MAX_COPIES_ASKED = 8;

    private final RackElevationViewModel model;
    private final Node owner;
    private final double u;
    private final Map<Face, Pane> frames = new EnumMap<>(Face.class);
    private final Map<Face, Region> ghosts = new EnumMap<>(Face.class);

    /** Each face's device blocks by device key (both faces show every device). */
    private final Map<Face, Map<String, Region>> blocks = new EnumMap<>(Face.class);

    private final Label hint = new Label();
    private DeviceTemplate dragged;

    /** Something is being dragged: the rack must not be laid out again under the pointer. */
    private boolean dragging;

    boolean dragging() {
        return dragging || dragged != null;
    }

    /** {@code unit}: the height of one U in the frame's pixels. */
    RackEditGestures(RackElevationViewModel model, Node owner, double unit) {
        this.model = model;
        this.owner = owner;
        this.u = unit;
        hint.setId("rack-edit-hint");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        owner.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    /** Forgets the faces drawn before (the view draws them again). */
    void clear() {
        frames.clear();
        ghosts.clear();
        blocks.clear();
    }

    private boolean editing() {
        return model.editingProperty().get();
    }

    // ---- the palette ----

    /** The device templates to drag onto a face, with the last drop's outcome under them. */
    Node palette() {
        VBox box = new VBox(4);
        box.setId("rack-palette");
        box.getStyleClass().add("panel");
        box.setPrefWidth(190);
        box.setMinWidth(190);
        Label head = new Label("Device templates");
        head.getStyleClass().add("subtitle");
        box.getChildren().add(head);
        Label how = new Label("Drag one onto a free U of a face.");
        how.getStyleClass().add("muted");
        how.setWrapText(true);
        box.getChildren().add(how);
        for (DeviceTemplate t : model.palette()) {
            Label item =
                    new Label(
                            t.name()
                                    + " · "
                                    + Math.max(1, t.uHeight())
                                    + "U"
                                    + (t.type() == null || t.type().isBlank()
                                            ? ""
                                            : " · " + t.type()));
            item.setId("palette-" + t.id());
            item.getStyleClass().add("palette-item");
            item.setMaxWidth(Double.MAX_VALUE);
            item.setWrapText(true);
            item.setOnDragDetected(
                    e -> {
                        dragged = t;
                        item.startFullDrag();
                        e.consume();
                    });
            item.setOnMouseReleased(e -> dropped());
            box.getChildren().add(item);
        }
        if (model.palette().isEmpty()) {
            Label none =
                    new Label(
                            "No device template yet: add one with “New device template…” on a free U.");
            none.setWrapText(true);
            box.getChildren().add(none);
        }
        box.getChildren().add(hint);
        return box;
    }

    private void dropped() {
        dragged = null;
        ghosts.values().forEach(g -> g.setVisible(false));
    }

    // ---- a face ----

    /** {@code frame} shows {@code face}: the palette's drops land on it. */
    void face(Pane frame, Face face, int rackHeight, java.util.function.IntToDoubleFunction topOf) {
        frames.put(face, frame);
        Region ghost = new Region();
        ghost.getStyleClass().add("device-ghost");
        ghost.setManaged(false);
        ghost.setVisible(false);
        ghost.setMouseTransparent(true);
        frame.getChildren().add(ghost);
        ghosts.put(face, ghost);
        frame.addEventHandler(
                MouseDragEvent.MOUSE_DRAG_OVER,
                e -> {
                    if (dragged == null || !editing()) {
                        return;
                    }
                    int at = uAt(frame, e, rackHeight);
                    int h = model.templateHeight(dragged.id());
                    Optional<String> no = model.refusal(dragged.id(), at, face);
                    ghost.resizeRelocate(
                            RackElevationView.NUMBERS,
                            topOf.applyAsDouble(at + h - 1),
                            RackElevationView.WIDTH,
                            h * u);
                    ghost.pseudoClassStateChanged(
                            javafx.css.PseudoClass.getPseudoClass("refused"), no.isPresent());
                    ghost.setVisible(true);
                    hint.setText(
                            no.map(why -> "Does not fit at U " + at + ": " + why)
                                    .orElse(
                                            dragged.name()
                                                    + " at U "
                                                    + at
                                                    + " of the "
                                                    + side(face)));
                });
        frame.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> ghost.setVisible(false));
        frame.addEventHandler(
                MouseDragEvent.MOUSE_DRAG_RELEASED,
                e -> {
                    DeviceTemplate t = dragged;
                    dropped();
                    if (t == null || !editing()) {
                        return;
                    }
                    int at = uAt(frame, e, rackHeight);
                    if (model.refusal(t.id(), at, face).isEmpty()) {
                        askNewDevice(at, face, t.id());
                    }
                });
    }

    /** The U under the pointer in {@code frame}. */
    private int uAt(Pane frame, MouseEvent e, int rackHeight) {
        double y = frame.sceneToLocal(e.getSceneX(), e.getSceneY()).getY();
        return Math.max(1, Math.min(rackHeight, rackHeight - (int) Math.floor((y - 6) / u)));
    }

    private static String side(Face face) {
        return face.name().toLowerCase(Locale.ROOT);
    }

    /** A free U: a new device there, a new template, or what was copied pasted there. */
    ContextMenu freeMenu(int at, Face face) {
        MenuItem add = new MenuItem("Add a device at U " + at + " (" + side(face) + ")…");
        add.setOnAction(e -> askNewDevice(at, face, null));
        MenuItem template = new MenuItem("New device template…");
        template.setOnAction(e -> askTemplate());
        ContextMenu menu = new ContextMenu(add, template);
        List<Device> copied = model.copied();
        if (!copied.isEmpty()) {
            String what =
                    copied.size() == 1
                            ? "a copy of " + copied.get(0).name()
                            : copied.size() + " copies";
            MenuItem paste = new MenuItem("Paste " + what + " at U " + at + "…");
            paste.setOnAction(e -> askPaste(at, face));
            menu.getItems().add(paste);
        }
        return menu;
    }

    /** A device template of the simplest kind: its size, a grid of nodes, the checks it has. */
    private void askTemplate() {
        List<String> checks = model.nodeCheckIds();
        EditForm.titled("New device template")
                .text("Id", "")
                .text("Name", "")
                .choice("Type", List.of("server", "switch", "storage", "pdu", "other"), "server")
                .text("U height", "1")
                .text("Rows of nodes", "1")
                .text("Nodes per row", "1")
                .text(
                        "Checks"
                                + (checks.isEmpty()
                                        ? " (the library has none yet)"
                                        : " (of: " + String.join(", ", checks) + ")"),
                        String.join(", ", checks))
                .ask(owner)
                .ifPresent(
                        v -> {
                            try {
                                model.addDeviceTemplate(
                                        v.get(0),
                                        v.get(1),
                                        v.get(2),
                                        Integer.parseInt(v.get(3)),
                                        Integer.parseInt(v.get(4)),
                                        Integer.parseInt(v.get(5)),
                                        v.get(6));
                            } catch (NumberFormatException ex) {
                                EditForm.confirm(owner, "Heights and counts are whole numbers.");
                            }
                        });
    }

    private void askNewDevice(int at, Face face, String template) {
        EditForm.titled("Add a device at U " + at + " of " + model.rack().id() + ", " + side(face))
                .text("Id", model.nextDeviceId())
                .choice("Template", model.deviceTemplates(), template)
                .text(
                        "Instance (cn001, cn[001-004], or cn001, cn007)",
                        model.suggestedInstance(
                                template != null
                                        ? template
                                        : model.deviceTemplates().stream().findFirst().orElse("")))
                .preview(v -> model.instancePreview(v.get(2), v.get(1)))
                .ask(owner)
                .ifPresent(v -> model.addDevice(v.get(0), v.get(1), at, face, v.get(2)));
    }

    private void askPaste(int at, Face face) {
        List<RackElevationViewModel.Copy> copies = model.copies(at, face);
        EditForm form =
                EditForm.titled(
                        "Paste "
                                + (copies.size() == 1 ? "a copy" : copies.size() + " copies")
                                + " at U "
                                + at
                                + " of "
                                + model.rack().id());
        int asked = Math.min(MAX_COPIES_ASKED, copies.size());
        for (int i = 0; i < asked; i++) {
            RackElevationViewModel.Copy c = copies.get(i);
            String of = " (" + c.of().name() + " → U " + c.u() + ")";
            form.text("Id" + of, c.id()).text("Its nodes", c.instance());
        }
        form.ask(owner)
                .ifPresent(
                        v -> {
                            List<RackElevationViewModel.Copy> edited = new ArrayList<>(copies);
                            for (int i = 0; i < asked; i++) {
                                RackElevationViewModel.Copy c = copies.get(i);
                                edited.set(
                                        i,
                                        new RackElevationViewModel.Copy(
                                                c.of(),
                                                c.u(),
                                                c.face(),
                                                v.get(2 * i),
                                                v.get(2 * i + 1)));
                            }
                            model.paste(edited);
                        });
    }

    // ---- the rails ----

    /**
     * {@code rail} is one of the rack template's side rails: a component placed at a U of it from
     * its menu, every change said to be the template's (shared by its racks).
     */
    void rail(Pane rail, ComponentEdits.Rail which, int rackHeight) {
        rail.setOnContextMenuRequested(
                e -> {
                    if (!editing() || e.isConsumed()) {
                        return;
                    }
                    int at =
                            Math.max(
                                    1,
                                    Math.min(
                                            rackHeight,
                                            rackHeight - (int) Math.floor((e.getY() - 6) / u)));
                    String side = which.name().toLowerCase(Locale.ROOT);
                    MenuItem place =
                            new MenuItem(
                                    "Place a component at U " + at + " of the " + side + " rail…");
                    place.setDisable(
                            model.rack().templateId() == null
                                    || model.componentTemplates().isEmpty());
                    place.setOnAction(
                            a ->
                                    EditForm.titled(
                                                    "Place a component on the "
                                                            + side
                                                            + " rail of template "
                                                            + model.rack().templateId()
                                                            + " ("
                                                            + shared())
                                            .choice(
                                                    "Component template",
                                                    model.componentTemplates(),
                                                    null)
                                            .text("Id", model.nextComponentId())
                                            .ask(owner)
                                            .ifPresent(
                                                    v ->
                                                            model.placeComponent(
                                                                    which, at, v.get(0),
                                                                    v.get(1))));
                    ContextMenu menu = new ContextMenu(place);
                    if (model.rack().templateId() == null) {
                        hint.setText(
                                "Components are placed on a rack template: this rack has none.");
                    }
                    menu.show(rail, e.getScreenX(), e.getScreenY());
                    e.consume();
                });
    }

    private String shared() {
        int n = model.racksSharingTemplate();
        return n == 1 ? "this rack only)" : "shared by " + n + " racks)";
    }

    /** A component on a rail: dragged along it, moved or removed from its menu. */
    void component(Region part, RackTemplate.ComponentRef ref, ComponentEdits.Rail which) {
        double[] start = {Double.NaN};
        part.addEventFilter(
                MouseEvent.MOUSE_PRESSED,
                e ->
                        start[0] =
                                e.getButton() == MouseButton.PRIMARY
                                        ? inFrame(part, e)
                                        : Double.NaN);
        part.addEventFilter(
                MouseEvent.MOUSE_DRAGGED,
                e -> {
                    if (editing() && !Double.isNaN(start[0])) {
                        part.setTranslateY(Math.round((inFrame(part, e) - start[0]) / u) * u);
                        if (!part.getStyleClass().contains("device-moving")) {
                            part.getStyleClass().add("device-moving");
                        }
                        e.consume();
                    }
                });
        part.addEventFilter(
                MouseEvent.MOUSE_RELEASED,
                e -> {
                    double moved = part.getTranslateY();
                    part.setTranslateY(0);
                    part.getStyleClass().remove("device-moving");
                    start[0] = Double.NaN;
                    if (editing() && moved != 0) {
                        model.moveComponent(
                                ref, which, ref.uPosition() - (int) Math.round(moved / u));
                        e.consume();
                    }
                });
        part.setOnContextMenuRequested(
                e -> {
                    if (!editing()) {
                        return;
                    }
                    MenuItem move = new MenuItem("Move " + ref.id() + " to…");
                    move.setOnAction(
                            a ->
                                    EditForm.titled("Move " + ref.id() + " (" + shared())
                                            .text("Lowest U", Integer.toString(ref.uPosition()))
                                            .choice(
                                                    "Rail",
                                                    List.of("left", "right"),
                                                    which.name().toLowerCase(Locale.ROOT))
                                            .ask(owner)
                                            .ifPresent(
                                                    v -> {
                                                        try {
                                                            model.moveComponent(
                                                                    ref,
                                                                    ComponentEdits.Rail.valueOf(
                                                                            v.get(1)
                                                                                    .toUpperCase(
                                                                                            Locale
                                                                                                    .ROOT)),
                                                                    Integer.parseInt(v.get(0)));
                                                        } catch (NumberFormatException ex) {
                                                            EditForm.confirm(
                                                                    owner, "Not a U: " + v.get(0));
                                                        }
                                                    }));
                    MenuItem remove =
                            EditForm.confirmItem(
                                    owner,
                                    "Remove "
                                            + ref.id()
                                            + " from template "
                                            + model.rack().templateId()
                                            + "…",
                                    "Remove "
                                            + ref.id()
                                            + " from rack template "
                                            + model.rack().templateId()
                                            + " ("
                                            + shared()
                                            + "?",
                                    () -> model.removeComponent(ref));
                    new ContextMenu(move, new SeparatorMenuItem(), remove)
                            .show(part, e.getScreenX(), e.getScreenY());
                    e.consume();
                });
    }

    // ---- a device ----

    /**
     * {@code block} shows {@code d}: a click selects it (Ctrl or Shift: adds to the selection), a
     * drag moves it (with the selection) a U at a time, to the other face when both are shown.
     */
    void device(Region block, Device d, Face shownOn) {
        blocks.computeIfAbsent(shownOn, f -> new HashMap<>()).put(d.key(), block);
        select(block, model.isSelected(d));
        // where on the device it was taken, in U from its lowest (NaN: not taken)
        double[] grab = {Double.NaN};
        Face[] target = {d.face()};
        int rackHeight = model.rack().uHeight();
        block.addEventFilter(
                MouseEvent.MOUSE_PRESSED,
                e ->
                        grab[0] =
                                e.getButton() == MouseButton.PRIMARY
                                        ? uAt(frames.get(shownOn), e, rackHeight) - d.uPosition()
                                        : Double.NaN);
        block.addEventFilter(
                MouseEvent.MOUSE_CLICKED,
                e -> {
                    if (editing()
                            && e.getButton() == MouseButton.PRIMARY
                            && e.isStillSincePress()) {
                        if (e.getClickCount() == 1) {
                            model.select(d, e.isShortcutDown() || e.isShiftDown());
                            owner.requestFocus();
                            e.consume();
                        }
                    }
                });
        block.addEventFilter(
                MouseEvent.MOUSE_DRAGGED,
                e -> {
                    if (!editing() || Double.isNaN(grab[0])) {
                        return;
                    }
                    dragging = true;
                    target[0] = faceUnder(e).orElse(shownOn);
                    Pane own = frames.get(shownOn);
                    Pane there = frames.get(target[0]);
                    double dx =
                            there == own ? 0 : own.sceneToLocal(there.localToScene(0, 0)).getX();
                    // the U under the pointer, less where the device was taken: it follows the
                    // pointer a U at a time, whatever scale the rack is drawn at
                    int lowest = uAt(there, e, rackHeight) - (int) grab[0];
                    double dy = (d.uPosition() - lowest) * u;
                    for (Region r : movedWith(d, shownOn)) {
                        r.setTranslateX(dx);
                        r.setTranslateY(dy);
                        if (!r.getStyleClass().contains("device-moving")) {
                            r.getStyleClass().add("device-moving");
                        }
                    }
                    e.consume();
                });
        block.addEventFilter(
                MouseEvent.MOUSE_RELEASED,
                e -> {
                    dragging = false;
                    double moved = block.getTranslateY();
                    boolean across = block.getTranslateX() != 0;
                    for (Region r : movedWith(d, shownOn)) {
                        r.setTranslateX(0);
                        r.setTranslateY(0);
                        r.getStyleClass().remove("device-moving");
                    }
                    grab[0] = Double.NaN;
                    if (editing() && (moved != 0 || across)) {
                        List<Device> group = model.actedOn(d);
                        int lowest = group.stream().mapToInt(Device::uPosition).min().orElse(1);
                        int by = -(int) Math.round(moved / u);
                        Face to = across ? target[0] : d.face();
                        model.moveDevices(group, model.rackKey(), lowest + by, to);
                        e.consume();
                    }
                });
    }

    private List<Region> movedWith(Device d, Face shownOn) {
        List<Region> out = new ArrayList<>();
        Map<String, Region> face = blocks.getOrDefault(shownOn, Map.of());
        for (Device x : model.actedOn(d)) {
            Region r = face.get(x.key());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private Optional<Face> faceUnder(MouseEvent e) {
        for (Map.Entry<Face, Pane> f : frames.entrySet()) {
            Point2D p = f.getValue().sceneToLocal(e.getSceneX(), e.getSceneY());
            if (f.getValue().getLayoutBounds().contains(p)) {
                return Optional.of(f.getKey());
            }
        }
        return Optional.empty();
    }

    private static double inFrame(Region block, MouseEvent e) {
        return block.getParent().sceneToLocal(e.getSceneX(), e.getSceneY()).getY();
    }

    /** Shows which devices are selected (after the view model changed). */
    void showSelection() {
        for (Device d : model.rack().devices()) {
            for (Map<String, Region> face : blocks.values()) {
                Region b = face.get(d.key());
                if (b != null) {
                    select(b, model.isSelected(d));
                }
            }
        }
    }

    private static void select(Region block, boolean on) {
        block.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), on);
    }

    /** On a device: edit, move to another rack, copy, delete; on the selection when it is in it. */
    ContextMenu deviceMenu(Device d) {
        List<Device> group = model.actedOn(d);
        if (group.size() > 1) {
            String n = group.size() + " devices";
            MenuItem move = new MenuItem("Move " + n + " to…");
            move.setOnAction(e -> askMove(group));
            MenuItem copy = new MenuItem("Copy " + n + " (paste at a free U of any rack)");
            copy.setOnAction(e -> model.copyDevices(group));
            MenuItem delete =
                    EditForm.confirmItem(
                            owner,
                            "Delete " + n + "…",
                            "Delete "
                                    + n
                                    + " ("
                                    + String.join(", ", group.stream().map(Device::id).toList())
                                    + ")?",
                            () -> model.deleteDevices(group));
            return new ContextMenu(move, copy, new SeparatorMenuItem(), delete);
        }
        MenuItem edit = new MenuItem("Edit id, name, nodes…");
        edit.setOnAction(
                e ->
                        EditForm.titled("Edit device " + d.id())
                                .text("Id", d.id())
                                .text("Name", d.name())
                                .text(
                                        "Instance (cn001, cn[001-004], or cn001, cn007)",
                                        model.instanceText(d))
                                .preview(v -> model.instancePreview(v.get(2), d.templateId()))
                                .ask(owner)
                                .ifPresent(v -> model.editDevice(d, v.get(0), v.get(1), v.get(2))));
        MenuItem move = new MenuItem("Move to…");
        move.setOnAction(e -> askMove(List.of(d)));
        MenuItem copy = new MenuItem("Copy (paste at a free U of any rack)");
        copy.setOnAction(e -> model.copyDevices(List.of(d)));
        MenuItem delete =
                EditForm.confirmItem(
                        owner,
                        "Delete device " + d.name() + "…",
                        "Delete device " + d.name() + " from " + model.rack().id() + "?",
                        () -> model.deleteDevices(List.of(d)));
        return new ContextMenu(edit, move, copy, new SeparatorMenuItem(), delete);
    }

    private void askMove(List<Device> group) {
        int lowest = group.stream().mapToInt(Device::uPosition).min().orElse(1);
        Face face = group.get(0).face();
        EditForm.titled(
                        group.size() == 1
                                ? "Move " + group.get(0).name()
                                : "Move " + group.size() + " devices")
                .choice("Rack", model.rackKeys(), model.rackKey())
                .text(
                        group.size() == 1 ? "Lowest U" : "Lowest U (distances kept)",
                        Integer.toString(lowest))
                .choice("Face", List.of("front", "rear"), side(face))
                .ask(owner)
                .ifPresent(
                        v -> {
                            try {
                                model.moveDevices(
                                        group,
                                        v.get(0),
                                        Integer.parseInt(v.get(1)),
                                        Face.parse(v.get(2)));
                            } catch (NumberFormatException ex) {
                                EditForm.confirm(owner, "Not a U: " + v.get(1));
                            }
                        });
    }

    private void key(KeyEvent e) {
        if (!editing()) {
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            model.clearSelection();
        } else if (e.getCode() == KeyCode.DELETE && !model.selection().isEmpty()) {
            List<Device> group = model.selection();
            if (EditForm.confirm(
                    owner,
                    "Delete "
                            + String.join(", ", group.stream().map(Device::id).toList())
                            + "? (nothing is written until you review and save)")) {
                model.deleteDevices(group);
            }
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.C && !model.selection().isEmpty()) {
            model.copyDevices(model.selection());
            hint.setText(
                    Integer.toString(model.selection().size())
                            + " copied: paste from a free U's menu");
            e.consume();
        }
    }
}
