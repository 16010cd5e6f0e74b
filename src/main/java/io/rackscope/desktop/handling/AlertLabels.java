package io.rackscope.desktop.handling;

import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels the app gives every alert, for silences to match: {@code rackscope_site}, {@code
 * rackscope_room}, {@code rackscope_aisle}, {@code rackscope_rack}, {@code rackscope_device},
 * {@code rackscope_check} (with {@code rackscope_rack_key} and {@code rackscope_device_key}: the
 * key, which differs from the id where ids repeat) and, for a node's alert, the identity label
 * ({@code instance}) with the node's id; an alert of the site's own rules adds its own labels.
 */
public final class AlertLabels {
    private final Topology topology;
    private final String identityLabel;

    public AlertLabels(Topology topology, String identityLabel) {
        this.topology = topology;
        this.identityLabel = identityLabel == null ? "instance" : identityLabel;
    }

    public Map<String, String> of(Alert a) {
        // a rule's alert carries its own labels too: a silence made for it elsewhere (Karma's
        // ACK!, amtool) matches them
        Map<String, String> out = new HashMap<>(a.labels());
        out.put("rackscope_check", a.check());
        Optional<Rack> rack =
                a.rack() != null ? topology.rack(a.rack()) : topology.rack(a.entity());
        rack.ifPresent(
                r -> {
                    out.put("rackscope_site", r.siteId());
                    out.put("rackscope_room", r.roomId());
                    if (r.aisleId() != null) {
                        out.put("rackscope_aisle", r.aisleId());
                    }
                    out.put("rackscope_rack", r.id());
                    out.put("rackscope_rack_key", r.key());
                });
        topology.device(a.device() != null ? a.device() : a.entity())
                .ifPresent(
                        d -> {
                            out.put("rackscope_device", d.id());
                            out.put("rackscope_device_key", d.key());
                        });
        if (topology.instance(a.entity()).isPresent()) {
            out.put(identityLabel, a.entity());
            out.put("instance", a.entity());
        }
        return out;
    }

    /** The place an entity is: a node (instance), a device or a rack. */
    /** Whether {@code entity} is a node (an instance of a device). */
    public boolean isNode(String entity) {
        return topology.instance(entity).isPresent();
    }

    public Target targetOf(String entity) {
        if (topology.instance(entity).isPresent()) {
            return new Target(Target.Type.INSTANCE, entity);
        }
        if (topology.device(entity).isPresent()) {
            return new Target(Target.Type.DEVICE, entity);
        }
        return new Target(Target.Type.RACK, entity);
    }
}
