package io.rackscope.desktop.ui.rack;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.Ids;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.CheckState;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.live.AlertHandling;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.RackComponentTemplate;
import io.rackscope.desktop.topology.RackTemplate;
import io.rackscope.desktop.ui.EntityLinks;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.EstateEditor;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.LastSamples;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceHandling;
import io.rackscope.desktop.ui.SampleTimes;
import io.rackscope.desktop.ui.ShownClock;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Tone;
import io.rackscope.desktop.ui.ViewOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * A rack's devices, components and checks with the tone each shows: health, or the Slurm state when
 * the views colour by Slurm; the selected job's nodes; stale marks; tooltips.
 */
public final class RackElevationViewModel {
    private final RackscopeConfig config;
    private final Rack rack;
    private final EstateEditor editor;
    private final HealthSource health;
    private final Navigator navigator;
    private final ViewOptions options;
    private final Clock clock;
    private final LastSamples lastSamples;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final Subscriptions subscriptions = new Subscriptions();
    private Set<String> jobNodes = Set.of();
    private final Map<String, List<Check>> expandingOf = new java.util.HashMap<>();

    /** Acknowledging and maintenance from a right-click. */
    private final PlaceHandling handling;

    public PlaceHandling handling() {
        return handling;
    }

    /** Whether every alert of {@code instance} is acknowledged or under maintenance. */
    public boolean handled(String instance) {
        HealthSnapshot s = health.current();
        List<io.rackscope.desktop.health.Alert> mine =
                s.alerts().stream().filter(a -> a.entity().equals(instance)).toList();
        return !mine.isEmpty() && mine.stream().allMatch(a -> s.handling().alert(a) != null);
    }

    public RackElevationViewModel(
            RackscopeConfig config,
            Rack rack,
            HealthSource health,
            Navigator navigator,
            ViewOptions options,
            Clock clock,
            AlertHandling handling,
            SampleTimes sampleTimes,
            EstateEditing editing) {
        this.config = config;
        this.rack = rack;
        this.editor = new EstateEditor(editing, options);
        this.health = health;
        this.navigator = navigator;
        this.options = options;
        this.clock = new ShownClock(health, clock);
        this.handling =
                new PlaceHandling(
                        handling,
                        health,
                        options.operatorProperty(),
                        this.clock,
                        new EntityLinks(config));
        this.lastSamples =
                new LastSamples(
                        config.app().alerts().sinceLookback(),
                        this.clock,
                        sampleTimes,
                        this::changed);
        subscriptions.onInvalidate(
                health.snapshotProperty(),
                o -> {
                    askLastSamples();
                    changed();
                });
        subscriptions.onInvalidate(options.colourBySlurmProperty(), o -> changed());
        subscriptions.onInvalidate(options.selectedJobProperty(), o -> changed());
        jobNodes = options.selectedJobNodes(health.current());
        askLastSamples();
    }

    /** Edit mode is on: free U offer a new device, devices their deletion. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    /** A device of {@code template} at {@code u} of {@code face}, checked for room there. */
    public void addDevice(String id, String template, int u, Face face, String instance) {
        editor.edit(
                "Add device " + id + " at U " + u,
                e ->
                        e.addDevice(
                                rack.key(),
                                id,
                                template,
                                u,
                                face,
                                instance == null || instance.isBlank() ? null : instance));
    }

    public void moveDevice(Device d, int u, Face face) {
        editor.edit("Move device " + d.id() + " to U " + u, e -> e.moveDevice(d.key(), u, face));
    }

    /**
     * {@code group} moved to rack {@code rackKey} with its lowest device at {@code u}, distances
     * kept (on {@code face} when they came from one face).
     */
    public void moveDevices(List<Device> group, String rackKey, int u, Face face) {
        List<EstateEdits.Placement> moves =
                RackSpace.landing(group, u, face).stream()
                        .map(
                                s ->
                                        new EstateEdits.Placement(
                                                s.device().key(), rackKey, s.u(), s.face()))
                        .toList();
        String what =
                group.size() == 1
                        ? "Move device " + group.get(0).id()
                        : "Move " + group.size() + " devices";
        editor.edit(what + " to U " + u + " of " + rackKey, e -> e.moveDevices(moves));
        clearSelection();
    }

