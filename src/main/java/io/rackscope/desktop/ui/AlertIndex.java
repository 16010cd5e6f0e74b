package io.rackscope.desktop.ui;

import io.rackscope.desktop.telemetry.Alert;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A snapshot's alerts by the rack and the device they are in, for tooltips and device views. */
public final class AlertIndex {
    private final long version;
    private final Map<String, List<Alert>> byRack = new HashMap<>();
    private final Map<String, List<Alert>> byDevice = new HashMap<>();

    AlertIndex(HealthSnapshot s, Topology t) {
        this.version = s.version();
        for (Alert a : s.alerts()) {
            String entity = a.entity();
            t.instance(entity)
                    .ifPresentOrElse(
                            p -> {
                                add(byRack, p.rack().id(), a);
                                add(byDevice, p.device().id(), a);
                            },
                            () ->
                                    t.device(entity)
                                            .ifPresentOrElse(
                                                    d -> {
                                                        add(byRack, d.rackId(), a);
                                                        add(byDevice, d.id(), a);
                                                    },
                                                    () -> add(byRack, entity, a)));
        }
    }

    private static void add(Map<String, List<Alert>> m, String key, Alert a) {
        m.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }

    long version() {
        return version;
    }

    public List<Alert> rack(String rackId) {
        return byRack.getOrDefault(rackId, List.of());
    }

    public List<Alert> device(Device d) {
        return byDevice.getOrDefault(d.id(), List.of());
    }
}
