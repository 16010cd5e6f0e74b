package io.rackscope.desktop.config;

import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.RackTemplate;
import io.rackscope.desktop.topology.Site;
import io.rackscope.desktop.topology.TemplateCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the whole configuration at once: template, check and metric ids that do not
 * exist, devices that do not fit their rack or overlap, a device id twice in one rack; device ids
 * repeated across racks and instances claimed twice are warnings.
 */
final class ReferenceValidator {
    private final Diagnostics diagnostics;
    private final Map<String, YamlNode> rejectedChecks;

    /** {@code rejectedChecks}: checks defined but rejected, where; their users point there. */
    ReferenceValidator(Diagnostics diagnostics, Map<String, YamlNode> rejectedChecks) {
        this.diagnostics = diagnostics;
        this.rejectedChecks = rejectedChecks;
    }

    void validate(
            List<Site> sites,
            TemplateCatalog templates,
            Map<String, YamlNode> templateOrigins,
            Set<String> checkIds,
            Set<String> metricIds) {
        templateReferences(templates, templateOrigins, checkIds, metricIds);
        Map<String, Device> devices = new HashMap<>();
        Map<String, Device> instanceOwners = new HashMap<>();
        Map<String, List<Device>> repeatedDevices = new LinkedHashMap<>();
        sites.stream()
                .flatMap(s -> s.rooms().stream())
                .flatMap(r -> r.racks())
                .forEach(
                        rack -> {
                            overBudget(rack, templates);
                            if (rack.templateId() != null
                                    && templates.rack(rack.templateId()).isEmpty()) {
                                diagnostics.error(
                                        rack.file(),
                                        rack.line(),
                                        "rack '"
                                                + rack.id()
                                                + "' uses the rack template '"
                                                + rack.templateId()
                                                + "', which is not defined");
                            }
                            for (Device d : rack.devices()) {
                                Device first = devices.putIfAbsent(d.key(), d);
                                if (first != null) {
                                    diagnostics.error(
                                            d.file(),
                                            d.line(),
                                            "the device id '"
                                                    + d.id()
                                                    + "' is already used in the same rack at "
                                                    + first.file()
                                                    + ":"
                                                    + first.line());
                                } else if (d.repeated()) {
                                    repeatedDevices
                                            .computeIfAbsent(d.id(), k -> new ArrayList<>())
                                            .add(d);
                                }
                                for (InstanceSlot slot : d.instances()) {
                                    Device owner = instanceOwners.putIfAbsent(slot.instanceId(), d);
                                    if (owner != null && owner != d) {
                                        diagnostics.warning(
                                                d.file(),
                                                d.line(),
                                                "the instance '"
                                                        + slot.instanceId()
                                                        + "' is claimed by device '"
                                                        + d.key()
                                                        + "' here and by device '"
                                                        + owner.key()
                                                        + "' at "
                                                        + owner.file()
                                                        + ":"
                                                        + owner.line()
                                                        + "; its state shows on both");
                                    }
                                }
                            }
                            placement(rack, templates);
                        });
        repeatedDevices.forEach(this::repeatedDevice);
    }

    /**
     * One warning per device id used in several racks, unless those racks share an id too (copies
     * of one rack, already warned about with the rack).
     */
    private void repeatedDevice(String id, List<Device> all) {
        if (all.stream().map(Device::rackId).distinct().count() == 1) {
            return;
        }
        Places.warnRepeated(
                diagnostics,
                "device",
                "chassis-scope",
                id,
                all,
                Device::key,
                Device::file,
                Device::line,
                "");
    }