    /** A device's id, name and nodes ({@code instance} as typed: a name, range or list). */
    public void editDevice(Device d, String id, String name, String instance) {
        editor.edit("Edit device " + d.id(), e -> e.editDevice(d.key(), id, name, instance));
    }

    /** A device's nodes as the edit form shows them. */
    public String instanceText(Device d) {
        return EstateEdits.instanceText(d);
    }

    /** Every rack of the estate, by key, for moving devices to another. */
    public List<String> rackKeys() {
        return editor.estate().topology().racks().stream().map(Rack::key).sorted().toList();
    }

    public String rackKey() {
        return rack.key();
    }

    // ---- selection (Edit mode) ----

    private final java.util.LinkedHashSet<String> selected = new java.util.LinkedHashSet<>();

    /** {@code d} selected alone, or added to (removed from) the selection with {@code toggle}. */
    public void select(Device d, boolean toggle) {
        if (!toggle) {
            selected.clear();
            selected.add(d.key());
        } else if (!selected.remove(d.key())) {
            selected.add(d.key());
        }
        revision.set(revision.get() + 1);
    }

    public void clearSelection() {
        if (!selected.isEmpty()) {
            selected.clear();
            revision.set(revision.get() + 1);
        }
    }

    public boolean isSelected(Device d) {
        return selected.contains(d.key());
    }

    /**
     * What an action on {@code d} acts on: the selection when {@code d} is in it, else {@code d}
     * alone.
     */
    public List<Device> actedOn(Device d) {
        if (!selected.contains(d.key())) {
            return List.of(d);
        }
        return rack.devices().stream().filter(x -> selected.contains(x.key())).toList();
    }

    /** The devices selected, in the rack's order. */
    public List<Device> selection() {
        return rack.devices().stream().filter(x -> selected.contains(x.key())).toList();
    }

    // ---- room on the faces ----

    private RackSpace space() {
        return new RackSpace(
                rack, t -> config.templates().device(t).map(DeviceTemplate::uHeight).orElse(1));
    }

    /** How full each face is: "front 30 of 42 U used, rear 2". */
    public String density() {
        return space().density();
    }

    /** The largest free run of U of each face (what the biggest new device could be). */
    public String largestFree() {
        return space().largestFree();
    }

    /** Why a device of {@code template} cannot go at {@code u} of {@code face}; empty if it can. */
    public Optional<String> refusal(String template, int u, Face face) {
        return space().refusal(u, templateHeight(template), face, Set.of());
    }

    /** Why {@code d} cannot move to {@code u} of {@code face} of this rack; empty if it can. */
    public Optional<String> refusal(Device d, int u, Face face) {
        return space().refusal(u, templateHeight(d.templateId()), face, Set.of(d.key()));
    }

    public int templateHeight(String template) {
        return Math.max(
                1, config.templates().device(template).map(DeviceTemplate::uHeight).orElse(1));
    }

    // ---- rack components on the rails (Edit mode) ----

    /** How many racks of the estate share this rack's template (its components are theirs). */
    public int racksSharingTemplate() {
        return (int)
                editor.estate().topology().racks().stream()
                        .filter(
                                r ->
                                        rack.templateId() != null
                                                && rack.templateId().equals(r.templateId()))
                        .count();
    }

    /** The rack component templates to place on a rail. */
    public List<String> componentTemplates() {
        return editor.estate().templates().components().keySet().stream()
                .filter(id -> !id.contains("/"))
                .sorted()
                .toList();
    }

