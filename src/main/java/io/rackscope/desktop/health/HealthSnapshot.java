package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The health of the whole estate after one planner cycle. Immutable; {@code version} grows by one
 * per cycle. Rooms and aisles are keyed {@code site/room} and {@code site/room/aisle} because their
 * ids repeat. {@code staleSince} maps each entity whose data could not be refreshed to the time of
 * its last good data; {@code slurm} is the scheduler's view of the nodes when the Slurm plugin is
 * enabled; {@code fresh} holds the alerts that are new in this snapshot (none on the first one,
 * which only records what already fails).
 */
public final class HealthSnapshot {
    private final long version;
    private final Instant takenAt;
    private final Duration cycleTime;
    private final Map<String, Severity> nodes;
    private final Map<String, Severity> devices;
    private final Map<String, Severity> racks;
    private final Map<String, Severity> aisles;
    private final Map<String, Severity> rooms;
    private final Map<String, Severity> sites;
    private final Map<String, CheckOutcome> checks;
    private final List<Alert> alerts;
    private final Map<String, Instant> staleSince;
    private final List<CycleError> errors;
    private final CycleStats stats;
    private final SlurmSnapshot slurm;
    private final List<Alert> fresh;
    private final List<Incident> incidents;
    private final List<Incident> announced;
    private Handling handling = Handling.NONE;
    private final Map<String, List<Alert>> alertsByRack = new HashMap<>();
    private final Map<String, List<Alert>> alertsByDevice = new HashMap<>();

    public HealthSnapshot(
            long version,
            Instant takenAt,
            Duration cycleTime,
            Map<String, Severity> nodes,
            Map<String, Severity> devices,
            Map<String, Severity> racks,
            Map<String, Severity> aisles,
            Map<String, Severity> rooms,
            Map<String, Severity> sites,
            Map<String, CheckOutcome> checks,
            List<Alert> alerts,
            Map<String, Instant> staleSince,
            List<CycleError> errors,
            CycleStats stats,
            SlurmSnapshot slurm,
            List<Alert> fresh) {
        this(
                version,
                takenAt,
                cycleTime,
                nodes,
                devices,
                racks,
                aisles,
                rooms,
                sites,
                checks,
                alerts,
                staleSince,
                errors,
                stats,
                slurm,
                fresh,
                List.of(),
                List.of());
    }

    /** A snapshot with its incidents ({@code announced}: those new or worse in it). */
    public HealthSnapshot(
            long version,
            Instant takenAt,
            Duration cycleTime,
            Map<String, Severity> nodes,
            Map<String, Severity> devices,
            Map<String, Severity> racks,
            Map<String, Severity> aisles,
            Map<String, Severity> rooms,
            Map<String, Severity> sites,
            Map<String, CheckOutcome> checks,
            List<Alert> alerts,
            Map<String, Instant> staleSince,
            List<CycleError> errors,
            CycleStats stats,
            SlurmSnapshot slurm,
            List<Alert> fresh,
            List<Incident> incidents,
            List<Incident> announced) {
        this.version = version;
        this.takenAt = takenAt;
        this.cycleTime = cycleTime;
        this.nodes = Map.copyOf(nodes);
        this.devices = Map.copyOf(devices);
        this.racks = Map.copyOf(racks);
        this.aisles = Map.copyOf(aisles);
        this.rooms = Map.copyOf(rooms);
        this.sites = Map.copyOf(sites);
        this.checks = Map.copyOf(checks);
        this.alerts = List.copyOf(alerts);
        this.staleSince = Map.copyOf(staleSince);
        this.errors = List.copyOf(errors);
        this.stats = stats;
        this.slurm = slurm;
        this.fresh = List.copyOf(fresh);
        this.incidents = List.copyOf(incidents);
        this.announced = List.copyOf(announced);
        for (Alert a : this.alerts) {
            if (a.rack() != null) {
                alertsByRack.computeIfAbsent(a.rack(), k -> new ArrayList<>()).add(a);
            }
            if (a.device() != null) {
                alertsByDevice.computeIfAbsent(a.device(), k -> new ArrayList<>()).add(a);
            }
        }
    }

    public static HealthSnapshot empty() {
        return new HealthSnapshot(
                0,
                Instant.EPOCH,
                Duration.ZERO,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                Map.of(),
                List.of(),
                CycleStats.NONE,
                SlurmSnapshot.DISABLED,
                List.of());
    }

    private HealthSnapshot copy(
            long v,
            List<Alert> a,
            SlurmSnapshot sl,
            List<Alert> f,
            List<Incident> inc,
            List<Incident> ann) {
        HealthSnapshot out =
                new HealthSnapshot(
                        v,
                        takenAt,
                        cycleTime,
                        nodes,
                        devices,
                        racks,
                        aisles,
                        rooms,
                        sites,
                        checks,
                        a,
                        staleSince,
                        errors,
                        stats,
                        sl,
                        f,
                        inc,
                        ann);
        out.handling = handling;
        return out;
    }

    /**
     * The same states with what is acknowledged or under maintenance, and the incidents to announce
     * once handling is taken into account.
     */
    public HealthSnapshot withHandling(Handling h, List<Incident> announce) {
        HealthSnapshot out = copy(version, alerts, slurm, fresh, incidents, announce);
        out.handling = h;
        return out;
    }

