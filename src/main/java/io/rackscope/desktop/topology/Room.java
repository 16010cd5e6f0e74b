package io.rackscope.desktop.topology;

import java.util.List;
import java.util.stream.Stream;

/** A room; its id is unique only within its site, so {@link #key()} is {@code site/room}. */
public record Room(
        String siteId,
        String id,
        String name,
        String description,
        RoomLayout layout,
        List<Aisle> aisles,
        List<Rack> standaloneRacks,
        double coolingKilowatts) {
    public Room {
        aisles = List.copyOf(aisles);
        standaloneRacks = List.copyOf(standaloneRacks);
    }

    /**
     * Whether its cooling capacity is given ({@code cooling_capacity_kw}, this app's extension).
     */
    public boolean cooled() {
        return !Double.isNaN(coolingKilowatts);
    }

    public String key() {
        return key(siteId, id);
    }

    public static String key(String siteId, String roomId) {
        return siteId + "/" + roomId;
    }

    public Stream<Rack> racks() {
        return Stream.concat(
                aisles.stream().flatMap(a -> a.racks().stream()), standaloneRacks.stream());
    }
}
