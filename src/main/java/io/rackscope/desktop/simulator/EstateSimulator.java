package io.rackscope.desktop.simulator;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Values for every series a configuration reads, as a function of time: a daily load cycle with
 * noise, power and temperature following load, counters that only grow, and the scenario's events
 * on top. Deterministic: the same seed, start and time give the same text.
 */
public final class EstateSimulator {
    static final int EXPANDED_SUB_NODES = 4;
    private static final long COUNTER_BASE = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private final List<SeriesFamily> families;
    private final List<String[]> labelPrefixes = new ArrayList<>();
    private final List<Affected> events = new ArrayList<>();
    private final long seed;
    private final long start;
    private final SlurmSeries slurm;
    private final Scenario scenario;

    /** What it plays. */
    public Scenario scenario() {
        return scenario;
    }

    public EstateSimulator(RackscopeConfig cfg, Scenario scenario, long seed, Instant start) {
        this.scenario = scenario;
        this.families = SeriesCatalog.of(cfg);
        this.seed = seed;
        this.start = start.getEpochSecond();
        this.slurm = new SlurmSeries(cfg, seed);
        for (SeriesFamily f : families) {
            labelPrefixes.add(
                    f.entities().stream().map(e -> labels(cfg, f, e)).toArray(String[]::new));
        }
        for (Scenario.Event e : scenario.events()) {
            events.add(Affected.resolve(cfg.topology(), e));
        }
    }

    public int seriesCount() {
        return families.stream()
                .mapToInt(
                        f ->
                                f.entities().size()
                                        * (f.expandLabel() == null ? 1 : EXPANDED_SUB_NODES))
                .sum();
    }

    /** The Prometheus text exposition of every series at {@code t}. */
    public String exposition(Instant t) {
        StringBuilder out = new StringBuilder(1 << 20);
        long ts = t.getEpochSecond();
        for (int i = 0; i < families.size(); i++) {
            SeriesFamily f = families.get(i);
            out.append("# TYPE ")
                    .append(f.metric())
                    .append(f.counter() ? " counter\n" : " gauge\n");
            appendSamples(out, i, ts);
        }
        appendSlurm(out, ts);
        return out.toString();
    }

