package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.Formats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A rack at a glance, for the floor's quick-look panel: its devices by U with their states (a mini
 * elevation), and its failing checks with their values, worst first.
 */
public record QuickLook(
        Rack rack,
        Severity state,
        String facts,
        int uHeight,
        List<DeviceBar> devices,
        List<String> failing) {
    public QuickLook {
        devices = List.copyOf(devices);
        failing = List.copyOf(failing);
    }

    /** A device's place in the rack and its state. */
    public record DeviceBar(String name, int uPosition, int uHeight, Severity state) {}

    static QuickLook of(RackscopeConfig config, HealthSnapshot s, Rack r, int nodes) {
        List<DeviceBar> bars = new ArrayList<>();
        for (Device d : r.devices()) {
            int h =
                    config.templates()
                            .device(d.templateId())
                            .map(DeviceTemplate::uHeight)
                            .orElse(1);
            bars.add(
                    new DeviceBar(
                            d.name(),
                            d.uPosition(),
                            Math.max(1, h),
                            s.devices().getOrDefault(d.key(), Severity.UNKNOWN)));
        }
        List<String> failing = new ArrayList<>();
        List<Alert> alerts = s.alertsOfRack(r.key());
        alerts.stream()
                .sorted(Comparator.comparing(Alert::severity).reversed())
                .limit(12)
                .forEach(
                        a ->
                                failing.add(
                                        a.severity()
                                                + "  "
                                                + config.check(a.check())
                                                        .map(c -> c.name())
                                                        .orElse(a.check())
                                                + "  "
                                                + a.entity()
                                                + (Double.isNaN(a.value())
                                                        ? ""
                                                        : " = " + Formats.value(a.value()))));
        int more = alerts.size() - failing.size();
        if (more > 0) {
            failing.add("… and " + more + " more");
        }
        return new QuickLook(
                r,
                s.rack(r.key()),
                Formats.count(r.devices().size(), "device") + " · " + Formats.count(nodes, "node"),
                r.uHeight(),
                bars,
                failing);
    }
}
