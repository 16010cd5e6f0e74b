package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.CheckOutcome;
import io.rackscope.desktop.health.CheckResult;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.topology.Aisle;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Site;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rolls check outcomes up the tree: node -> device -> rack -> aisle -> room -> site, CRIT > WARN >
 * UNKNOWN > OK. A node is UNKNOWN only when no check returned a sample for it. A rack takes the
 * worst of its nodes when that is WARN or CRIT; otherwise it is combined with its rack checks, and
 * a rack with no data at all is UNKNOWN.
 */
final class HealthRollup {
    final Map<String, Severity> nodes = new HashMap<>();
    final Map<String, Severity> devices = new HashMap<>();
    final Map<String, Severity> racks = new HashMap<>();
    final Map<String, Severity> aisles = new HashMap<>();
    final Map<String, Severity> rooms = new HashMap<>();
    final Map<String, Severity> sites = new HashMap<>();

    HealthRollup(
            RackscopeConfig cfg,
            CheckTargets targets,
            Map<String, CheckOutcome> outcomes,
            Severity unknownState,
            List<SiteAlert> firing) {
        Map<CheckScope, Map<String, Severity>> worst = new HashMap<>();
        Map<CheckScope, Set<String>> withData = new HashMap<>();
        for (CheckScope s : CheckScope.values()) {
            worst.put(s, new HashMap<>());
            withData.put(s, new HashSet<>());
        }
        for (Check check : cfg.checks().values()) {
            CheckOutcome o = outcomes.get(check.id());
            if (o == null) {
                continue;
            }
            Map<String, Severity> w = worst.get(check.scope());
            Set<String> data = withData.get(check.scope());
            for (String id : targets.of(check)) {
                if (!o.absent().contains(id)) {
                    data.add(id);
                    CheckResult r = o.problems().get(id);
                    w.merge(id, r == null ? Severity.OK : r.severity(), Severity::worst);
                }
            }
        }
        // a firing rule alert is data about what it names: it says at least its severity
        for (SiteAlert a : firing) {
            worst.get(a.scope()).merge(a.entity(), a.severity(), Severity::worst);
            withData.get(a.scope()).add(a.entity());
        }
        for (Site site : cfg.topology().sites()) {
            Severity siteState = null;
            for (Room room : site.rooms()) {
                Severity roomState = null;
                for (Aisle aisle : room.aisles()) {
                    Severity aisleState = null;
                    for (Rack rack : aisle.racks()) {
                        aisleState = worstOf(aisleState, rack(rack, worst, withData, unknownState));
                    }
                    aisles.put(aisle.key(), aisleState == null ? unknownState : aisleState);
                    roomState = worstOf(roomState, aisleState);
                }
                for (Rack rack : room.standaloneRacks()) {
                    roomState = worstOf(roomState, rack(rack, worst, withData, unknownState));
                }
                rooms.put(room.key(), roomState == null ? unknownState : roomState);
                siteState = worstOf(siteState, roomState);
            }
            sites.put(site.id(), siteState == null ? unknownState : siteState);
        }
    }

    private Severity rack(
            Rack rack,
            Map<CheckScope, Map<String, Severity>> worst,
            Map<CheckScope, Set<String>> withData,
            Severity unknownState) {
        Severity dataWorst = null;
        boolean someUnknown = false;
        for (Device device : rack.devices()) {
            Severity deviceState = worst.get(CheckScope.CHASSIS).get(device.id());
            boolean hasData = deviceState != null;
            for (InstanceSlot slot : device.instances()) {
                String id = slot.instanceId();
                boolean known = withData.get(CheckScope.NODE).contains(id);
                Severity n = known ? worst.get(CheckScope.NODE).get(id) : unknownState;
                nodes.merge(id, n, Severity::worst);
                hasData |= known;
                deviceState = worstOf(deviceState, n);
            }
            devices.merge(
                    device.key(),
                    deviceState == null ? unknownState : deviceState,
                    Severity::worst);
            if (hasData) {
                dataWorst = worstOf(dataWorst, deviceState);
            } else {
                someUnknown |= !device.instances().isEmpty();
            }
        }
        Severity rackChecks = worst.get(CheckScope.RACK).get(rack.id());
        Severity state;
        if (dataWorst == null) {
            state = rackChecks == null ? unknownState : rackChecks;
        } else {
            state = worstOf(dataWorst, rackChecks);
            if (someUnknown) {
                state = Severity.worst(state, unknownState);
            }
        }
        racks.put(rack.key(), state);
        return state;
    }

    private static Severity worstOf(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Severity.worst(a, b);
    }
}
