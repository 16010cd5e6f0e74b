package io.rackscope.desktop.topology;

import java.util.List;

public record Site(
        String id, String name, String description, Location location, List<Room> rooms) {
    public Site {
        rooms = List.copyOf(rooms);
    }
}
