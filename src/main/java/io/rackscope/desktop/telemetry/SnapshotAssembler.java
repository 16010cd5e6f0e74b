package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.alerting.IncidentGrouper;
import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.CheckOutcome;
import io.rackscope.desktop.health.CheckResult;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one cycle's check outcomes into a snapshot: the roll-up from node to site, and the alert
 * list.
 */
public final class SnapshotAssembler {
    private final RackscopeConfig config;
    private final CheckTargets targets;
    private final Severity unknownState;
    private final IncidentGrouper incidents;
    private final NoDataAlerts noData;

    public SnapshotAssembler(RackscopeConfig config) {
        this(
                config,
                new CheckTargets(config),
                Severity.parse(config.app().planner().unknownState()).orElse(Severity.UNKNOWN));
    }

    SnapshotAssembler(RackscopeConfig config, CheckTargets targets, Severity unknownState) {
        this.config = config;
        this.targets = targets;
        this.unknownState = unknownState;
        AppConfig.Alerts a = config.app().alerts();
        this.incidents =
                new IncidentGrouper(config.topology(), a.groupMinNodes(), a.groupFraction());
        this.noData = a.unknownAsIncident() ? new NoDataAlerts(config, targets) : null;
    }

    public HealthSnapshot assemble(
            long version,
            Instant now,
            Duration cycleTime,
            Map<String, CheckOutcome> outcomes,
            Map<String, Instant> staleSince,
            List<CycleError> errors,
            CycleStats stats) {
        return assemble(
                version,
                now,
                cycleTime,
                outcomes,
                staleSince,
                errors,
                stats,
                SlurmSnapshot.DISABLED,
                List.of(),
                List.of());
    }

    /**
     * As above, with Slurm's view and the alerts of the site's own alerting: the firing ones placed
     * on the estate colour it and join the alerts (and so the incidents), each by its own name and
     * severity; and the forecasts, placed on the estate like alerts, soonest first.
     */
    public HealthSnapshot assemble(
            long version,
            Instant now,
            Duration cycleTime,
            Map<String, CheckOutcome> outcomes,
            Map<String, Instant> staleSince,
            List<CycleError> errors,
            CycleStats stats,
            SlurmSnapshot slurm,
            List<SiteAlert> siteAlerts,
            List<Forecast> forecasts) {
        List<SiteAlert> firing = siteAlerts.stream().filter(a -> a.placed() && a.firing()).toList();
        HealthRollup rollup = new HealthRollup(config, targets, outcomes, unknownState, firing);
        List<Alert> alerts = alerts(outcomes, firing, now);
        return new HealthSnapshot(
                version,
                now,
                cycleTime,
                new HealthSnapshot.Levels(
                        rollup.nodes,
                        rollup.devices,
                        rollup.racks,
                        rollup.aisles,
                        rollup.rooms,
                        rollup.sites,
                        tallies(rollup.nodes, staleSince)),
                new HealthSnapshot.Findings(
                        outcomes, alerts, staleSince, errors, stats, siteAlerts, placed(forecasts)),
                slurm,
                HealthSnapshot.Tracking.of(incidents.group(alerts)));
    }

    /** Each rack's node tally: its CRIT and WARN nodes, and whether it or a node is stale. */
    private Map<String, HealthSnapshot.NodeTally> tallies(
            Map<String, Severity> nodes, Map<String, Instant> staleSince) {
        Map<String, HealthSnapshot.NodeTally> out = new java.util.HashMap<>();
        config.topology()
                .rooms()
                .forEach(
                        room ->
                                room.racks()
                                        .forEach(
                                                rack ->
                                                        out.put(
                                                                rack.key(),
                                                                HealthSnapshot.NodeTally.of(
                                                                        rack.id(),
                                                                        rack.instanceIds(),
                                                                        nodes::get,
                                                                        staleSince::containsKey))));
        return out;
    }

