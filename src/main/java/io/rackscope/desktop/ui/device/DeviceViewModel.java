package io.rackscope.desktop.ui.device;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.telemetry.CheckOutcome;
import io.rackscope.desktop.telemetry.CheckResult;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.ui.AppContext;
import io.rackscope.desktop.ui.Subscriptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A device's checks for each of its instances (and the chassis), with states from the snapshot and
 * the current values of healthy checks fetched on demand, since the filtered cycle leaves those at
 * Prometheus.
 */
public final class DeviceViewModel {
    private final AppContext ctx;
    private final Device device;
    private final List<Check> checks;
    private final Map<String, ReadOnlyObjectWrapper<List<CheckRow>>> rows = new LinkedHashMap<>();
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final Subscriptions subscriptions = new Subscriptions();

    public DeviceViewModel(AppContext ctx, Device device) {
        this.ctx = ctx;
        this.device = device;
        this.checks = ctx.config().checksFor(device);
        for (String entity : entities()) {
            rows.put(entity, new ReadOnlyObjectWrapper<>(List.of()));
        }
        subscriptions.onChange(ctx.feed().snapshotProperty(), (o, a, s) -> refresh(s));
        refresh(ctx.feed().current());
    }

    /** The instances of the device, or the device itself when it has none. */
    public List<String> entities() {
        List<String> out = new ArrayList<>();
        device.instances().stream().map(InstanceSlot::instanceId).forEach(out::add);
        if (out.isEmpty()) {
            out.add(device.id());
        }
        return out;
    }

    public Device device() {
        return device;
    }

    public ReadOnlyObjectProperty<List<CheckRow>> rows(String entity) {
        return rows.get(entity).getReadOnlyProperty();
    }

    private void refresh(HealthSnapshot s) {
        rebuild(s);
        if (ctx.planner() == null) {
            return;
        }
        for (Check c : checks) {
            List<String> ids =
                    c.scope() == CheckScope.NODE
                            ? device.instances().stream().map(InstanceSlot::instanceId).toList()
                            : c.scope() == CheckScope.CHASSIS
                                    ? List.of(device.id())
                                    : List.of(device.rackId());
            if (ids.isEmpty()) {
                continue;
            }
            ctx.planner()
                    .currentValues(c, ids)
                    .thenAccept(
                            v -> {
                                v.forEach((id, value) -> values.put(c.id() + "/" + id, value));
                                Platform.runLater(() -> rebuild(ctx.feed().current()));
                            });
        }
    }

    private void rebuild(HealthSnapshot s) {
        for (String entity : rows.keySet()) {
            List<CheckRow> list = new ArrayList<>();
            for (Check c : checks) {
                String target =
                        switch (c.scope()) {
                            case NODE -> entity;
                            case CHASSIS -> device.id();
                            case RACK -> device.rackId();
                        };
                list.add(row(s, c, target));
            }
            if (!list.equals(rows.get(entity).get())) {
                rows.get(entity).set(List.copyOf(list));
            }
        }
    }

    private CheckRow row(HealthSnapshot s, Check c, String target) {
        CheckOutcome o = s.checks().get(c.id());
        Severity sev = Severity.UNKNOWN;
        double value = values.getOrDefault(c.id() + "/" + target, Double.NaN);
        boolean stale = false;
        if (o != null) {
            CheckResult r = o.problems().get(target);
            if (r != null) {
                sev = r.severity();
                stale = r.stale();
                if (!Double.isNaN(r.value())) {
                    value = r.value();
                }
            } else {
                sev = o.absent().contains(target) ? Severity.UNKNOWN : Severity.OK;
            }
        }
        return new CheckRow(
                c.id(),
                c.name(),
                sev,
                value,
                c.scope().name().toLowerCase(Locale.ROOT),
                ctx.alerts().since(c.id(), target),
                stale);
    }

    /** The worst state of each entity, for tab headers. */
    public Map<String, Severity> states() {
        Map<String, Severity> out = new HashMap<>();
        HealthSnapshot s = ctx.feed().current();
        for (String e : rows.keySet()) {
            out.put(
                    e,
                    device.instances().isEmpty()
                            ? s.devices().getOrDefault(device.id(), Severity.UNKNOWN)
                            : s.node(e));
        }
        return out;
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
