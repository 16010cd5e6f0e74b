package io.rackscope.desktop.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A device (chassis) mounted in a rack at {@code uPosition} (its bottom U, 1-based). As with racks,
 * {@code id} is what its series carry; {@code key} names it in the estate (the id, or {@code
 * site/room/rack/device} when the id repeats), and {@code rackKey} is its rack's key.
 */
public record Device(
        String id,
        String name,
        String templateId,
        int uPosition,
        Face face,
        List<InstanceSlot> instances,
        Map<String, String> labels,
        String rackId,
        Path file,
        int line,
        String rackKey,
        String key) {
    public Device {
        instances = List.copyOf(instances);
        labels = Map.copyOf(labels);
    }

    Device keyed(String rackKey, String key) {
        return new Device(
                id,
                name,
                templateId,
                uPosition,
                face,
                instances,
                labels,
                rackId,
                file,
                line,
                rackKey,
                key);
    }

    /** Its node instances' ids, slot by slot. */
    public List<String> instanceIds() {
        return instances.stream().map(InstanceSlot::instanceId).toList();
    }

    /** {@code true} when its id is shared with another device, so that the key is a path. */
    public boolean repeated() {
        return !key.equals(id);
    }
}
