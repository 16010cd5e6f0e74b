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
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
                SlurmSnapshot.DISABLED);
    }

    public HealthSnapshot assemble(
            long version,
            Instant now,
            Duration cycleTime,
            Map<String, CheckOutcome> outcomes,
            Map<String, Instant> staleSince,
            List<CycleError> errors,
            CycleStats stats,
            SlurmSnapshot slurm) {
        HealthRollup rollup = new HealthRollup(config, targets, outcomes, unknownState);
        List<Alert> alerts = alerts(outcomes);
        return new HealthSnapshot(
                version,
                now,
                cycleTime,
                Map.copyOf(rollup.nodes),
                Map.copyOf(rollup.devices),
                Map.copyOf(rollup.racks),
                Map.copyOf(rollup.aisles),
                Map.copyOf(rollup.rooms),
                Map.copyOf(rollup.sites),
                Map.copyOf(outcomes),
                alerts,
                Map.copyOf(staleSince),
                List.copyOf(errors),
                stats,
                slurm,
                List.of(),
                incidents.group(alerts),
                List.of());
    }

    private List<Alert> alerts(Map<String, CheckOutcome> outcomes) {
        List<Alert> out = new ArrayList<>();
        Topology t = config.topology();
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
                                            out.add(alert(t, scope, checkId, r));
                                        }
                                    });
                });
        out.sort(
                Comparator.comparing(Alert::severity)
                        .reversed()
                        .thenComparing(Alert::path)
                        .thenComparing(Alert::check));
        return out;
    }

    private static Alert alert(Topology t, CheckScope scope, String checkId, CheckResult r) {
        String rack = null;
        String device = null;
        switch (scope) {
            case NODE -> {
                InstancePath p = t.instance(r.entity()).orElse(null);
                rack = p == null ? null : p.rack().id();
                device = p == null ? null : p.device().id();
            }
            case CHASSIS -> {
                device = t.device(r.entity()).map(Device::id).orElse(null);
                rack = t.device(r.entity()).map(Device::rackId).orElse(null);
            }
            case RACK -> rack = t.rack(r.entity()).map(Rack::id).orElse(null);
        }
        return new Alert(
                r.severity(),
                checkId,
                r.entity(),
                path(t, scope, r.entity()),
                r.value(),
                r.stale(),
                rack,
                device,
                null);
    }

    static String path(Topology t, CheckScope scope, String entity) {
        return switch (scope) {
            case NODE -> t.instance(entity).map(p -> p.describe()).orElse(entity);
            case CHASSIS ->
                    t.device(entity)
                            .flatMap(d -> t.rack(d.rackId()).map(r -> rackPath(r) + " / " + d.id()))
                            .orElse(entity);
            case RACK -> t.rack(entity).map(SnapshotAssembler::rackPath).orElse(entity);
        };
    }

    private static String rackPath(Rack r) {
        return r.siteId()
                + " / "
                + r.roomId()
                + (r.aisleId() == null ? "" : " / " + r.aisleId())
                + " / "
                + r.id();
    }
}
