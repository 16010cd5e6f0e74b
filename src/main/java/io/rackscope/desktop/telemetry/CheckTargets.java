package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which entities each check is about (template-scoped: a device's template lists the check), and
 * the ids related to a batch for placeholders other than the one the check is batched on.
 */
public final class CheckTargets {
    private final Map<String, Set<String>> targets = new LinkedHashMap<>();
    private final Topology topology;

    public CheckTargets(RackscopeConfig cfg) {
        this.topology = cfg.topology();
        for (Rack rack : topology.racks()) {
            for (Device device : rack.devices()) {
                cfg.checksFor(device).forEach(check -> add(check, rack, List.of(device)));
            }
            cfg.checksFor(rack).forEach(check -> add(check, rack, rack.devices()));
        }
    }

    /**
     * Targets as the templates say, except that {@code check}, if no template lists it, is about
     * every entity of its scope (a check being tried before any template names it).
     */
    public static CheckTargets orEveryOfScope(RackscopeConfig cfg, Check check) {
        CheckTargets t = new CheckTargets(cfg);
        if (!t.targets.containsKey(check.id())) {
            for (Rack rack : t.topology.racks()) {
                t.add(check, rack, rack.devices());
            }
        }
        return t;
    }

    /** Adds the entities of {@code check}'s scope among {@code devices} (or their rack). */
    private void add(Check check, Rack rack, List<Device> devices) {
        Set<String> ids = targets.computeIfAbsent(check.id(), k -> new LinkedHashSet<>());
        switch (check.scope()) {
            case NODE -> devices.forEach(d -> d.instances().forEach(s -> ids.add(s.instanceId())));
            case CHASSIS -> devices.forEach(d -> ids.add(d.id()));
            case RACK -> ids.add(rack.id());
        }
    }

    public List<String> of(Check check) {
        return new ArrayList<>(targets.getOrDefault(check.id(), Set.of()));
    }

    /** The ids of {@code wanted} scope that belong to a batch of {@code scope} ids. */
    Collection<String> related(CheckScope scope, List<String> batch, CheckScope wanted) {
        if (scope == wanted) {
            return batch;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : batch) {
            switch (scope) {
                case NODE -> topology.instance(id).ifPresent(p -> add(out, p, wanted));
                case CHASSIS -> topology.devicesWithId(id).forEach(d -> addDevice(out, d, wanted));
                case RACK ->
                        topology.racksWithId(id)
                                .forEach(r -> r.devices().forEach(d -> addDevice(out, d, wanted)));
            }
        }
        return out;
    }

    private static void add(Set<String> out, InstancePath p, CheckScope wanted) {
        out.add(wanted == CheckScope.RACK ? p.rack().id() : p.device().id());
    }

    private static void addDevice(Set<String> out, Device d, CheckScope wanted) {
        switch (wanted) {
            case NODE -> out.addAll(d.instanceIds());
            case CHASSIS -> out.add(d.id());
            case RACK -> out.add(d.rackId());
        }
    }
}