    /** A new component's id on this rack's template: the next after its last numbered one. */
    public String nextComponentId() {
        return EstateEditor.nextId(
                rackTemplate()
                        .map(
                                t ->
                                        t.components().stream()
                                                .map(RackTemplate.ComponentRef::id)
                                                .toList())
                        .orElse(List.of()),
                "pdu",
                "01");
    }

    public void placeComponent(
            io.rackscope.desktop.edit.ComponentEdits.Rail rail, int u, String template, String id) {
        editor.edit(
                "Place component "
                        + id
                        + " on the "
                        + rail.name().toLowerCase(java.util.Locale.ROOT)
                        + " rail",
                e -> e.components().place(rack.templateId(), template, id, rail, u));
    }

    public void moveComponent(
            RackTemplate.ComponentRef ref,
            io.rackscope.desktop.edit.ComponentEdits.Rail rail,
            int u) {
        editor.edit(
                "Move component " + ref.id() + " to U " + u,
                e -> e.components().move(rack.templateId(), ref.id(), rail, u));
    }

    public void removeComponent(RackTemplate.ComponentRef ref) {
        editor.edit(
                "Remove component " + ref.id(),
                e -> e.components().remove(rack.templateId(), ref.id()));
    }

    /** The library's node- and chassis-scope checks, which a device template may list. */
    public List<String> nodeCheckIds() {
        return editor.estate().checks().values().stream()
                .filter(c -> c.scope() == CheckScope.NODE || c.scope() == CheckScope.CHASSIS)
                .map(Check::id)
                .sorted()
                .toList();
    }

    /** A new device template; {@code checks}: ids separated by commas. */
    public void addDeviceTemplate(
            String id, String name, String type, int uHeight, int rows, int cols, String checks) {
        List<String> ids =
                java.util.Arrays.stream(checks.split(","))
                        .map(String::trim)
                        .filter(c -> !c.isEmpty())
                        .toList();
        editor.edit(
                "New device template " + id,
                e -> e.addDeviceTemplate(id, name, type, uHeight, rows, cols, ids));
    }

    /** The device templates for the palette: id, name, U height and type. */
    public List<DeviceTemplate> palette() {
        return editor.estate().templates().devices().values().stream()
                .sorted(java.util.Comparator.comparing(DeviceTemplate::id))
                .toList();
    }

