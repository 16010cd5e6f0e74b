package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.capacity.Capacity;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.health.FrozenMap;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.live.AlertHandling;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.ChartSource;
import io.rackscope.desktop.ui.CheckPreview;
import io.rackscope.desktop.ui.EntityLinks;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.EstateEditor;
import io.rackscope.desktop.ui.ForecastText;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceHandling;
import io.rackscope.desktop.ui.ShownClock;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.Tone;
import io.rackscope.desktop.ui.ViewOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * A room's racks and their states. Each snapshot is applied as a difference: a rack's property
 * changes only when what its tile shows changes. Racks can instead be coloured by a metric, banded
 * by its thresholds.
 */
public final class RoomFloorViewModel {
    private final RackscopeConfig config;
    private final HealthSource health;
    private final Navigator navigator;
    private final ViewOptions options;
    private final ChartSource charts;
    private final Clock clock;
    private final Room room;
    private final EstateEditor editor;
    private final List<Rack> rackList;
    private final Map<String, ReadOnlyObjectWrapper<RackStatus>> racks = new LinkedHashMap<>();

    /** When each rack last became CRIT (while it stays so), as the clock shown says. */
    private final Map<String, java.time.Instant> critSince = new java.util.HashMap<>();

    private final Map<String, List<String>> instancesOfRack = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<CheckPreview> preview =
            new ReadOnlyObjectWrapper<>(this, "preview");
    private final Map<String, ReadOnlyObjectWrapper<String>> aisleSummaries = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Map<Severity, Integer>> summary =
            new ReadOnlyObjectWrapper<>(this, "summary", Map.of());
    private final ReadOnlyObjectWrapper<Severity> roomState =
            new ReadOnlyObjectWrapper<>(this, "roomState", Severity.UNKNOWN);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObjectProperty<MetricDefinition> colourBy =
            new SimpleObjectProperty<>(this, "colourBy");
    private Map<String, Double> metricValues = Map.of();
    private Map<String, double[]> metricProfiles = Map.of();
    private final javafx.beans.binding.BooleanBinding heatPossible =
            colourBy.isNotNull().and(colourBy.isNotEqualTo(HEADROOM));
    private final javafx.beans.property.BooleanProperty heatMap =
            new javafx.beans.property.SimpleBooleanProperty(this, "heatMap");
    private java.time.Instant metricMoment;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ReadOnlyObjectWrapper<Rack> selected =
            new ReadOnlyObjectWrapper<>(this, "selected");

    private final PlaceHandling handling;

    /** Acknowledging and maintenance from a right-click on a rack. */
    public PlaceHandling handling() {
        return handling;
    }

    public RoomFloorViewModel(
            RackscopeConfig config,
            Room room,
            HealthSource health,
            Navigator navigator,
            ViewOptions options,
            ChartSource charts,
            Clock clock) {
        this(
                config,
                room,
                health,
                navigator,
                options,
                charts,
                clock,
                AlertHandling.NONE,
                EstateEditing.NONE);
    }

    /**
     * {@code handling}: acknowledging and maintenance from the floor's right-click; {@code
     * editing}: the estate's files, changed from the floor in Edit mode.
     */
    public RoomFloorViewModel(
            RackscopeConfig config,
            Room room,
            HealthSource health,
            Navigator navigator,
            ViewOptions options,
            ChartSource charts,
            Clock clock,
            AlertHandling handling,
            EstateEditing editing) {
        this.config = config;
        this.editor = new EstateEditor(editing, options);
        this.health = health;
        this.navigator = navigator;
        this.options = options;
        this.charts = charts;
        this.clock = new ShownClock(health, clock);
        this.handling =
                new PlaceHandling(
                        handling,
                        health,
                        options.operatorProperty(),
                        this.clock,
                        new EntityLinks(config));
        this.room = room;
        this.rackList = room.racks().toList();
        room.racks()
                .forEach(
                        r -> {
                            racks.put(r.key(), new ReadOnlyObjectWrapper<>(RackStatus.UNKNOWN));
                            instancesOfRack.put(r.key(), r.instanceIds());
                        });
        room.aisles().forEach(a -> aisleSummaries.put(a.id(), new ReadOnlyObjectWrapper<>("")));
        subscriptions.onChange(
                health.snapshotProperty(),
                (o, old, s) -> {
                    apply(s);
                    // the metric colours and the heat map follow the moment shown, cycle by cycle
                    if (colourBy.get() != null && !this.clock.instant().equals(metricMoment)) {
                        loadMetric(colourBy.get());
                    }
                });
        colourBy.addListener(
                (o, old, m) -> {
                    metricValues = Map.of(); // another metric's values never colour this one
                    metricProfiles = Map.of();
                    loadMetric(m);
                });
        subscriptions.onInvalidate(options.colourBySlurmProperty(), o -> reapply());
        preview.set(options.previewProperty().get());
        subscriptions.onInvalidate(
                options.previewProperty(),
                o -> {
                    preview.set(options.previewProperty().get());
                    reapply();
                });
        subscriptions.onInvalidate(options.selectedJobProperty(), o -> reapply());
        apply(health.current());
    }

