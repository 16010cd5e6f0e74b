package io.rackscope.desktop.ui.wallboard;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.ConnectionStatus;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.live.AlertHandling;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.EntityLinks;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HandledLook;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.PlaceHandling;
import io.rackscope.desktop.ui.ShownClock;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.Tone;
import io.rackscope.desktop.ui.ViewOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Every node of a scope in wallboard order with its state, when it last changed, and the figures
 * beside the grid. A snapshot is applied as a difference: listeners hear only the indexes of cells
 * that changed.
 */
public final class WallboardViewModel {
    /** What the tiles show. */
    public record Summary(
            Map<Severity, Integer> counts,
            double healthyPercent,
            List<TopIncident> topIncidents,
            int stale) {}

    /**
     * A row of the top-incidents tile: its severity, its place by name, how many it counts (the
     * same count as the alert panel's), whether someone handles it.
     */
    public record TopIncident(
            String key, Severity severity, String title, int count, boolean handled) {}

    private final RackscopeConfig config;
    private final Locator locator;
    private final HealthSource health;
    private final Navigator navigator;
    private final ViewOptions options;
    private final Clock clock;
    private final List<Room> rooms;
    private final String[] ids;
    private final Device[] devices;
    private final byte[] state;
    private final byte[] tone;
    private final boolean[] inJob;
    private final boolean[] stale;
    private final HandledLook[] handled;
    private final long[] changedAt;
    private final ReadOnlyObjectWrapper<Summary> summary =
            new ReadOnlyObjectWrapper<>(this, "summary");
    private final Subscriptions subscriptions = new Subscriptions();
    private IntConsumer onCellChanged = i -> {};
    private Runnable onApplied = () -> {};
    private boolean first = true;

    private final PlaceHandling handling;

    /** Acknowledging and maintenance from a right-click. */
    public PlaceHandling handling() {
        return handling;
    }

    public WallboardViewModel(
            RackscopeConfig config,
            Locator locator,
            List<Room> rooms,
            HealthSource health,
            Navigator navigator,
            ViewOptions options,
            Clock clock) {
        this(config, locator, rooms, health, navigator, options, clock, AlertHandling.NONE);
    }

    /** {@code handling}: acknowledging and maintenance from a tile's right-click. */
    public WallboardViewModel(
            RackscopeConfig config,
            Locator locator,
            List<Room> rooms,
            HealthSource health,
            Navigator navigator,
            ViewOptions options,
            Clock clock,
            AlertHandling handling) {
        this.config = config;
        this.locator = locator;
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
        this.rooms = List.copyOf(rooms);
        List<String> order = new ArrayList<>();
        List<Device> owners = new ArrayList<>();
        for (Room room : rooms) {
            for (Rack rack : room.racks().toList()) {
                for (Device d : rack.devices()) {
                    if (d.instances().isEmpty()) {
                        order.add(d.key());
                        owners.add(d);
                    }
                    for (InstanceSlot slot : d.instances()) {
                        order.add(slot.instanceId());
                        owners.add(d);
                    }
                }
            }
        }
        ids = order.toArray(String[]::new);
        devices = owners.toArray(Device[]::new);
        state = new byte[ids.length];
        tone = new byte[ids.length];
        Arrays.fill(tone, (byte) Tone.UNKNOWN.ordinal());
        inJob = new boolean[ids.length];
        Arrays.fill(state, (byte) Severity.UNKNOWN.ordinal());
        stale = new boolean[ids.length];
        handled = new HandledLook[ids.length];
        Arrays.fill(handled, HandledLook.NONE);
        changedAt = new long[ids.length];
        subscriptions.onChange(health.snapshotProperty(), (o, a, s) -> apply(s));
        subscriptions.onInvalidate(options.colourBySlurmProperty(), o -> reapply());
        subscriptions.onInvalidate(options.selectedJobProperty(), o -> reapply());
        apply(health.current());
    }

    private void reapply() {
        apply(health.current());
    }