    private void templateReferences(
            TemplateCatalog templates,
            Map<String, YamlNode> origins,
            Set<String> checkIds,
            Set<String> metricIds) {
        for (DeviceTemplate t : templates.devices().values()) {
            YamlNode.Mapping at = (YamlNode.Mapping) origins.get("device template:" + t.id());
            unknown(
                    at,
                    "checks",
                    "device template '" + t.id() + "'",
                    "check",
                    t.checks(),
                    checkIds);
            unknown(
                    at,
                    "metrics",
                    "device template '" + t.id() + "'",
                    "metric",
                    t.metrics(),
                    metricIds);
        }
        for (RackTemplate t : templates.racks().values()) {
            YamlNode.Mapping at = (YamlNode.Mapping) origins.get("rack template:" + t.id());
            unknown(at, "checks", "rack template '" + t.id() + "'", "check", t.checks(), checkIds);
            for (RackTemplate.ComponentRef c : t.components()) {
                if (templates.component(c.templateId()).isEmpty()) {
                    diagnostics.error(
                            at.at("infrastructure"),
                            "rack template '"
                                    + t.id()
                                    + "' mounts the component template '"
                                    + c.templateId()
                                    + "', which is not defined");
                }
            }
        }
        templates
                .components()
                .values()
                .forEach(
                        t -> {
                            YamlNode.Mapping at =
                                    (YamlNode.Mapping)
                                            origins.get("rack component template:" + t.id());
                            unknown(
                                    at,
                                    "checks",
                                    "rack component template '" + t.id() + "'",
                                    "check",
                                    t.checks(),
                                    checkIds);
                            unknown(
                                    at,
                                    "metrics",
                                    "rack component template '" + t.id() + "'",
                                    "metric",
                                    t.metrics(),
                                    metricIds);
                        });
    }

    private void unknown(
            YamlNode.Mapping at,
            String key,
            String owner,
            String kind,
            List<String> ids,
            Set<String> known) {
        for (String id : ids) {
            YamlNode rejected = kind.equals("check") ? rejectedChecks.get(id) : null;
            if (!known.contains(id) && rejected != null) {
                diagnostics.warning(
                        at.at(key),
                        owner
                                + " lists the check '"
                                + id
                                + "', which was rejected (see "
                                + rejected.file().getFileName()
                                + ":"
                                + rejected.line()
                                + "); it is not evaluated");
            } else if (!known.contains(id)) {
                diagnostics.warning(
                        at.at(key),
                        owner
                                + " lists the "
                                + kind
                                + " '"
                                + id
                                + "', which is not defined; it is not "
                                + (kind.equals("check") ? "evaluated" : "charted"));
            }
        }
    }

    private void placement(Rack rack, TemplateCatalog templates) {
        Map<Face, Device[]> used = new HashMap<>();
        for (Device d : rack.devices()) {
            DeviceTemplate t = templates.device(d.templateId()).orElse(null);
            if (t == null) {
                if (d.templateId() != null) {
                    diagnostics.error(
                            d.file(),
                            d.line(),
                            "device '"
                                    + d.id()
                                    + "' uses the template '"
                                    + d.templateId()
                                    + "', which is not defined");
                }
                continue;
            }
            int top = d.uPosition() + t.uHeight() - 1;
            if (d.uPosition() < 1 || top > rack.uHeight()) {
                diagnostics.error(
                        d.file(),
                        d.line(),
                        "device '"
                                + d.id()
                                + "' occupies U"
                                + d.uPosition()
                                + "-U"
                                + top
                                + ", outside rack '"
                                + rack.id()
                                + "' (U1-U"
                                + rack.uHeight()
                                + ")");
                continue;
            }
            Device[] slots = used.computeIfAbsent(d.face(), f -> new Device[rack.uHeight() + 1]);
            for (int u = d.uPosition(); u <= top; u++) {
                if (slots[u] != null) {
                    diagnostics.error(
                            d.file(),
                            d.line(),
                            "device '"
                                    + d.id()
                                    + "' overlaps device '"
                                    + slots[u].id()
                                    + "' at U"
                                    + u
                                    + " on the "
                                    + d.face().name().toLowerCase()
                                    + " of rack '"
                                    + rack.id()
                                    + "'");
                    break;
                }
                slots[u] = d;
            }
        }
    }

    /**
     * A rack whose devices' nameplates ({@code power_w}) add up to more than its {@code
     * power_budget_w}: a warning with its file and line (a measured peak over it is the capacity
     * table's to say: checking the configuration asks no Prometheus).
     */
    private void overBudget(Rack rack, TemplateCatalog templates) {
        if (!rack.budgeted()) {
            return;
        }
        double sum = 0;
        for (Device d : rack.devices()) {
            double w = templates.device(d.templateId()).map(t -> t.powerWatts()).orElse(Double.NaN);
            sum += Double.isNaN(w) ? 0 : w;
        }
        if (sum > rack.powerBudgetWatts()) {
            diagnostics.warning(
                    rack.file(),
                    rack.line(),
                    String.format(
                            java.util.Locale.ROOT,
                            "rack '%s' is over its power budget: its devices' nameplates (power_w)"
                                    + " add up to %,.0f W, its power_budget_w is %,.0f W",
                            rack.id(),
                            sum,
                            rack.powerBudgetWatts()));
        }
    }
}
