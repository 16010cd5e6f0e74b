package io.rackscope.desktop.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A device (chassis) mounted in a rack at {@code uPosition} (its bottom U, 1-based). */
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
        int line) {
    public Device {
        instances = List.copyOf(instances);
        labels = Map.copyOf(labels);
    }
}