    public List<Room> rooms() {
        return rooms;
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public Severity state(int i) {
        return Severity.values()[state[i]];
    }

    /** The colour of cell {@code i}: its health, or its Slurm state when colouring by Slurm. */
    public Tone tone(int i) {
        return Tone.values()[tone[i]];
    }

    /** Whether cell {@code i} runs the selected Slurm job. */
    public boolean inJob(int i) {
        return inJob[i];
    }

    public boolean stale(int i) {
        return stale[i];
    }

    /**
     * Whether cell {@code i} flashes on the quiet wall: a CRIT that changed within {@code
     * recentMillis} and nobody has acknowledged (or put under maintenance).
     */
    public boolean flashing(int i, long recentMillis) {
        return changedAt(i) > 0
                && options.coloursProperty()
                        .get()
                        .blinks(
                                tone(i) == Tone.CRIT,
                                stale(i),
                                handled(i),
                                nowMillis() - changedAt(i),
                                recentMillis);
    }

    /** Whether every alert of cell {@code i} is acknowledged or under maintenance. */
    public boolean handled(int i) {
        return handled[i] != HandledLook.NONE;
    }

    /** How cell {@code i} is handled (its pattern over its true colour). */
    public HandledLook look(int i) {
        return handled[i];
    }

    /**
     * Epoch millis of the last change of cell {@code i}'s state after the first snapshot; 0 if
     * none.
     */
    public long changedAt(int i) {
        return changedAt[i];
    }

    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    void setListeners(IntConsumer cellChanged, Runnable applied) {
        this.onCellChanged = cellChanged;
        this.onApplied = applied;
    }

    void apply(HealthSnapshot s) {
        if (s.version() == 0) {
            return;
        }
        long now = s.takenAt().toEpochMilli();
        boolean bySlurm = options.colourBySlurmProperty().get();
        Set<String> job = options.selectedJobNodes(s);
        int[] counts = new int[Severity.values().length];
        int staleCount = 0;
        Map<String, HandledLook> handledNow = handledEntities(s);
        for (int i = 0; i < ids.length; i++) {
            Severity sev =
                    devices[i].instances().isEmpty()
                            ? s.devices().getOrDefault(ids[i], Severity.UNKNOWN)
                            : s.node(ids[i]);
            boolean st = !s.staleSince().isEmpty() && s.isStale(ids[i]);
            counts[sev.ordinal()]++;
            staleCount += st ? 1 : 0;
            Tone t =
                    bySlurm && s.slurm().nodes().containsKey(ids[i])
                            ? Tone.of(s.slurm().state(ids[i]))
                            : Tone.of(sev);
            boolean member = !job.isEmpty() && job.contains(ids[i]);
            HandledLook h =
                    sev == Severity.OK
                            ? HandledLook.NONE
                            : handledNow.getOrDefault(ids[i], HandledLook.NONE);
            if (sev.ordinal() != state[i]
                    || st != stale[i]
                    || t.ordinal() != tone[i]
                    || member != inJob[i]
                    || h != handled[i]) {
                if (!first && sev.ordinal() != state[i]) {
                    changedAt[i] = now;
                }
                state[i] = (byte) sev.ordinal();
                tone[i] = (byte) t.ordinal();
                stale[i] = st;
                inJob[i] = member;
                handled[i] = h;
                onCellChanged.accept(i);
            }
        }
        first = false;
        Map<Severity, Integer> byState = new LinkedHashMap<>();
        for (Severity sev : List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN, Severity.OK)) {
            byState.put(sev, counts[sev.ordinal()]);
        }
        summary.set(
                new Summary(
                        byState,
                        ids.length == 0 ? 100 : 100.0 * counts[Severity.OK.ordinal()] / ids.length,
                        topIncidents(s),
                        staleCount));
        onApplied.run();
    }

    /** The entities whose every alert is acknowledged or under maintenance, and how. */
    private static Map<String, HandledLook> handledEntities(HealthSnapshot s) {
        if (s.handling().alerts().isEmpty()) {
            return Map.of();
        }
        Map<String, List<Alert>> byEntity = new HashMap<>();
        for (Alert a : s.alerts()) {
            byEntity.computeIfAbsent(a.entity(), k -> new ArrayList<>()).add(a);
        }
        Map<String, HandledLook> out = new HashMap<>();
        byEntity.forEach(
                (e, alerts) -> {
                    HandledLook look = HandledLook.of(alerts, s.handling());
                    if (look != HandledLook.NONE) {
                        out.put(e, look);
                    }
                });
        return out;
    }

