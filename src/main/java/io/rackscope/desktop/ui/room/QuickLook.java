package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.ForecastText;
import io.rackscope.desktop.ui.Formats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A rack at a glance, for the floor's quick-look panel: its devices by U with their states (a mini
 * elevation), its failing checks with their values, worst first, and what its forecasts say,
 * soonest first.
 */
public record QuickLook(
        Rack rack,
        Severity state,
        String facts,
        int uHeight,
        List<DeviceBar> devices,
        List<String> failing,
        Handled handled,
        List<String> forecasts) {
    public QuickLook {
        devices = List.copyOf(devices);
        failing = List.copyOf(failing);
        forecasts = List.copyOf(forecasts);
    }

    /** A device's place in the rack and its state. */
    public record DeviceBar(String name, int uPosition, int uHeight, Severity state) {}

    /**
     * {@code handled}: how its alerts are handled when every one of them is (its state keeps its
     * true colour; the panel says by whom), else null. A failing line is tagged when its alert is.
     */
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
                                                + config.checkName(a.check())
                                                + "  "
                                                + a.entity()
                                                + (Double.isNaN(a.value())
                                                        ? ""
                                                        : " = " + Formats.value(a.value()))
                                                + tag(s.handling().alert(a))));
        int more = alerts.size() - failing.size();
        if (more > 0) {
            failing.add("… and " + more + " more");
        }
        Handled all = null;
        for (Alert a : alerts) {
            Handled h = s.handling().alert(a);
            if (h == null) {
                all = null;
                break;
            }
            all = all == null || h.acknowledged() ? h : all;
        }
        return new QuickLook(
                r,
                s.rack(r.key()),
                Formats.count(r.devices().size(), "device") + " · " + Formats.count(nodes, "node"),
                r.uHeight(),
                bars,
                failing,
                all,
                s.forecasts().stream()
                        .filter(f -> r.key().equals(f.rack()))
                        .limit(5)
                        .map(f -> ForecastText.sentence(f, config.checkName(f.check())))
                        .toList());
    }

    private static String tag(Handled h) {
        if (h == null) {
            return "";
        }
        return h.acknowledged() ? "  (ack " + h.by() + ")" : "  (maintenance)";
    }
}
