package io.rackscope.desktop.topology;

import java.util.List;

/**
 * A row of racks; its id is unique only within its room, so {@link #key()} is {@code
 * site/room/aisle}.
 */
public record Aisle(String siteId, String roomId, String id, String name, List<Rack> racks) {
    public Aisle {
        racks = List.copyOf(racks);
    }

    public String key() {
        return siteId + "/" + roomId + "/" + id;
    }
}
