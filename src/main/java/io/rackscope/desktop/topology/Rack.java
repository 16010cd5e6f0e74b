package io.rackscope.desktop.topology;

import java.nio.file.Path;
import java.util.List;

/** A rack; {@code aisleId} is null for a standalone rack. */
public record Rack(
        String id,
        String name,
        int uHeight,
        String templateId,
        List<Device> devices,
        String siteId,
        String roomId,
        String aisleId,
        Path file,
        int line) {
    public Rack {
        devices = List.copyOf(devices);
    }

    public String roomKey() {
        return Room.key(siteId, roomId);
    }
}
