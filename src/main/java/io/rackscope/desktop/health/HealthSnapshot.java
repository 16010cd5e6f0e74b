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
import java.util.Optional;
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
    /**
     * How many of a rack's nodes are CRIT and WARN, and whether the rack or any of its nodes is
     * kept stale: what a floor's tile says, counted once per cycle off the UI thread.
     */
    public record NodeTally(int crit, int warn, boolean stale) {
        /**
         * The tally of the rack {@code rackId} with {@code nodes}, by each node's severity and
         * whether the rack or a node is {@code stale}.
         */
        public static NodeTally of(
                String rackId,
                Iterable<String> nodes,
                java.util.function.Function<String, Severity> severity,
                java.util.function.Predicate<String> stale) {
            int crit = 0;
            int warn = 0;
            boolean old = stale.test(rackId);
            for (String id : nodes) {
                Severity n = severity.apply(id);
                crit += n == Severity.CRIT ? 1 : 0;
                warn += n == Severity.WARN ? 1 : 0;
                old |= stale.test(id);
            }
            return new NodeTally(crit, warn, old);
        }
    }

    /**
     * One cycle's states rolled up to every level of the estate, by key, and each rack's node tally
     * (by rack key).
     */
    public record Levels(
            Map<String, Severity> nodes,
            Map<String, Severity> devices,
            Map<String, Severity> racks,
            Map<String, Severity> aisles,
            Map<String, Severity> rooms,
            Map<String, Severity> sites,
            Map<String, NodeTally> rackNodes) {
        public static final Levels NONE =
                new Levels(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        public Levels {
            nodes = FrozenMap.of(nodes);
            devices = FrozenMap.of(devices);
            racks = FrozenMap.of(racks);
            aisles = FrozenMap.of(aisles);
            rooms = FrozenMap.of(rooms);
            sites = FrozenMap.of(sites);
            rackNodes = FrozenMap.of(rackNodes);
        }

        /** Levels without racks' node tallies (they are counted where asked). */
        public Levels(
                Map<String, Severity> nodes,
                Map<String, Severity> devices,
                Map<String, Severity> racks,
                Map<String, Severity> aisles,
                Map<String, Severity> rooms,
                Map<String, Severity> sites) {
            this(nodes, devices, racks, aisles, rooms, sites, Map.of());
        }
    }

    /**
     * What one cycle found: each check's outcome, the alerts, what is kept stale since when, the
     * errors and the cycle's figures, and every alert of the site's own alerting read (placed or
     * not, pending or firing).
     */
    public record Findings(
            Map<String, CheckOutcome> checks,
            List<Alert> alerts,
            Map<String, Instant> staleSince,
            List<CycleError> errors,
            CycleStats stats,
            List<SiteAlert> siteAlerts,
            List<Forecast> forecasts) {
        public static final Findings NONE =
                new Findings(Map.of(), List.of(), Map.of(), List.of(), CycleStats.NONE);

        public Findings {
            checks = FrozenMap.of(checks);
            alerts = List.copyOf(alerts);
            staleSince = FrozenMap.of(staleSince);
            errors = List.copyOf(errors);
            siteAlerts = List.copyOf(siteAlerts);
            forecasts = List.copyOf(forecasts);
        }

        /** Findings without forecasts. */
        public Findings(
                Map<String, CheckOutcome> checks,
                List<Alert> alerts,
                Map<String, Instant> staleSince,
                List<CycleError> errors,
                CycleStats stats,
                List<SiteAlert> siteAlerts) {
            this(checks, alerts, staleSince, errors, stats, siteAlerts, List.of());
        }

        /** Findings without alerts of the site's own alerting. */
        public Findings(
                Map<String, CheckOutcome> checks,
                List<Alert> alerts,
                Map<String, Instant> staleSince,
                List<CycleError> errors,
                CycleStats stats) {
            this(checks, alerts, staleSince, errors, stats, List.of());
        }
    }

    /**
     * What following the estate over time adds to a cycle: the alerts new in it, its incidents,
     * those to announce, and what is acknowledged or under maintenance.
     */
    public record Tracking(
            List<Alert> fresh,
            List<Incident> incidents,
            List<Incident> announced,
            Handling handling) {
        public static final Tracking NONE =
                new Tracking(List.of(), List.of(), List.of(), Handling.NONE);

        public Tracking {
            fresh = List.copyOf(fresh);
            incidents = List.copyOf(incidents);
            announced = List.copyOf(announced);
        }

        /** Nothing followed yet: just the incidents the alerts group into. */
        public static Tracking of(List<Incident> incidents) {
            return new Tracking(List.of(), incidents, List.of(), Handling.NONE);
        }
    }

    private final long version;
    private final Instant takenAt;
    private final Duration cycleTime;
    private final Levels levels;
    private final Findings findings;
    private final SlurmSnapshot slurm;
    private final Tracking tracking;
    private final Map<String, List<Alert>> alertsByRack = new HashMap<>();
    private final Map<String, List<Alert>> alertsByDevice = new HashMap<>();
    // the soonest forecast by rack and by alert key (the list is soonest first): a rack tile and an
    // alert row each look theirs up without scanning every forecast
    private final Map<String, Forecast> forecastByRack = new HashMap<>();
    private final Map<String, Forecast> forecastByKey = new HashMap<>();

    public HealthSnapshot(
            long version,
            Instant takenAt,
            Duration cycleTime,
            Levels levels,
            Findings findings,
            SlurmSnapshot slurm,
            Tracking tracking) {
        this.version = version;
        this.takenAt = takenAt;
        this.cycleTime = cycleTime;
        this.levels = levels;
        this.findings = findings;
        this.slurm = slurm;
        this.tracking = tracking;
        for (Alert a : findings.alerts()) {
            if (a.rack() != null) {
                alertsByRack.computeIfAbsent(a.rack(), k -> new ArrayList<>()).add(a);
            }
            if (a.device() != null) {
                alertsByDevice.computeIfAbsent(a.device(), k -> new ArrayList<>()).add(a);
            }
        }
        for (Forecast f : findings.forecasts()) {
            if (f.rack() != null) {
                forecastByRack.putIfAbsent(f.rack(), f);
            }
            forecastByKey.putIfAbsent(f.key(), f);
        }
    }

    public static HealthSnapshot empty() {
        return new HealthSnapshot(
                0,
                Instant.EPOCH,
                Duration.ZERO,
                Levels.NONE,
                Findings.NONE,
                SlurmSnapshot.DISABLED,
                Tracking.NONE);
    }

    private HealthSnapshot with(List<Alert> alerts, Tracking t) {
        Findings f =
                alerts == findings.alerts()
                        ? findings
                        : new Findings(
                                findings.checks(),
                                alerts,
                                findings.staleSince(),
                                findings.errors(),
                                findings.stats(),
                                findings.siteAlerts(),
                                findings.forecasts());
        return new HealthSnapshot(version, takenAt, cycleTime, levels, f, slurm, t);
    }

    /**
     * The same states with what is acknowledged or under maintenance, and the incidents to announce
     * once handling is taken into account.
     */
    public HealthSnapshot withHandling(Handling h, List<Incident> announce) {
        return with(
                findings.alerts(),
                new Tracking(tracking.fresh(), tracking.incidents(), announce, h));
    }

    /** What is acknowledged or under maintenance ({@link Handling#NONE} when nothing is kept). */
    public Handling handling() {
        return tracking.handling();
    }

    /**
     * The same states with the alerts as tracked over time: each with its start, and the new ones.
     */
    public HealthSnapshot withTracking(List<Alert> tracked, List<Alert> newOnes) {
        return with(
                tracked,
                new Tracking(
                        newOnes, tracking.incidents(), tracking.announced(), tracking.handling()));
    }

    /** The same states under another version number (benchmarks alternate two snapshots). */
    public HealthSnapshot withVersion(long other) {
        return new HealthSnapshot(other, takenAt, cycleTime, levels, findings, slurm, tracking);
    }

    /** The same snapshot with another view of Slurm. */
    public HealthSnapshot withSlurm(SlurmSnapshot other) {
        return new HealthSnapshot(version, takenAt, cycleTime, levels, findings, other, tracking);
    }

    public Levels levels() {
        return levels;
    }

    public Findings findings() {
        return findings;
    }

    public Tracking tracking() {
        return tracking;
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
        return levels.nodes();
    }

    public Map<String, Severity> devices() {
        return levels.devices();
    }

    public Map<String, Severity> racks() {
        return levels.racks();
    }

    public Map<String, Severity> aisles() {
        return levels.aisles();
    }

    public Map<String, Severity> rooms() {
        return levels.rooms();
    }

    public Map<String, Severity> sites() {
        return levels.sites();
    }

    public Map<String, CheckOutcome> checks() {
        return findings.checks();
    }

    public List<Alert> alerts() {
        return findings.alerts();
    }

    public Map<String, Instant> staleSince() {
        return findings.staleSince();
    }

    public List<CycleError> errors() {
        return findings.errors();
    }

    /** Every alert of the site's own alerting this cycle read, placed or not. */
    public List<SiteAlert> siteAlerts() {
        return findings.siteAlerts();
    }

    /** The crossings of a threshold this cycle foresaw, soonest first. */
    public List<Forecast> forecasts() {
        return findings.forecasts();
    }

    /** The soonest forecast about a rack, its devices or its nodes, if any. */
    public Optional<Forecast> soonestInRack(String rackKey) {
        return Optional.ofNullable(forecastByRack.get(rackKey));
    }

    /** The forecast about {@code check} on {@code entity} (an alert's key), if any. */
    public Optional<Forecast> forecast(String check, String entity) {
        return Optional.ofNullable(forecastByKey.get(Alert.key(check, entity)));
    }

    /** The site's own alerts that no label placed on the estate ("Not placed"), never dropped. */
    public List<SiteAlert> notPlaced() {
        return findings.siteAlerts().stream().filter(a -> !a.placed()).toList();
    }

    public CycleStats stats() {
        return findings.stats();
    }

    public SlurmSnapshot slurm() {
        return slurm;
    }

    /**
     * The same states with their incidents as tracked, and those to announce (new or worse, not
     * flapping).
     */
    public HealthSnapshot withIncidents(List<Incident> tracked, List<Incident> announce) {
        return with(
                findings.alerts(),
                new Tracking(tracking.fresh(), tracked, announce, tracking.handling()));
    }

    /** The alerts told as incidents, worst first (see {@link Incident}). */
    public List<Incident> incidents() {
        return tracking.incidents();
    }

    /** Incidents new or worse in this snapshot (not flapping); none while seeding. */
    public List<Incident> announced() {
        return tracking.announced();
    }

    /** Alerts new in this snapshot; none while the first snapshot seeds what already fails. */
    public List<Alert> fresh() {
        return tracking.fresh();
    }

    public Severity node(String id) {
        return levels.nodes().getOrDefault(id, Severity.UNKNOWN);
    }

    public Severity rack(String id) {
        return levels.racks().getOrDefault(id, Severity.UNKNOWN);
    }

    public Severity device(String id) {
        return levels.devices().getOrDefault(id, Severity.UNKNOWN);
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
        CheckOutcome o = findings.checks().get(checkId);
        return o == null ? CheckState.NOT_EVALUATED : o.state(entity);
    }

    /**
     * What check {@code checkId} says of slot {@code slot} (a disk, a PSU) of {@code entity}: the
     * slot's own state when the check expands by slot (a slot not named is OK), else the entity's;
     * null when the check was not evaluated.
     */
    public Severity slotStateOf(String checkId, String entity, int slot) {
        CheckOutcome o = findings.checks().get(checkId);
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

    /** A rack's node tally (see {@link NodeTally}), or null when the cycle did not count it. */
    public NodeTally rackNodes(String rackKey) {
        return levels.rackNodes().get(rackKey);
    }

    public boolean isStale(String entity) {
        return findings.staleSince().containsKey(entity);
    }

    public Set<String> staleEntities() {
        return findings.staleSince().keySet();
    }

    /**
     * Entities some check of which was not evaluated this cycle (its batch failed), with those
     * checks: their state is the last known one ({@link #isStale}) or none at all.
     */
    public Map<String, List<String>> unevaluated() {
        Map<String, List<String>> out = new TreeMap<>();
        findings.checks()
                .values()
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
