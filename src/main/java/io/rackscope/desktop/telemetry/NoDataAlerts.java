package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.CheckOutcome;
import io.rackscope.desktop.health.CheckResult;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Losing data is an incident: a node none of whose checks has a sample (or a device without nodes
 * none of whose device checks has one) gives a "no data" alert ({@link Check#NO_DATA}) at {@code
 * alerts.unknown_severity}. A check whose query failed is not "no sample": a Prometheus outage
 * keeps the last known states and says so, it raises no "no data".
 */
final class NoDataAlerts {
    private final Topology topology;
    private final Severity severity;

    /** How many checks watch each node (node scope) and each device without nodes (chassis). */
    private final Map<String, Integer> watchedBy = new HashMap<>();

    NoDataAlerts(RackscopeConfig config, CheckTargets targets) {
        this.topology = config.topology();
        this.severity = config.app().alerts().unknownSeverity();
        for (Check c : config.checks().values()) {
            if (c.scope() == CheckScope.RACK) {
                continue;
            }
            for (String e : targets.of(c)) {
                if (c.scope() == CheckScope.NODE || deviceWithoutNodes(e)) {
                    watchedBy.merge(e, 1, Integer::sum);
                }
            }
        }
    }

    private boolean deviceWithoutNodes(String id) {
        List<Device> all = topology.devicesWithId(id);
        return !all.isEmpty() && all.stream().allMatch(d -> d.instances().isEmpty());
    }

    /** Adds to {@code out} one alert per entity without a sample of any of its checks. */
    void add(Map<String, CheckOutcome> outcomes, List<Alert> out) {
        Map<String, Integer> silent = new HashMap<>();
        for (CheckOutcome o : outcomes.values()) {
            for (String e : o.absent()) {
                if (!o.unevaluated().contains(e) && watchedBy.containsKey(e)) {
                    silent.merge(e, 1, Integer::sum);
                }
            }
        }
        silent.forEach(
                (entity, checks) -> {
                    if (checks.equals(watchedBy.get(entity))) {
                        alert(entity, out);
                    }
                });
    }

    private void alert(String entity, List<Alert> out) {
        boolean node = topology.instance(entity).isPresent();
        SnapshotAssembler.alerts(
                topology,
                node ? CheckScope.NODE : CheckScope.CHASSIS,
                Check.NO_DATA,
                new CheckResult(Check.NO_DATA, entity, severity, Double.NaN, Map.of(), null, false),
                out);
    }
}
