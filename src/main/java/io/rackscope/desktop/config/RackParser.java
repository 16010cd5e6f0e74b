package io.rackscope.desktop.config;

import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.topology.Rack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a rack's YAML (a rack file or an inline rack) into a {@link Rack} with its devices and
 * instances.
 */
final class RackParser {
    private static final KnownKeys RACK =
            KnownKeys.of(
                    "id",
                    "name",
                    "description",
                    "u_height",
                    "template_id",
                    "devices",
                    "site_id",
                    "room_id",
                    "aisle_id",
                    "x",
                    "y",
                    "rotation",
                    "labels",
                    "power_budget_w");
    private static final KnownKeys DEVICE =
            KnownKeys.of(
                    "id",
                    "name",
                    "description",
                    "template_id",
                    "u_position",
                    "face",
                    "instance",
                    "nodes",
                    "labels");
    private final Diagnostics diagnostics;
    private final Values values;

    RackParser(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.values = new Values(diagnostics);
    }

    Rack parse(
            YamlNode.Mapping m, String fallbackId, String siteId, String roomId, String aisleId) {
        String id = m.text("id", fallbackId);
        checkId(m, "rack", id);
        RACK.check(m, "rack '" + id + "'", diagnostics);
        int u = values.integer(m, "u_height", "u_height", 42);
        if (u < 1 || u > 60) {
            diagnostics.error(
                    m.at("u_height"),
                    "rack '"
                            + id
                            + "' has u_height "
                            + u
                            + "; it must be between 1 and 60 (42 is used)");
            u = 42;
        }
        List<Device> devices = new ArrayList<>();
        for (YamlNode n : m.list("devices")) {
            if (n instanceof YamlNode.Mapping d) {
                Device device = device(d, id);
                if (device != null) {
                    devices.add(device);
                }
            } else {
                diagnostics.error(
                        n,
                        "rack '"
                                + id
                                + "' lists a device that is not a block of settings; it was skipped");
            }
        }
        return new Rack(
                id,
                m.text("name", id),
                u,
                m.text("template_id", null),
                devices,
                siteId,
                roomId,
                aisleId,
                m.file(),
                m.line(),
                id,
                positive(m, "power_budget_w", "rack '" + id + "'"));
    }

    /** An optional positive number; NaN when absent or not one (said with file and line). */
    private double positive(YamlNode.Mapping m, String key, String where) {
        Double v = values.number(m, key, key);
        if (v != null && !(v > 0)) {
            diagnostics.error(m.at(key), where + ": " + key + " must be above 0; it is ignored");
            return Double.NaN;
        }
        return v == null ? Double.NaN : v;
    }

    private Device device(YamlNode.Mapping d, String rackId) {
        String id = d.text("id", null);
        if (id == null || id.isBlank()) {
            diagnostics.error(d, "a device in rack '" + rackId + "' has no id; it was skipped");
            return null;
        }
        checkId(d, "device", id);
        DEVICE.check(d, "device '" + id + "'", diagnostics);
        String template = d.text("template_id", null);
        if (template == null) {
            diagnostics.error(
                    d,
                    "device '" + id + "' has no template_id, so its size and checks are unknown");
        }
        int u = values.integer(d, "u_position", "u_position", 1);
        Map<String, String> labels = d.textMap("labels");
        YamlNode instanceNode =
                d.has("instance") ? d.at("instance") : d.has("nodes") ? d.at("nodes") : null;
        return new Device(
                id,
                d.text("name", id),
                template,
                u,
                Face.parse(d.text("face", "front")),
                instances(id, instanceNode),
                labels,
                rackId,
                d.file(),
                d.line(),
                rackId,
                id);
    }

    private List<InstanceSlot> instances(String deviceId, YamlNode node) {
        List<InstanceSlot> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node instanceof YamlNode.Mapping map) {
            map.entries()
                    .forEach(
                            (slot, value) -> {
                                try {
                                    if (value instanceof YamlNode.Scalar s && !s.isNull()) {
                                        out.add(
                                                new InstanceSlot(
                                                        Integer.parseInt(slot.trim()), s.value()));
                                    }
                                } catch (NumberFormatException e) {
                                    diagnostics.error(
                                            value,
                                            "device '"
                                                    + deviceId
                                                    + "' maps slot '"
                                                    + slot
                                                    + "', which is not a slot number");
                                }
                            });
            return out;
        }
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Scalar s) || s.isNull()) {
                diagnostics.error(
                        item, "device '" + deviceId + "' has an instance entry that is not a name");
                continue;
            }
            try {
                for (String id : Ids.expand(s.value().trim())) {
                    out.add(new InstanceSlot(out.size() + 1, id));
                }
            } catch (IllegalArgumentException e) {
                diagnostics.error(item, "device '" + deviceId + "': " + e.getMessage());
            }
        }
        return out;
    }

    private void checkId(YamlNode.Mapping m, String kind, String id) {
        if (!Ids.VALID.matcher(id).matches()) {
            diagnostics.warning(
                    m.at("id"),
                    "the "
                            + kind
                            + " id '"
                            + id
                            + "' should be lower-case letters, digits, '.', '_' or '-' (at most 128)");
        }
    }
}