    /** What is acknowledged or under maintenance ({@link Handling#NONE} when nothing is kept). */
    public Handling handling() {
        return handling;
    }

    /**
     * The same states with the alerts as tracked over time: each with its start, and the new ones.
     */
    public HealthSnapshot withTracking(List<Alert> tracked, List<Alert> newOnes) {
        return copy(version, tracked, slurm, newOnes, incidents, announced);
    }

    /** The same states under another version number (benchmarks alternate two snapshots). */
    public HealthSnapshot withVersion(long other) {
        return copy(other, alerts, slurm, fresh, incidents, announced);
    }

    /** The same snapshot with another view of Slurm. */
    public HealthSnapshot withSlurm(SlurmSnapshot other) {
        return copy(version, alerts, other, fresh, incidents, announced);
    }

    public long version() {
        return version;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Duration cycleTime() {
        return cycleTime;
    }

    public Map<String, Severity> nodes() {
        return nodes;
    }

    public Map<String, Severity> devices() {
        return devices;
    }

    public Map<String, Severity> racks() {
        return racks;
    }

    public Map<String, Severity> aisles() {
        return aisles;
    }

    public Map<String, Severity> rooms() {
        return rooms;
    }

    public Map<String, Severity> sites() {
        return sites;
    }

    public Map<String, CheckOutcome> checks() {
        return checks;
    }

    public List<Alert> alerts() {
        return alerts;
    }

    public Map<String, Instant> staleSince() {
        return staleSince;
    }

    public List<CycleError> errors() {
        return errors;
    }

    public CycleStats stats() {
        return stats;
    }

    public SlurmSnapshot slurm() {
        return slurm;
    }

    /**
     * The same states with their incidents as tracked, and those to announce (new or worse, not
     * flapping).
     */
    public HealthSnapshot withIncidents(List<Incident> tracked, List<Incident> announce) {
        return copy(version, alerts, slurm, fresh, tracked, announce);
    }

    /** The alerts told as incidents, worst first (see {@link Incident}). */
    public List<Incident> incidents() {
        return incidents;
    }

    /** Incidents new or worse in this snapshot (not flapping); none while seeding. */
    public List<Incident> announced() {
        return announced;
    }

    /** Alerts new in this snapshot; none while the first snapshot seeds what already fails. */
    public List<Alert> fresh() {
        return fresh;
    }

    public Severity node(String id) {
        return nodes.getOrDefault(id, Severity.UNKNOWN);
    }

    public Severity rack(String id) {
        return racks.getOrDefault(id, Severity.UNKNOWN);
    }

    public Severity device(String id) {
        return devices.getOrDefault(id, Severity.UNKNOWN);
    }

    /** The alerts located in a rack (its nodes, its devices and the rack itself). */
    public List<Alert> alertsOfRack(String rackId) {
        return alertsByRack.getOrDefault(rackId, List.of());
    }

    /** The alerts of a device and its nodes. */
    public List<Alert> alertsOfDevice(String deviceId) {
        return alertsByDevice.getOrDefault(deviceId, List.of());
    }

    /**
     * What check {@code checkId} says of {@code entity}, and why: computed once, by the planner.
     */
    public CheckState stateOf(String checkId, String entity) {
        CheckOutcome o = checks.get(checkId);
        return o == null ? CheckState.NOT_EVALUATED : o.state(entity);
    }

    /**
     * What check {@code checkId} says of slot {@code slot} (a disk, a PSU) of {@code entity}: the
     * slot's own state when the check expands by slot (a slot not named is OK), else the entity's;
     * null when the check was not evaluated.
     */
    public Severity slotStateOf(String checkId, String entity, int slot) {
        CheckOutcome o = checks.get(checkId);
        if (o == null) {
            return null;
        }
        CheckResult r = o.problems().get(entity);
        if (r == null || r.children().isEmpty()) {
            return o.state(entity).severity();
        }
        Severity child = r.children().get(Integer.toString(slot));
        if (child == null) {
            child = r.children().get(String.format(Locale.ROOT, "%02d", slot));
        }
        return child == null ? Severity.OK : child;
    }

    /**
     * The worst state {@code checkIds} give {@code entity}: a failing check's severity, UNKNOWN for
     * a check without a sample for it (or not evaluated at all), else OK; UNKNOWN when there are no
     * checks.
     */
    public Severity checkState(List<String> checkIds, String entity) {
        Severity worst = checkIds.isEmpty() ? Severity.UNKNOWN : Severity.OK;
        for (String id : checkIds) {
            worst = Severity.worst(worst, stateOf(id, entity).severity());
        }
        return worst;
    }

    public boolean isStale(String entity) {
        return staleSince.containsKey(entity);
    }

    public Set<String> staleEntities() {
        return staleSince.keySet();
    }

    /**
     * Entities some check of which was not evaluated this cycle (its batch failed), with those
     * checks: their state is the last known one ({@link #isStale}) or none at all.
     */
    public Map<String, List<String>> unevaluated() {
        Map<String, List<String>> out = new TreeMap<>();
        checks.values()
                .forEach(
                        o ->
                                o.unevaluated()
                                        .forEach(
                                                e ->
                                                        out.computeIfAbsent(
                                                                        e, k -> new ArrayList<>())
                                                                .add(o.checkId())));
        out.values().forEach(l -> l.sort(null));
        return out;
    }
}