    /** Each forecast about a raw id, once per entity it names (as its alert would be). */
    private List<Forecast> placed(List<Forecast> forecasts) {
        List<Forecast> out = new ArrayList<>();
        List<Alert> at = new ArrayList<>();
        for (Forecast f : forecasts) {
            CheckScope scope = config.check(f.check()).map(Check::scope).orElse(CheckScope.NODE);
            at.clear();
            alerts(
                    config.topology(),
                    scope,
                    f.check(),
                    new CheckResult(
                            f.check(), f.entity(), f.severity(), f.value(), Map.of(), null, false),
                    at);
            at.forEach(a -> out.add(f.placed(a.entity(), a.path(), a.rack(), a.device())));
        }
        out.sort(Comparator.comparingDouble(Forecast::etaSeconds).thenComparing(Forecast::key));
        return out;
    }

    private List<Alert> alerts(
            Map<String, CheckOutcome> outcomes, List<SiteAlert> firing, Instant now) {
        List<Alert> out = new ArrayList<>();
        Topology t = config.topology();
        Map<String, Alert> fromRules = new LinkedHashMap<>();
        for (SiteAlert a : firing) {
            if (a.severity() != Severity.WARN && a.severity() != Severity.CRIT) {
                continue;
            }
            List<Alert> placed = new ArrayList<>();
            alerts(
                    t,
                    a.scope(),
                    a.name(),
                    new CheckResult(
                            a.name(), a.entity(), a.severity(), Double.NaN, Map.of(), now, false),
                    placed);
            // one alert per name and entity: the worst of the series (a rule per disk, say)
            placed.forEach(
                    p ->
                            fromRules.merge(
                                    p.key(),
                                    a.since() == null
                                            ? p.from(a.source(), a.labels())
                                            : p.from(a.source(), a.labels()).since(a.since()),
                                    (x, y) -> y.severity().worseThan(x.severity()) ? y : x));
        }
        out.addAll(fromRules.values());
        outcomes.forEach(
                (checkId, o) -> {
                    CheckScope scope =
                            config.check(checkId).map(Check::scope).orElse(CheckScope.NODE);
                    o.problems()
                            .values()
                            .forEach(
                                    r -> {
                                        if (r.severity() == Severity.WARN
                                                || r.severity() == Severity.CRIT) {
                                            alerts(t, scope, checkId, r, out);
                                        }
                                    });
                });
        if (noData != null) {
            noData.add(outcomes, out);
        }
        out.sort(
                Comparator.comparing(Alert::severity)
                        .reversed()
                        .thenComparing(Alert::path)
                        .thenComparing(Alert::check));
        return out;
    }

    /**
     * The alerts of one failing series: one per entity it names. A rack or chassis series carries
     * only the id, so it fails every rack or device with that id; each alert names its entity by
     * key.
     */
    static void alerts(
            Topology t, CheckScope scope, String checkId, CheckResult r, List<Alert> out) {
        switch (scope) {
            case NODE -> {
                InstancePath p = t.instance(r.entity()).orElse(null);
                out.add(
                        alert(
                                r,
                                checkId,
                                r.entity(),
                                p == null ? r.entity() : p.describe(),
                                p == null ? null : p.rack().key(),
                                p == null ? null : p.device().key()));
            }
            case CHASSIS -> {
                List<Device> all = t.devicesWithId(r.entity());
                if (all.isEmpty()) {
                    out.add(alert(r, checkId, r.entity(), r.entity(), null, null));
                }
                for (Device d : all) {
                    out.add(alert(r, checkId, d.key(), devicePath(t, d), d.rackKey(), d.key()));
                }
            }
            case RACK -> {
                List<Rack> all = t.racksWithId(r.entity());
                if (all.isEmpty()) {
                    out.add(alert(r, checkId, r.entity(), r.entity(), null, null));
                }
                for (Rack k : all) {
                    out.add(alert(r, checkId, k.key(), k.describe(), k.key(), null));
                }
            }
        }
    }

    private static Alert alert(
            CheckResult r, String checkId, String entity, String path, String rack, String device) {
        return new Alert(
                r.severity(), checkId, entity, path, r.value(), r.stale(), rack, device, null);
    }

    private static String devicePath(Topology t, Device d) {
        return t.rack(d.rackKey()).map(r -> r.describe() + " / " + d.id()).orElse(d.id());
    }
}
