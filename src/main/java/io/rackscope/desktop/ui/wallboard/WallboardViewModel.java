package io.rackscope.desktop.ui.wallboard;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.telemetry.Alert;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.AppContext;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Tone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

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
            Map<String, Integer> topChecks,
            int stale) {}

    private final AppContext ctx;
    private final List<Room> rooms;
    private final String[] ids;
    private final Device[] devices;
    private final byte[] state;
    private final byte[] tone;
    private final boolean[] inJob;
    private final boolean[] stale;
    private final long[] changedAt;
    private final ReadOnlyObjectWrapper<Summary> summary =
            new ReadOnlyObjectWrapper<>(this, "summary");
    private final Subscriptions subscriptions = new Subscriptions();
    private IntConsumer onCellChanged = i -> {};
    private Runnable onApplied = () -> {};
    private boolean first = true;

    public WallboardViewModel(AppContext ctx, List<Room> rooms) {
        this.ctx = ctx;
        this.rooms = List.copyOf(rooms);
        List<String> order = new ArrayList<>();
        List<Device> owners = new ArrayList<>();
        rooms.forEach(
                room ->
                        room.racks()
                                .forEach(
                                        rack ->
                                                rack.devices()
                                                        .forEach(
                                                                d -> {
                                                                    if (d.instances().isEmpty()) {
                                                                        order.add(d.id());
                                                                        owners.add(d);
                                                                    } else {
                                                                        d.instances()
                                                                                .forEach(
                                                                                        s -> {
                                                                                            order
                                                                                                    .add(
                                                                                                            s
                                                                                                                    .instanceId());
                                                                                            owners
                                                                                                    .add(
                                                                                                            d);
                                                                                        });
                                                                    }
                                                                })));
        ids = order.toArray(String[]::new);
        devices = owners.toArray(Device[]::new);
        state = new byte[ids.length];
        tone = new byte[ids.length];
        Arrays.fill(tone, (byte) Tone.UNKNOWN.ordinal());
        inJob = new boolean[ids.length];
        Arrays.fill(state, (byte) Severity.UNKNOWN.ordinal());
        stale = new boolean[ids.length];
        changedAt = new long[ids.length];
        subscriptions.onChange(ctx.feed().snapshotProperty(), (o, a, s) -> apply(s));
        subscriptions.onInvalidate(ctx.colourBySlurmProperty(), o -> reapply());
        subscriptions.onInvalidate(ctx.selectedJobProperty(), o -> reapply());
        apply(ctx.feed().current());
    }

    private void reapply() {
        apply(ctx.feed().current());
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
        boolean bySlurm = ctx.colourBySlurmProperty().get();
        Set<String> job = ctx.selectedJobNodes();
        int[] counts = new int[Severity.values().length];
        int staleCount = 0;
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
            if (sev.ordinal() != state[i]
                    || st != stale[i]
                    || t.ordinal() != tone[i]
                    || member != inJob[i]) {
                if (!first && sev.ordinal() != state[i]) {
                    changedAt[i] = now;
                }
                state[i] = (byte) sev.ordinal();
                tone[i] = (byte) t.ordinal();
                stale[i] = st;
                inJob[i] = member;
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
                        topChecks(s),
                        staleCount));
        onApplied.run();
    }

    private Map<String, Integer> topChecks(HealthSnapshot s) {
        Map<String, Integer> count = new HashMap<>();
        for (Alert a : s.alerts()) {
            count.merge(
                    ctx.config().check(a.check()).map(c -> c.name()).orElse(a.check()),
                    1,
                    Integer::sum);
        }
        Map<String, Integer> top = new LinkedHashMap<>();
        count.entrySet().stream()
                .sorted((x, y) -> y.getValue() - x.getValue())
                .limit(5)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** The hover text of a cell. */
    public String tooltip(int i) {
        HealthSnapshot s = ctx.feed().current();
        StringBuilder b = new StringBuilder(ids[i]).append("  —  ").append(state(i));
        if (stale[i]) {
            b.append(" (stale)");
        }
        b.append('\n')
                .append(
                        ctx.locator()
                                .topology()
                                .instance(ids[i])
                                .map(p -> p.describe())
                                .orElse(devices[i].rackId() + " / " + devices[i].id()));
        if (changedAt[i] > 0) {
            b.append("\nchanged ")
                    .append(Formats.ago(Instant.ofEpochMilli(changedAt[i]), ctx.clock().instant()));
        }
        Map<String, String> failing = new TreeMap<>();
        for (Alert a : ctx.alertIndex().device(devices[i])) {
            if (a.entity().equals(ids[i]) || a.entity().equals(devices[i].id())) {
                failing.put(
                        ctx.config().check(a.check()).map(c -> c.name()).orElse(a.check()),
                        a.severity()
                                + (Double.isNaN(a.value())
                                        ? ""
                                        : " = " + Formats.value(a.value())));
            }
        }
        failing.forEach((k, v) -> b.append("\n  ").append(k).append(": ").append(v));
        return b.toString();
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