    /**
     * Five incidents, each once, the new and unhandled ones chosen before the handled (the snapshot
     * lists them worst, then largest, first; the tile then orders its five by size); handled ones
     * are tagged, hidden ones left out.
     */
    private List<TopIncident> topIncidents(HealthSnapshot s) {
        return s.incidents().stream()
                .filter(i -> s.handling().incident(i) == null || !s.handling().incident(i).hidden())
                .sorted(Comparator.comparing((Incident i) -> s.handling().incident(i) != null))
                .limit(5)
                .map(
                        i ->
                                new TopIncident(
                                        i.key(),
                                        i.severity(),
                                        title(i),
                                        i.count(),
                                        s.handling().incident(i) != null))
                .sorted(
                        Comparator.comparing(TopIncident::handled)
                                .thenComparing(TopIncident::severity, Comparator.reverseOrder())
                                .thenComparing(TopIncident::count, Comparator.reverseOrder()))
                .toList();
    }

    private String title(Incident i) {
        if (i.level() == Incident.Level.NODE) {
            String check = i.checks().keySet().iterator().next();
            return i.place() + " " + config.checkName(check);
        }
        return i.title();
    }

    /** The hover text of a cell. */
    public String tooltip(int i) {
        HealthSnapshot s = health.current();
        StringBuilder b = new StringBuilder(ids[i]).append("  —  ").append(state(i));
        if (stale[i]) {
            b.append(" (stale)");
        }
        b.append('\n')
                .append(
                        locator.topology()
                                .instance(ids[i])
                                .map(p -> p.describe())
                                .orElse(devices[i].key()));
        if (changedAt[i] > 0) {
            b.append("\nchanged ")
                    .append(Formats.ago(Instant.ofEpochMilli(changedAt[i]), clock.instant()));
        }
        Map<String, String> failing = new TreeMap<>();
        for (Alert a : s.alertsOfDevice(devices[i].key())) {
            if (a.entity().equals(ids[i]) || a.entity().equals(devices[i].key())) {
                failing.put(
                        config.checkName(a.check()),
                        a.severity()
                                + (Double.isNaN(a.value())
                                        ? ""
                                        : " = " + Formats.value(a.value())));
            }
        }
        failing.forEach((k, v) -> b.append("\n  ").append(k).append(": ").append(v));
        return b.toString();
    }

    /** Opens the node (or device) of cell {@code i}. */
    public void open(int i) {
        locator.placeOf(ids[i]).ifPresent(navigator::go);
    }

    public Palette palette() {
        return options.palette();
    }

    public ObservableValue<Theme> themeProperty() {
        return options.appearance();
    }

    /** Changes with every snapshot (the status tiles follow it). */
    public ReadOnlyObjectProperty<HealthSnapshot> snapshotProperty() {
        return health.snapshotProperty();
    }

    public long nowMillis() {
        return clock.millis();
    }

    public double textScale() {
        return config.app().kiosk().scale();
    }

    /** The smallest cell the wall may draw ({@code kiosk.min_cell_px}; 0: any). */
    public int minCellPx() {
        return config.app().kiosk().minCellPx();
    }

    /** How long a page of the wall stays when it has several. */
    public int pageSeconds() {
        return config.app().kiosk().pageSeconds();
    }

    /** How long a changed cell stays marked, in milliseconds. */
    public long recentMillis() {
        return config.app().kiosk().recentChangeMinutes() * 60_000L;
    }

    /** What the Prometheus tile says. */
    public String prometheusText() {
        HealthSnapshot s = health.current();
        Liveness live = health.liveness();
        if (live.stopped()) {
            return "updates stopped " + live.age().toSeconds() + " s ago";
        }
        if (s.version() == 0) {
            return "waiting for the first cycle";
        }
        ConnectionStatus c = ConnectionStatus.of(s);
        return c.shortText();
    }

    /** What the data-age tile says. */
    public String ageText() {
        HealthSnapshot s = health.current();
        if (s.version() == 0) {
            return "no data yet";
        }
        if (health.viewing() != null) {
            return "as of " + Formats.moment(health.viewing(), clock.getZone());
        }
        return Formats.age(Duration.between(s.takenAt(), clock.instant()))
                + (s.staleEntities().isEmpty() ? "" : " · " + s.staleEntities().size() + " stale");
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