    /**
     * What an instance text makes, as the rack would show it: "4 nodes: cn0001, cn0002, cn0003,
     * cn0004", or why it is not a pattern; {@code template}'s slots are compared with the count.
     */
    public String instancePreview(String text, String template) {
        if (text.isBlank()) {
            return "no node: the device is one chassis";
        }
        List<String> ids;
        try {
            ids = Ids.expand(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String shown =
                ids.size() <= 6
                        ? String.join(", ", ids)
                        : String.join(", ", ids.subList(0, 3)) + " … " + ids.get(ids.size() - 1);
        int slots =
                config.templates()
                        .device(template)
                        .map(
                                t ->
                                        t.matrix().length == 0
                                                ? 1
                                                : java.util.Arrays.stream(t.matrix())
                                                        .mapToInt(r -> r.length)
                                                        .sum())
                        .orElse(0);
        String fit =
                slots == 0 || slots == ids.size()
                        ? ""
                        : " (the template has " + slots + (slots == 1 ? " slot)" : " slots)");
        return Formats.count(ids.size(), "node") + ": " + shown + fit;
    }

    /** Keeps {@code group} to be pasted at a free U of this rack or another. */
    public void copyDevices(List<Device> group) {
        options.copiedDevicesProperty().set(List.copyOf(group));
    }

    /** The devices copied (none: empty). */
    public List<Device> copied() {
        return options.copiedDevicesProperty().get();
    }

    /** A copy to paste: where it lands, the id and the nodes suggested for it. */
    public record Copy(Device of, int u, Face face, String id, String instance) {}

    /**
     * The copies of what was copied with the lowest at {@code u} of {@code face}, distances kept;
     * new ids after the rack's last, and nodes numbered on from the highest of the estate (one node
     * belongs to one device: copies never share the originals' nodes).
     */
    public List<Copy> copies(int u, Face face) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        rack.devices().forEach(d -> ids.add(d.id()));
        java.util.Set<String> nodes = new java.util.HashSet<>();
        editor.estate().topology().instances().forEach(i -> nodes.add(i.instanceId()));
        List<Copy> out = new java.util.ArrayList<>();
        for (RackSpace.Spot spot : RackSpace.landing(copied(), u, face)) {
            String id = EstateEditor.nextId(ids, rack.id(), "d01");
            ids.add(id);
            String instance = RackSpace.nextInstances(spot.device(), nodes);
            try {
                nodes.addAll(Ids.expand(instance));
            } catch (IllegalArgumentException e) {
                // a suggestion only: the form shows it and the admin mends it
            }
            out.add(new Copy(spot.device(), spot.u(), spot.face(), id, instance));
        }
        return out;
    }

    /**
     * Nodes for a new device of {@code template}: numbered on from the highest of the estate, like
     * the last device of that template (this rack's first, else any); empty when none is numbered.
     */
    public String suggestedInstance(String template) {
        java.util.Set<String> nodes = new java.util.HashSet<>();
        editor.estate().topology().instances().forEach(i -> nodes.add(i.instanceId()));
        // this rack's devices of the template first (its last first), then the estate's
        List<Device> here = new ArrayList<>(rack.devices());
        java.util.Collections.reverse(here);
        List<Device> elsewhere =
                editor.estate().topology().devices().stream()
                        .sorted(java.util.Comparator.comparing(Device::key).reversed())
                        .toList();
        return java.util.stream.Stream.concat(here.stream(), elsewhere.stream())
                .filter(d -> d.templateId().equals(template))
                .map(d -> RackSpace.nextInstances(d, nodes))
                .filter(n -> !n.isEmpty())
                .findFirst()
                .orElse("");
    }

    /** {@code copies} (as the admin left their ids and nodes) added to this rack, one step. */
    public void paste(List<Copy> copies) {
        List<EstateEdits.NewDevice> added =
                copies.stream()
                        .map(
                                c ->
                                        new EstateEdits.NewDevice(
                                                c.id(),
                                                c.of().templateId(),
                                                c.u(),
                                                c.face(),
                                                c.instance()))
                        .toList();
        editor.edit(
                copies.size() == 1
                        ? "Paste device " + copies.get(0).id()
                        : "Paste " + copies.size() + " devices",
                e -> e.addDevices(rack.key(), added));
    }

    public void deleteDevices(List<Device> group) {
        editor.edit(
                group.size() == 1
                        ? "Delete device " + group.get(0).id()
                        : "Delete " + group.size() + " devices",
                e -> e.deleteDevices(group.stream().map(Device::key).toList()));
        clearSelection();
    }

    public List<String> deviceTemplates() {
        return editor.deviceTemplates();
    }

    /** A new device's id: the next after the rack's last numbered one. */
    public String nextDeviceId() {
        return EstateEditor.nextId(
                rack.devices().stream().map(Device::id).toList(), rack.id(), "d01");
    }

    private void askLastSamples() {
        HealthSnapshot s = health.current();
        for (Device d : rack.devices()) {
            for (Check c : config.checksFor(d)) {
                if (c.scope() == CheckScope.NODE) {
                    lastSamples.update(s, c, d.instanceIds());
                } else if (c.scope() == CheckScope.CHASSIS) {
                    lastSamples.update(s, c, List.of(d.id()));
                }
            }
        }
    }

    private void changed() {
        jobNodes = options.selectedJobNodes(health.current());
        revision.set(revision.get() + 1);
    }

    public Rack rack() {
        return rack;
    }

    /** Grows by one whenever what the rack shows may have changed. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public String facts() {
        return rack.uHeight()
                + "U · "
                + Formats.count(rack.devices().size(), "device")
                + " · "
                + Formats.count(
                        rack.devices().stream().mapToInt(d -> d.instances().size()).sum(), "node")
                + " · "
                + density();
    }

    public Optional<DeviceTemplate> template(Device d) {
        return config.templates().device(d.templateId());
    }

    public Optional<RackTemplate> rackTemplate() {
        return config.templates().rack(rack.templateId());
    }

    public Optional<RackComponentTemplate> component(RackTemplate.ComponentRef ref) {
        return config.templates().component(ref.templateId());
    }

    public List<Check> rackChecks() {
        return config.checksFor(rack);
    }

    /** How the rack check {@code checkId}'s alert on this rack is handled, or "" when it is not. */
    public String rackCheckHandled(String checkId) {
        HealthSnapshot s = health.current();
        for (io.rackscope.desktop.health.Alert a : s.alertsOfRack(rack.key())) {
            if (a.check().equals(checkId) && a.entity().equals(rack.key())) {
                io.rackscope.desktop.health.Handled h = s.handling().alert(a);
                return h == null
                        ? ""
                        : io.rackscope.desktop.ui.HandledText.of(h, clock.getZone(), null);
            }
        }
        return "";
    }

    /** The device in the worst state (CRIT, then WARN, then UNKNOWN), if any is not OK. */
    public Optional<Device> worstDevice() {
        HealthSnapshot s = health.current();
        Device worst = null;
        Severity at = Severity.OK;
        for (Device d : rack.devices()) {
            Severity sev = s.device(d.key());
            if (sev != Severity.OK && (worst == null || sev.compareTo(at) > 0)) {
                worst = d;
                at = sev;
            }
        }
        return Optional.ofNullable(worst);
    }

    public Tone rackTone() {
        return Tone.of(health.current().rack(rack.key()));
    }

    /**
     * A node's health, or its Slurm state when the views colour by Slurm and it is a Slurm node.
     */
    public Tone nodeTone(String instance) {
        HealthSnapshot s = health.current();
        if (options.colourBySlurmProperty().get() && s.slurm().nodes().containsKey(instance)) {
            return Tone.of(s.slurm().state(instance));
        }
        return Tone.of(s.node(instance));
    }

    public Tone deviceTone(Device d) {
        return Tone.of(health.current().device(d.key()));
    }

    /**
     * The state of one disk bay ({@code slot}, the value of the {@code expand_by_label} label) of a
     * storage device: the worst its expanding checks give that child of the device's node (or of
     * the device, without nodes). A failing node whose check says nothing per disk gives its state
     * to every disk; UNKNOWN when no expanding check has answered.
     */
    public Tone diskTone(Device d, int slot) {
        return Tone.of(diskState(health.current(), d, slot));
    }

    private Severity diskState(HealthSnapshot s, Device d, int slot) {
        List<String> entities = d.instances().isEmpty() ? List.of(d.id()) : d.instanceIds();
        Severity worst = null;
        for (Check c : expanding(d)) {
            for (String e : entities) {
                Severity state = s.slotStateOf(c.id(), e, slot);
                if (state != null) {
                    worst = worst == null ? state : Severity.worst(worst, state);
                }
            }
        }
        return worst == null ? Severity.UNKNOWN : worst;
    }

    /** " (warn 80, crit 90)" from the device template's {@code display_thresholds}, or "". */
    private String thresholds(Device d, String checkId) {
        DeviceTemplate.Thresholds t = template(d).map(x -> x.thresholdsFor(checkId)).orElse(null);
        if (t == null || t.warn() == null && t.crit() == null) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (t.warn() != null) {
            parts.add("warn " + Formats.value(t.warn()));
        }
        if (t.crit() != null) {
            parts.add("crit " + Formats.value(t.crit()));
        }
        return "  (" + String.join(", ", parts) + ")";
    }

    /** A device's checks that expand by a label (its disks'), found once per device. */
    private List<Check> expanding(Device d) {
        return expandingOf.computeIfAbsent(
                d.key(),
                k -> config.checksFor(d).stream().filter(c -> c.expandByLabel() != null).toList());
    }

    /** The hover text of a disk bay. */
    public String diskText(Device d, int slot) {
        return d.name() + " · disk " + slot + "  —  " + diskState(health.current(), d, slot);
    }

    /** The worst state {@code checks} give {@code entity} (a device or this rack). */
    public Tone checksTone(List<String> checks, String entity) {
        return Tone.of(health.current().checkState(checks, entity));
    }

    public boolean stale(String entity) {
        return health.current().isStale(entity);
    }

    public boolean inSelectedJob(String instance) {
        return jobNodes.contains(instance);
    }

    /**
     * The faces shown, kept as where the user is: the window opened again on an edit shows them
     * still.
     */
    public void showFaces(boolean rear, boolean both) {
        navigator.replace(
                new Place(Place.Kind.RACK, rack.key(), both ? "both" : rear ? "rear" : null));
    }

    public void open(Device d) {
        navigator.go(Place.of(Place.Kind.DEVICE, d.key()));
    }

    public void open(Device d, String instance) {
        navigator.go(Place.of(Place.Kind.DEVICE, d.key()).highlighting(instance));
    }

    /** The hover text of a node cell (or of a device without instances). */
    public String cellText(Device d, String entity) {
        return health.view("rack-cell:" + d.key() + ":" + entity, s -> cellText(s, d, entity));
    }

    private String cellText(HealthSnapshot s, Device d, String entity) {
        StringBuilder b =
                new StringBuilder(entity)
                        .append("  —  ")
                        .append(d.instances().isEmpty() ? s.device(d.key()) : s.node(entity));
        if (s.isStale(entity)) {
            b.append(" (stale since ")
                    .append(Formats.ago(s.staleSince().get(entity), clock.instant()))
                    .append(')');
        }
        b.append('\n').append(d.name()).append(" · U").append(d.uPosition());
        for (Alert a : s.alertsOfDevice(d.key())) {
            if (a.entity().equals(entity) || a.entity().equals(d.key())) {
                b.append("\n  ")
                        .append(a.severity())
                        .append("  ")
                        .append(config.checkName(a.check()))
                        .append(Double.isNaN(a.value()) ? "" : " = " + Formats.value(a.value()))
                        .append(thresholds(d, a.check()));
            }
        }
        silentChecks(s, d, entity).forEach(line -> b.append("\n  ").append(line));
        return b.toString();
    }

    /**
     * Why a cell may be UNKNOWN: its checks that returned no sample for it this cycle, or whose
     * query failed with nothing known before.
     */
    private List<String> silentChecks(HealthSnapshot s, Device d, String entity) {
        // "no sample since 07:24:02: Node temperature, Memory pressure", by what is known of each
        Map<String, List<String>> none = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (Check c : config.checksFor(d)) {
            if (c.scope() == CheckScope.RACK) {
                continue;
            }
            String target = c.scope() == CheckScope.NODE ? entity : d.id();
            CheckState st = s.stateOf(c.id(), target);
            if (!st.withoutSample()) {
                continue;
            }
            if (st.reason() == CheckState.Reason.QUERY_FAILED) {
                failed.add(c.name());
            } else {
                none.computeIfAbsent(lastSamples.noSample(c, target), k -> new ArrayList<>())
                        .add(c.name());
            }
        }
        List<String> out = new ArrayList<>();
        none.forEach((why, checks) -> out.add(why + ": " + String.join(", ", checks)));
        if (!failed.isEmpty()) {
            out.add("query failed, nothing known: " + String.join(", ", failed));
        }
        return out;
    }

    /** The hover text of a part whose state comes from {@code checks} of {@code entity}. */
    public String partText(String what, List<String> checks, String entity) {
        Severity state = health.current().checkState(checks, entity);
        return what + " — " + state;
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