    /** Edit mode is on: the floor offers to add, move and delete aisles and racks. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    private String aisleKey(String aisleId) {
        return room.siteId() + "/" + room.id() + "/" + aisleId;
    }

    /**
     * Moves {@code rack} to place {@code slot} of aisle {@code aisleId} as the floor shows it (a
     * slot counts the racks before it, the moved one included when it is in that aisle).
     */
    public void moveRack(Rack rack, String aisleId, int slot) {
        int index = slot;
        if (aisleId.equals(rack.aisleId())) {
            int from =
                    room.aisles().stream()
                            .filter(a -> a.id().equals(aisleId))
                            .findFirst()
                            .map(a -> a.racks().indexOf(rack))
                            .orElse(-1);
            if (from == slot || from + 1 == slot) {
                return;
            }
            index = from < slot ? slot - 1 : slot;
        }
        int at = index;
        editor.edit(
                "Move rack " + rack.id() + " to " + aisleId,
                e -> e.moveRack(rack.key(), aisleKey(aisleId), at));
    }

    /**
     * A rack added at the end of an aisle; {@code name} blank: named by its id; {@code uHeight}
     * null: its template's, else 42.
     */
    public void addRack(String aisleId, String id, String name, String template, Integer uHeight) {
        editor.edit(
                "Add rack " + id,
                e ->
                        e.addRack(
                                aisleKey(aisleId),
                                id,
                                name,
                                template.isBlank() ? null : template,
                                uHeight));
    }

    public void addAisle(String id, String name) {
        editor.edit("Add aisle " + id, e -> e.addAisle(room.key(), id, name));
    }

    public void deleteRack(Rack rack) {
        editor.edit("Delete rack " + rack.id(), e -> e.deleteRack(rack.key()));
    }

    public void deleteAisle(String aisleId) {
        editor.edit("Delete aisle " + aisleId, e -> e.deleteAisle(aisleKey(aisleId)));
    }

    public List<String> rackTemplates() {
        return editor.rackTemplates();
    }

    public void setLayout(EstateEdits.Layout layout) {
        editor.edit("Room layout", e -> e.setLayout(room.key(), layout));
    }

    public void addStandaloneRack(String id, String template) {
        editor.edit(
                "Add standalone rack " + id,
                e ->
                        e.addStandaloneRack(
                                room.key(), id, template.isBlank() ? null : template, null));
    }

    public void changeRackId(Rack rack, String id) {
        editor.edit(
                "Change rack id " + rack.id() + " to " + id, e -> e.changeRackId(rack.key(), id));
    }

    public void renameRack(Rack rack, String name) {
        editor.edit("Rename rack " + rack.id(), e -> e.rename("rack", rack.key(), name));
    }

    /** Where an aisle is in its room's list (0: first), or -1. */
    public int aislePosition(String aisleId) {
        List<String> ids = room.aisles().stream().map(a -> a.id()).toList();
        return ids.indexOf(aisleId);
    }

    public int aisleCount() {
        return room.aisles().size();
    }

    /** An aisle moved {@code by} places in its room's order (negative: towards the first). */
    public void moveAisle(String aisleId, int by) {
        int to = aislePosition(aisleId) + by;
        editor.edit(
                "Move aisle " + aisleId + (by < 0 ? " up" : " down"),
                e -> e.moveAisle(aisleKey(aisleId), to));
    }

    public void renameAisle(String aisleId, String name) {
        editor.edit("Rename aisle " + aisleId, e -> e.rename("aisle", aisleKey(aisleId), name));
    }