    /**
     * The last ten minutes of Slurm series in OpenMetrics form (instant queries look back five
     * minutes, so the scheduler's view is there from the first second), each series' samples
     * together in time order.
     */
    private void slurmHistory(Instant from, Instant to, Duration step, StringBuilder out) {
        Map<String, Map<String, StringBuilder>> families = new LinkedHashMap<>();
        long first = Math.max(from.getEpochSecond(), to.getEpochSecond() - 600);
        for (long ts = first; ts <= to.getEpochSecond(); ts += Math.min(step.toSeconds(), 60)) {
            StringBuilder text = new StringBuilder();
            appendSlurm(text, ts);
            String family = null;
            for (String line : text.toString().split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    family = line;
                } else if (!line.isEmpty() && family != null) {
                    int space = line.lastIndexOf(' ');
                    families.computeIfAbsent(family, k -> new LinkedHashMap<>())
                            .computeIfAbsent(line.substring(0, space), k -> new StringBuilder())
                            .append(line)
                            .append(' ')
                            .append(ts)
                            .append('\n');
                }
            }
        }
        families.forEach(
                (type, series) -> {
                    out.append(type).append('\n');
                    series.values().forEach(out::append);
                });
    }

    private void appendSlurm(StringBuilder out, long ts) {
        long offset = ts - start;
        Set<String> down = new HashSet<>();
        Map<String, String> forced = new HashMap<>();
        Map<String, Set<String>> bigJobs = new HashMap<>();
        for (Affected a : events) {
            if (!a.event.activeAt(offset)) {
                continue;
            }
            switch (a.event.kind()) {
                case NODE_DOWN, RACK_POWER_LOSS -> down.addAll(a.instances);
                case FLAPPING -> {
                    if (((offset - a.event.at().toSeconds()) / a.event.period().toSeconds()) % 2
                            == 0) {
                        down.addAll(a.instances);
                    }
                }
                case SLURM_DRAIN -> a.instances.forEach(i -> forced.put(i, "drain"));
                case SLURM_DOWN -> a.instances.forEach(i -> forced.put(i, "down"));
                case LARGE_JOB -> {
                    a.instances.forEach(i -> forced.put(i, "allocated"));
                    bigJobs.put("9000001", a.instances);
                }
                default -> {}
            }
        }
        slurm.append(out, down, forced, bigJobs, ts / 3600);
    }

    /**
     * OpenMetrics text for {@code promtool tsdb create-blocks-from openmetrics}: each family's
     * series over [from, to].
     */
    public void writeHistory(Instant from, Instant to, Duration step, Writer out) {
        try {
            StringBuilder buf = new StringBuilder(1 << 16);
            for (int i = 0; i < families.size(); i++) {
                SeriesFamily f = families.get(i);
                buf.append("# TYPE ")
                        .append(f.metric())
                        .append(f.counter() ? " unknown\n" : " gauge\n");
                String[] prefixes = labelPrefixes.get(i);
                for (int e = 0; e < prefixes.length; e++) {
                    for (String sub : subNodes(f)) {
                        for (long ts = from.getEpochSecond();
                                ts <= to.getEpochSecond();
                                ts += step.toSeconds()) {
                            Double v = value(f, f.entities().get(e), sub, ts);
                            if (v != null) {
                                appendSeries(buf, f, prefixes[e], sub)
                                        .append(' ')
                                        .append(format(v))
                                        .append(' ')
                                        .append(ts)
                                        .append('\n');
                            }
                        }
                        if (buf.length() > 1 << 15) {
                            out.write(buf.toString());
                            buf.setLength(0);
                        }
                    }
                }
            }
            out.write(buf.toString());
            buf.setLength(0);
            slurmHistory(from, to, step, buf);
            buf.append("# EOF\n");
            out.write(buf.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendSamples(StringBuilder out, int familyIndex, long ts) {
        forEachSample(
                familyIndex,
                ts,
                (entity, line, v) -> {
                    if (line != null) {
                        out.append(line);
                    }
                });
    }

    /** A series' sample at one moment: its entity, its line (or null when absent), its value. */
    private interface SampleSink {
        void accept(String entity, CharSequence line, Double value);
    }

    private void forEachSample(int familyIndex, long ts, SampleSink sink) {
        SeriesFamily f = families.get(familyIndex);
        String[] prefixes = labelPrefixes.get(familyIndex);
        StringBuilder line = new StringBuilder(128);
        for (int e = 0; e < prefixes.length; e++) {
            for (String sub : subNodes(f)) {
                Double v = value(f, f.entities().get(e), sub, ts);
                line.setLength(0);
                if (v != null) {
                    appendSeries(line, f, prefixes[e], sub)
                            .append(' ')
                            .append(format(v))
                            .append('\n');
                }
                sink.accept(f.entities().get(e), v == null ? null : line, v);
            }
        }
    }

    /** The target of {@link #expositionByTarget} that serves every series that is no node's. */
    public static final String FACILITY = "facility";

    /**
     * The series at {@code t} as an estate with an exporter per node serves them: by node, that
     * node's series, {@code up} left to Prometheus, and none for a node down or silent (its
     * exporter does not answer); under {@link #FACILITY}, the racks', the chassis' and Slurm's.
     */
    public Map<String, String> expositionByTarget(Instant t) {
        long ts = t.getEpochSecond();
        Map<String, StringBuilder> nodes = new HashMap<>();
        Set<String> down = new HashSet<>();
        StringBuilder facility = new StringBuilder(1 << 16);
        for (int i = 0; i < families.size(); i++) {
            SeriesFamily f = families.get(i);
            boolean node = f.scope() == CheckScope.NODE;
            boolean up = node && f.metric().equals("up");
            forEachSample(
                    i,
                    ts,
                    (entity, line, v) -> {
                        if (up) {
                            if (v == null || v == 0) {
                                down.add(entity);
                            } else {
                                nodes.computeIfAbsent(entity, k -> new StringBuilder(512));
                            }
                        } else if (node) {
                            StringBuilder b =
                                    nodes.computeIfAbsent(entity, k -> new StringBuilder(512));
                            if (line != null) {
                                b.append(line);
                            }
                        } else if (line != null) {
                            facility.append(line);
                        }
                    });
        }
        appendSlurm(facility, ts);
        Map<String, String> out = new HashMap<>();
        nodes.forEach(
                (id, b) -> {
                    if (!down.contains(id)) {
                        out.put(id, b.toString());
                    }
                });
        out.put(FACILITY, facility.toString());
        return out;
    }

    /** The nodes of {@link #expositionByTarget}, each a target of its own. */
    public List<String> nodeTargets() {
        Set<String> out = new java.util.TreeSet<>();
        families.stream()
                .filter(f -> f.scope() == CheckScope.NODE)
                .forEach(f -> out.addAll(f.entities()));
        return List.copyOf(out);
    }

    private static StringBuilder appendSeries(
            StringBuilder out, SeriesFamily f, String prefix, String sub) {
        out.append(prefix);
        if (sub != null) {
            out.append(',').append(f.expandLabel()).append("=\"").append(sub).append('"');
        }
        return out.append('}');
    }

    private static List<String> subNodes(SeriesFamily f) {
        if (f.expandLabel() == null) {
            return Collections.singletonList(null);
        }
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < EXPANDED_SUB_NODES; i++) {
            subs.add(Integer.toString(i));
        }
        return subs;
    }

    /** The value of one series at {@code ts}, or null when the series is absent then. */
    Double value(SeriesFamily f, String entity, String sub, long ts) {
        String key = f.metric() + '/' + entity + (sub == null ? "" : '/' + sub);
        double load = load(entity, ts);
        if (f.counter()) {
            return counter(f, entity, key, ts);
        }
        double v = f.model().healthy(load);
        if (!f.model().bool()) {
            v *= 1 + 0.02 * noise(key, ts / 15);
        }
        long offset = ts - start;
        for (Affected a : events) {
            if (!a.event.activeAt(offset) || !a.covers(f.scope(), entity)) {
                continue;
            }
            switch (a.event.kind()) {
                case NODE_DOWN, RACK_POWER_LOSS, FLAPPING -> {
                    if (a.event.kind() == Scenario.Kind.FLAPPING
                            && ((offset - a.event.at().toSeconds()) / a.event.period().toSeconds())
                                            % 2
                                    == 1) {
                        continue;
                    }
                    if (f.scope() == CheckScope.NODE) {
                        if (!f.metric().equals("up")) {
                            return null;
                        }
                        v = 0;
                    } else if (a.event.kind() == Scenario.Kind.RACK_POWER_LOSS) {
                        if (f.model().bool()) {
                            v = 0;
                        } else if (isPower(f.metric())) {
                            v = 0;
                        }
                    }
                }
                case TARGET_SILENT -> {
                    if (f.scope() == CheckScope.NODE) {
                        return null;
                    }
                }
                case HOT_AISLE -> {
                    if (f.metric().contains("temperature")) {
                        v =
                                f.model().forSeverity(a.event.severity())
                                        * (1 + 0.005 * noise(key, ts / 15));
                    }
                }
                case DEGRADATION -> {
                    if (f.metric().equals(a.event.metric())) {
                        double frac =
                                Math.min(
                                        1,
                                        (offset - a.event.at().toSeconds())
                                                / (double) Math.max(1, a.event.over().toSeconds()));
                        v = v + (f.model().forSeverity(a.event.severity()) - v) * frac;
                    }
                }
            }
        }
        return v;
    }

    /**
     * A counter grows at its healthy rate, swinging ±60 % around it over a period of half an hour
     * to an hour of its own (so that a rate chart is not a flat line), faster while a degradation
     * of it is on, and never goes down.
     */
    private Double counter(SeriesFamily f, String entity, String key, long ts) {
        double healthyRate = f.model().counterRate();
        double period = 1800 + 1800 * Math.abs(noise(key, 1));
        double phase = 2 * Math.PI * Math.abs(noise(key, 2));
        double swing =
                0.6
                        * healthyRate
                        * period
                        / (2 * Math.PI)
                        * Math.sin(2 * Math.PI * ts / period + phase);
        double v =
                healthyRate * (ts - COUNTER_BASE)
                        + swing
                        + healthyRate * period
                        + Math.abs(noise(key, 0)) * 1000;
        for (Affected a : events) {
            if (a.event.kind() == Scenario.Kind.DEGRADATION
                    && f.metric().equals(a.event.metric())
                    && a.covers(f.scope(), entity)) {
                long from = start + a.event.at().toSeconds();
                long to =
                        a.event.duration() == null
                                ? ts
                                : Math.min(ts, from + a.event.duration().toSeconds());
                if (to > from) {
                    v += (f.model().forSeverity(a.event.severity()) - healthyRate) * (to - from);
                }
            }
            if ((a.event.kind() == Scenario.Kind.TARGET_SILENT
                            || a.event.kind() == Scenario.Kind.NODE_DOWN
                            || a.event.kind() == Scenario.Kind.RACK_POWER_LOSS)
                    && f.scope() == CheckScope.NODE
                    && a.event.activeAt(ts - start)
                    && a.covers(f.scope(), entity)) {
                return null;
            }
        }
        return v;
    }

    private static boolean isPower(String metric) {
        return metric.contains("power") || metric.contains("watts") || metric.contains("load");
    }

    /**
     * Load in [0, 1]: a daily cycle peaking mid-afternoon UTC, shifted a little per entity, with
     * noise.
     */
    private double load(String entity, long ts) {
        double day = (ts % 86_400) / 86_400.0;
        double phase = 0.3 * noise(entity, -1);
        double l =
                0.5
                        + 0.3 * Math.sin(2 * Math.PI * (day - 0.375) + phase)
                        + 0.1 * noise(entity, ts / 300);
        return Math.max(0, Math.min(1, l));
    }

    /** A deterministic number in [-1, 1] for a key and a time bucket. */
    private double noise(String key, long bucket) {
        long z =
                seed * 0x9E3779B97F4A7C15L
                        + key.hashCode() * 0xBF58476D1CE4E5B9L
                        + bucket * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 * 2 - 1;
    }

    private static String format(double v) {
        double r = Math.rint(v * 1000) / 1000;
        return r == Math.rint(r) && Math.abs(r) < 1e15
                ? Long.toString((long) r)
                : Double.toString(r);
    }

    private static String labels(RackscopeConfig cfg, SeriesFamily f, String entity) {
        AppConfig.Telemetry t = cfg.app().telemetry();
        Topology topo = cfg.topology();
        StringBuilder b = new StringBuilder(f.metric()).append('{');
        String identity =
                f.identityLabel() != null
                        ? f.identityLabel()
                        : switch (f.scope()) {
                            case NODE -> t.identityLabel();
                            case CHASSIS -> t.chassisLabel();
                            case RACK -> t.rackLabel();
                        };
        label(b, identity, entity);
        switch (f.scope()) {
            case NODE ->
                    topo.instance(entity)
                            .ifPresent(
                                    p -> {
                                        label(b, t.chassisLabel(), p.device().id());
                                        label(b, t.rackLabel(), p.rack().id());
                                    });
            case CHASSIS -> topo.device(entity).ifPresent(d -> label(b, t.rackLabel(), d.rackId()));
            case RACK -> {}
        }
        f.fixedLabels().forEach((k, v) -> label(b, k, v));
        b.setLength(b.length() - 1);
        return b.toString();
    }

    private static void label(StringBuilder b, String name, String value) {
        if (b.indexOf("{" + name + "=\"") >= 0 || b.indexOf("," + name + "=\"") >= 0) {
            return;
        }
        b.append(name)
                .append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\",");
    }

    /**
     * An event with the entities it touches resolved from its target (instance, device, rack,
     * aisle, room or site).
     */
    private record Affected(
            Scenario.Event event, Set<String> instances, Set<String> chassis, Set<String> racks) {
        boolean covers(CheckScope scope, String entity) {
            return switch (scope) {
                case NODE -> instances.contains(entity);
                case CHASSIS -> chassis.contains(entity);
                case RACK -> racks.contains(entity);
            };
        }

        static Affected resolve(Topology topo, Scenario.Event e) {
            Set<String> instances = new HashSet<>();
            Set<String> chassis = new HashSet<>();
            Set<String> racks = new HashSet<>();
            String t = e.target();
            if (topo.instance(t).isPresent()) {
                InstancePath p = topo.instance(t).get();
                instances.add(t);
                if (p.device().instances().size() == 1) {
                    chassis.add(p.device().id());
                }
            } else {
                racksOf(topo, t)
                        .forEach(
                                r -> {
                                    racks.add(r.id());
                                    r.devices().forEach(d -> addDevice(d, instances, chassis));
                                });
                topo.device(t).ifPresent(d -> addDevice(d, instances, chassis));
            }
            // a degradation names its metric: on a rack it moves the rack's own series of it too
            // (its PDUs' power: a rack drawing near its budget)
            if (e.kind() != Scenario.Kind.RACK_POWER_LOSS
                    && e.kind() != Scenario.Kind.HOT_AISLE
                    && e.kind() != Scenario.Kind.DEGRADATION) {
                racks.clear();
                chassis.clear();
            }
            return new Affected(e, instances, chassis, racks);
        }

        private static void addDevice(Device d, Set<String> instances, Set<String> chassis) {
            chassis.add(d.id());
            instances.addAll(d.instanceIds());
        }

        private static Stream<Rack> racksOf(Topology topo, String target) {
            if (topo.rack(target).isPresent()) {
                return Stream.of(topo.rack(target).get());
            }
            String[] parts = target.split("/");
            if (parts.length == 3) {
                return topo.aisle(parts[0], parts[1], parts[2]).stream()
                        .flatMap(a -> a.racks().stream());
            }
            if (parts.length == 2) {
                return topo.room(parts[0], parts[1]).stream().flatMap(Room::racks);
            }
            return topo.site(target).stream().flatMap(s -> s.rooms().stream()).flatMap(Room::racks);
        }
    }
}