    /** A new rack's id in {@code aisleId}: the next after its last numbered one. */
    public String nextRackId(String aisleId) {
        List<String> taken = new ArrayList<>();
        room.aisles().stream()
                .filter(a -> a.id().equals(aisleId))
                .forEach(a -> a.racks().forEach(r -> taken.add(r.id())));
        return EstateEditor.nextId(taken, aisleId, "r01");
    }

    /** A new aisle's id: the next after the room's last numbered one. */
    public String nextAisleId() {
        return EstateEditor.nextId(room.aisles().stream().map(a -> a.id()).toList(), "aisle", "01");
    }

    public Room room() {
        return room;
    }

    public ReadOnlyObjectProperty<RackStatus> rack(String rackId) {
        return racks.get(rackId).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> aisleSummary(String aisleId) {
        return aisleSummaries.get(aisleId).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<Severity, Integer>> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> roomStateProperty() {
        return roomState.getReadOnlyProperty();
    }

    /** The metric racks are coloured by; null colours them by health. */
    public ObjectProperty<MetricDefinition> colourByProperty() {
        return colourBy;
    }

    /**
     * Metrics a rack of this room can be coloured by: rack-level definitions with thresholds,
     * node-level ones (a rack shows its nodes' highest), and the power headroom when a rack has a
     * budget ({@link #HEADROOM}).
     */
    public List<MetricDefinition> colourableMetrics() {
        Map<String, MetricDefinition> out = new TreeMap<>();
        room.racks()
                .forEach(
                        r -> {
                            config.metricsFor(r).stream()
                                    .filter(RoomFloorViewModel::banded)
                                    .forEach(m -> out.put(m.id(), m));
                            if (r.budgeted()) {
                                out.put(HEADROOM.id(), HEADROOM);
                            }
                            r.devices()
                                    .forEach(
                                            d ->
                                                    config.metricsFor(d).stream()
                                                            .filter(RoomFloorViewModel::banded)
                                                            .forEach(
                                                                    m ->
                                                                            out.putIfAbsent(
                                                                                    m.id(), m)));
                        });
        return new ArrayList<>(out.values());
    }

    private static boolean banded(MetricDefinition m) {
        return m.display().warn() != null || m.display().crit() != null;
    }

    /**
     * Whether the floor draws the colouring metric as a field over the room (a heat map: the racks'
     * values spread between them, the thresholds as contour lines, the hot spots named).
     */
    public javafx.beans.property.BooleanProperty heatMapProperty() {
        return heatMap;
    }

    /** Whether the colouring can be drawn as a heat map (a measured metric, not the headroom). */
    public javafx.beans.binding.BooleanBinding heatPossible() {
        return heatPossible;
    }

    /** The racks where the capacity table's "where does it fit?" found room (by key). */
    public javafx.beans.property.ReadOnlyObjectProperty<Set<String>> fitsProperty() {
        return options.fitsProperty();
    }

    /**
     * A rack's vertical profile of a node-level colouring metric: the highest value of its nodes in
     * the bottom, middle and top third of its U (by each device's middle U; NaN where none).
     */
    private double[] profile(Rack r, Map<String, Double> values) {
        double[] out = {Double.NaN, Double.NaN, Double.NaN};
        for (io.rackscope.desktop.topology.Device d : r.devices()) {
            int h =
                    config.templates()
                            .device(d.templateId())
                            .map(io.rackscope.desktop.topology.DeviceTemplate::uHeight)
                            .orElse(1);
            double middle = d.uPosition() + (Math.max(1, h) - 1) / 2.0;
            int third = (int) Math.max(0, Math.min(2, 3 * (middle - 1) / Math.max(1, r.uHeight())));
            for (InstanceSlot slot : d.instances()) {
                Double v = values.get(slot.instanceId());
                if (v != null && !(v <= out[third])) {
                    out[third] = v;
                }
            }
        }
        return out;
    }

    /**
     * A rack's vertical profile (bottom, middle, top thirds) of a node-level colouring metric at
     * the moment shown; null for a rack-level metric or none.
     */
    public double[] metricProfile(String rackKey) {
        return metricProfiles.get(rackKey);
    }

    /** Each rack's value of the colouring metric at the moment shown (by rack key), unchanging. */
    public Map<String, Double> metricValues() {
        return metricValues;
    }

    /**
     * Colours the floor by the metric {@code id} drawn as a heat map (a kiosk playlist's {@code
     * room:SITE/ROOM:heat:METRIC}, {@code render}); false when no metric of the room has that id.
     */
    public boolean showHeat(String id) {
        for (MetricDefinition m : colourableMetrics()) {
            if (m.id().equals(id) && m != HEADROOM) {
                colourBy.set(m);
                heatMap.set(true);
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code r} blinks on the quiet wall: it became CRIT within {@code
     * kiosk.recent_change_minutes} and nobody has acknowledged it (what was already CRIT when the
     * view opened is not new).
     */
    public boolean flashing(Rack r) {
        RackStatus st = racks.get(r.key()).get();
        java.time.Instant since = critSince.get(r.key());
        return since != null
                && options.coloursProperty()
                        .get()
                        .blinks(
                                st.severity() == Severity.CRIT,
                                st.stale(),
                                st.handled(),
                                Duration.between(since, clock.instant()).toMillis(),
                                config.app().kiosk().recentChangeMinutes() * 60_000L);
    }

    /** Whether any rack of the floor blinks now. */
    public boolean anyFlashing() {
        return rackList.stream().anyMatch(this::flashing);
    }

    /**
     * Grows by one after each snapshot that changed any rack, so a view can redraw once per change.
     */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    void apply(HealthSnapshot s) {
        boolean changed = false;
        EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity sev : Severity.values()) {
            counts.put(sev, 0);
        }
        Map<String, int[]> perAisle = new LinkedHashMap<>();
        Set<String> job = options.selectedJobNodes(s);
        for (Rack r : rackList) {
            RackStatus next = status(s, r, job);
            ReadOnlyObjectWrapper<RackStatus> p = racks.get(r.key());
            if (next.severity() != Severity.CRIT) {
                critSince.remove(r.key());
            } else if (p.get() != null
                    && p.get() != RackStatus.UNKNOWN
                    && p.get().severity() != Severity.CRIT) {
                critSince.put(r.key(), clock.instant());
            }
            if (!next.equals(p.get())) {
                p.set(next);
                changed = true;
            }
            counts.merge(s.rack(r.key()), 1, Integer::sum);
            if (r.aisleId() != null) {
                int[] a = perAisle.computeIfAbsent(r.aisleId(), k -> new int[3]);
                a[0] += next.crit();
                a[1] += next.warn();
                a[2] += s.rack(r.key()) == Severity.UNKNOWN ? 1 : 0;
            }
        }
        perAisle.forEach(
                (aisle, a) -> {
                    ReadOnlyObjectWrapper<String> p = aisleSummaries.get(aisle);
                    String text =
                            a[0] + a[1] + a[2] == 0 ? "all clear" : aisleSummary(a[0], a[1], a[2]);
                    if (p != null && !text.equals(p.get())) {
                        p.set(text.trim());
                    }
                });
        if (!counts.equals(summary.get())) {
            summary.set(Map.copyOf(counts));
        }
        roomState.set(s.rooms().getOrDefault(room.key(), Severity.UNKNOWN));
        if (changed) {
            revision.set(revision.get() + 1);
        }
    }

    private RackStatus status(HealthSnapshot s, Rack r, Set<String> job) {
        List<String> nodes = instancesOfRack.get(r.key());
        boolean inJob = !job.isEmpty() && nodes.stream().anyMatch(job::contains);
        CheckPreview preview = options.previewProperty().get();
        if (preview != null) {
            return previewStatus(preview, r, nodes, inJob);
        }
        MetricDefinition m = colourBy.get();
        if (m != null) {
            Double v = metricValues.get(r.key());
            Severity band = band(m, v);
            return new RackStatus(
                    band, Tone.of(band), 0, 0, false, v == null ? "" : Formats.value(v), inJob);
        }
        if (options.colourBySlurmProperty().get()) {
            return slurmStatus(s, r, nodes, inJob);
        }
        HealthSnapshot.NodeTally tally = s.rackNodes(r.key());
        if (tally == null) { // a snapshot the assembler did not make
            tally = HealthSnapshot.NodeTally.of(r.id(), nodes, s::node, s::isStale);
        }
        int crit = tally.crit();
        int warn = tally.warn();
        boolean stale = tally.stale();
        String label = crit > 0 ? Integer.toString(crit) : warn > 0 ? Integer.toString(warn) : "";
        Severity sev = s.rack(r.key());
        List<Alert> alerts = s.alertsOfRack(r.key());
        Forecast f = s.soonestInRack(r.key()).orElse(null);
        return new RackStatus(
                sev,
                Tone.of(sev),
                crit,
                warn,
                stale,
                label,
                inJob,
                io.rackscope.desktop.ui.HandledLook.of(alerts, s.handling()),
                f == null ? "" : ForecastText.chip(f.etaSeconds()),
                f == null ? Severity.OK : f.severity());
    }

    /** The worst tried state among the rack's targets, labelled with how many are not OK. */
    private static RackStatus previewStatus(
            CheckPreview p, Rack r, List<String> nodes, boolean inJob) {
        List<String> targets =
                switch (p.scope()) {
                    case NODE -> nodes;
                    case CHASSIS -> r.devices().stream().map(d -> d.id()).toList();
                    case RACK -> List.of(r.id());
                };
        Severity worst = null;
        int crit = 0;
        int warn = 0;
        for (String t : targets) {
            Severity s = p.states().get(t);
            if (s == null) {
                continue;
            }
            worst = worst == null ? s : Severity.worst(worst, s);
            crit += s == Severity.CRIT ? 1 : 0;
            warn += s == Severity.WARN ? 1 : 0;
        }
        if (worst == null) {
            return new RackStatus(Severity.UNKNOWN, Tone.UNKNOWN, 0, 0, false, "–", inJob);
        }
        String label = crit > 0 ? Integer.toString(crit) : warn > 0 ? Integer.toString(warn) : "";
        return new RackStatus(worst, Tone.of(worst), crit, warn, false, label, inJob);
    }

    /**
     * The check painted over the floor instead of health, or null. A property of this view model
     * (not the shared option), so that a view listening to it goes with it.
     */
    public ReadOnlyObjectProperty<CheckPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Back to health: the preview is dropped. */
    public void clearPreview() {
        options.previewProperty().set(null);
    }

    /**
     * The worst Slurm state among the rack's Slurm nodes, labelled with how many are down (else
     * drained).
     */
    private RackStatus slurmStatus(HealthSnapshot s, Rack r, List<String> nodes, boolean inJob) {
        Tone worst = null;
        int crit = 0;
        int warn = 0;
        for (String id : nodes) {
            if (s.slurm().nodes().containsKey(id)) {
                Tone t = Tone.of(s.slurm().state(id));
                worst = worst == null ? t : Tone.worst(worst, t);
                crit += t == Tone.CRIT ? 1 : 0;
                warn += t == Tone.WARN ? 1 : 0;
            }
        }
        String label = crit > 0 ? Integer.toString(crit) : warn > 0 ? Integer.toString(warn) : "";
        return new RackStatus(
                s.rack(r.key()),
                worst == null ? Tone.UNKNOWN : worst,
                crit,
                warn,
                false,
                label,
                inJob);
    }

    private static Severity band(MetricDefinition m, Double v) {
        if (v == null || v.isNaN()) {
            return Severity.UNKNOWN;
        }
        if (m == HEADROOM) {
            // lower is worse: over budget is CRIT, under a tenth left WARN
            return v < m.display().crit()
                    ? Severity.CRIT
                    : v < m.display().warn() ? Severity.WARN : Severity.OK;
        }
        Double crit = m.display().crit();
        Double warn = m.display().warn();
        return crit != null && v >= crit
                ? Severity.CRIT
                : warn != null && v >= warn ? Severity.WARN : Severity.OK;
    }

    /**
     * Asks every rack's value of {@code m} at the moment shown, in batches (a node-level metric:
     * every node's, a rack taking its nodes' highest); the values shown stay until the answer
     * replaces them.
     */
    private void loadMetric(MetricDefinition m) {
        if (m == null) {
            metricValues = Map.of();
            metricMoment = null;
            apply(health.current());
            return;
        }
        java.time.Instant at = clock.instant();
        metricMoment = at;
        if (m == HEADROOM) {
            loadHeadroom(at);
            return;
        }
        boolean rackLevel =
                rackList.stream().anyMatch(r -> config.metricsFor(r).contains(m))
                        || io.rackscope.desktop.promql.QueryTemplate.of(m.expr())
                                .placeholders()
                                .contains(io.rackscope.desktop.promql.Placeholder.RACK);
        List<String> entities = new ArrayList<>();
        if (rackLevel) {
            rackList.forEach(r -> entities.add(r.id()));
        } else {
            rackList.forEach(r -> entities.addAll(instancesOfRack.get(r.key())));
        }
        charts.valuesAt(m, entities, at)
                .thenAccept(
                        values -> {
                            Map<String, Double> byRack = new java.util.HashMap<>();
                            Map<String, double[]> profiles = new java.util.HashMap<>();
                            for (Rack r : rackList) {
                                List<String> of =
                                        rackLevel ? List.of(r.id()) : instancesOfRack.get(r.key());
                                of.stream()
                                        .map(values::get)
                                        .filter(java.util.Objects::nonNull)
                                        .max(Double::compare)
                                        .ifPresent(v -> byRack.put(r.key(), v));
                                if (!rackLevel) {
                                    profiles.put(r.key(), profile(r, values));
                                }
                            }
                            shown(m, at, byRack, profiles);
                        });
    }

    /** Shows {@code byRack} as {@code m}'s values, unless another metric or moment came since. */
    private void shown(
            MetricDefinition m,
            java.time.Instant at,
            Map<String, Double> byRack,
            Map<String, double[]> profiles) {
        Platform.runLater(
                () -> {
                    if (m.equals(colourBy.get()) && at.equals(metricMoment)) {
                        metricValues = FrozenMap.of(byRack);
                        metricProfiles = FrozenMap.of(profiles);
                        apply(health.current());
                        revision.set(revision.get() + 1);
                    }
                });
    }

    /**
     * The "power headroom" colouring: what each budgeted rack has left of its {@code
     * power_budget_w}, in per cent, after its peak over 24 h (or its power now, or its nameplates);
     * a rack without a budget has no value.
     */
    static final MetricDefinition HEADROOM =
            new MetricDefinition(
                    "rackscope:headroom",
                    "Power headroom",
                    "what a rack has left of its power budget after its 24 h peak",
                    "",
                    Map.of(),
                    new io.rackscope.desktop.metrics.MetricDisplay(
                            "%",
                            "bar",
                            "",
                            List.of("24h"),
                            "24h",
                            "min",
                            10.0,
                            0.0,
                            io.rackscope.desktop.metrics.MetricDisplay.Format.DEFAULT),
                    "capacity",
                    List.of(),
                    null,
                    0);

    private void loadHeadroom(java.time.Instant at) {
        Capacity capacity = new Capacity(config);
        MetricDefinition power = capacity.powerMetric(rackList).orElse(null);
        List<Rack> budgeted = rackList.stream().filter(Rack::budgeted).toList();
        List<String> ids = budgeted.stream().map(Rack::id).toList();
        if (power == null) {
            shown(HEADROOM, at, headroom(capacity, budgeted, Map.of(), Map.of(), 1), Map.of());
            return;
        }
        double scale = Capacity.wattsPerUnit(power);
        charts.valuesAt(power, ids, at)
                .thenCombine(
                        charts.peaksAt(power, ids, at, Duration.ofHours(24)),
                        (now, peak) -> headroom(capacity, budgeted, now, peak, scale))
                .thenAccept(byRack -> shown(HEADROOM, at, byRack, Map.of()));
    }

    private static Map<String, Double> headroom(
            Capacity capacity,
            List<Rack> budgeted,
            Map<String, Double> now,
            Map<String, Double> peak,
            double scale) {
        Map<String, Double> out = new java.util.HashMap<>();
        for (Rack r : budgeted) {
            double left =
                    capacity.of(
                                    r,
                                    now.getOrDefault(r.id(), Double.NaN) * scale,
                                    peak.getOrDefault(r.id(), Double.NaN) * scale)
                            .headroomWatts();
            if (!Double.isNaN(left)) {
                out.put(r.key(), 100 * left / r.powerBudgetWatts());
            }
        }
        return out;
    }

    /** The hover text of a rack: state, node counts, and the failing checks with values. */
    public String tooltip(Rack r) {
        RackStatus st = racks.get(r.key()).get();
        String key =
                "room-rack:"
                        + r.key()
                        + ":"
                        + (colourBy.get() == null ? "" : colourBy.get().id())
                        + ":"
                        + st;
        return health.view(key, s -> tooltip(s, r, st));
    }

    private String tooltip(HealthSnapshot s, Rack r, RackStatus st) {
        StringBuilder b = new StringBuilder(r.name()).append("  —  ").append(s.rack(r.key()));
        if (st.stale()) {
            b.append("  (stale)");
        }
        b.append('\n')
                .append(Formats.count(r.devices().size(), "device"))
                .append(", ")
                .append(Formats.count(instancesOfRack.get(r.key()).size(), "node"));
        if (colourBy.get() != null) {
            b.append('\n')
                    .append(colourBy.get().name())
                    .append(": ")
                    .append(
                            st.label().isEmpty()
                                    ? "no data"
                                    : st.label() + " " + colourBy.get().display().unit());
        }
        List<Alert> alerts = s.alertsOfRack(r.key());
        if (!alerts.isEmpty()) {
            b.append("\n\nFailing checks:");
            Map<String, List<Alert>> byCheck = new TreeMap<>();
            alerts.forEach(a -> byCheck.computeIfAbsent(a.check(), k -> new ArrayList<>()).add(a));
            byCheck.forEach(
                    (check, list) -> {
                        Alert worst =
                                list.stream()
                                        .max((x, y) -> x.severity().compareTo(y.severity()))
                                        .orElseThrow();
                        b.append("\n  ")
                                .append(worst.severity())
                                .append("  ")
                                .append(config.check(check).map(c -> c.name()).orElse(check));
                        b.append(
                                list.size() > 1
                                        ? "  ×" + list.size()
                                        : "  " + Formats.value(worst.value()));
                    });
        }
        return b.toString();
    }

    private void reapply() {
        apply(health.current());
    }

    /** The rack whose quick look is shown (a single click on the floor), null for none. */
    public ReadOnlyObjectProperty<Rack> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(Rack r) {
        selected.set(r);
    }

    /** The selected rack at a glance, as of the snapshot shown. */
    /** How a handled rack reads in the quick look. */
    public String handledText(io.rackscope.desktop.health.Handled h) {
        return io.rackscope.desktop.ui.HandledText.of(h, clock.getZone(), null);
    }

    public QuickLook quickLook(Rack r) {
        return QuickLook.of(
                config,
                health.current(),
                r,
                instancesOfRack.getOrDefault(r.key(), List.of()).size());
    }

    /**
     * The rack's metrics now ("PDU load 62 %"), one line per rack metric definition that has a
     * sample; fetched off the FX thread.
     */
    public CompletableFuture<List<String>> metricsNow(Rack r) {
        List<CompletableFuture<String>> asked = new ArrayList<>();
        for (MetricDefinition m : colourableMetrics()) {
            asked.add(
                    charts.range(m, r.id(), Duration.ofMinutes(15), 15, clock.instant())
                            .handle(
                                    (d, e) ->
                                            e != null || d == null || Double.isNaN(d.latest())
                                                    ? null
                                                    : m.name()
                                                            + "  "
                                                            + Formats.metric(
                                                                    m.display(), d.latest())));
        }
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .thenApply(
                        v ->
                                asked.stream()
                                        .map(CompletableFuture::join)
                                        .filter(x -> x != null)
                                        .toList());
    }

    public void open(Rack r) {
        navigator.go(Place.of(Place.Kind.RACK, r.key()));
    }

    public boolean slurmEnabled() {
        return config.slurm().enabled();
    }

    /** Whether the views colour nodes by Slurm state (the floor's Slurm toggle binds to it). */
    public BooleanProperty colourBySlurmProperty() {
        return options.colourBySlurmProperty();
    }

    public boolean jobSelected() {
        return options.selectedJobProperty().get() != null;
    }

    /** The theme's colours; changes with the theme. */
    public Palette palette() {
        return options.palette();
    }

    public ObservableValue<Theme> themeProperty() {
        return options.appearance();
    }

    public void dispose() {
        subscriptions.dispose();
    }

    /** "75 CRIT nodes · 1 rack UNKNOWN": each count with its own noun. */
    static String aisleSummary(int critNodes, int warnNodes, int unknownRacks) {
        List<String> parts = new ArrayList<>();
        if (critNodes > 0) {
            parts.add(critNodes + " CRIT " + (critNodes == 1 ? "node" : "nodes"));
        }
        if (warnNodes > 0) {
            parts.add(warnNodes + " WARN " + (warnNodes == 1 ? "node" : "nodes"));
        }
        if (unknownRacks > 0) {
            parts.add(Formats.count(unknownRacks, "rack") + " UNKNOWN");
        }
        return String.join(" · ", parts);
    }
}
