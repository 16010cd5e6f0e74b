package io.rackscope.desktop.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A rack; {@code aisleId} is null for a standalone rack. Its {@code id} is what its series carry
 * and may repeat across sites or rooms; {@code key} names it in the estate: the id when no other
 * rack has it, else its {@link #path()} (or, for a repeat inside one room, {@code
 * site/room/aisle/rack}).
 */
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
        int line,
        String key,
        double powerBudgetWatts) {
    public Rack {
        devices = List.copyOf(devices);
    }

    /** Its node instances' ids, device by device. */
    public List<String> instanceIds() {
        List<String> ids = new java.util.ArrayList<>();
        for (Device d : devices) {
            ids.addAll(d.instanceIds());
        }
        return ids;
    }

    /** Whether it has a power budget ({@code power_budget_w}). */
    public boolean budgeted() {
        return !Double.isNaN(powerBudgetWatts);
    }

    public String roomKey() {
        return Room.key(siteId, roomId);
    }

    /** Where it is, for people: {@code site / room / aisle / rack} (no aisle when standalone). */
    public String describe() {
        return siteId + " / " + roomId + (aisleId == null ? "" : " / " + aisleId) + " / " + id;
    }

    /** {@code site/room/rack}. */
    public String path() {
        return siteId + "/" + roomId + "/" + id;
    }

    /** {@code true} when its id is shared with another rack, so that the key is a path. */
    public boolean repeated() {
        return !key.equals(id);
    }

    /**
     * Where a repeated device id is named under this rack: its key when that is a path (with the
     * aisle, for a rack id used in two aisles of one room), else its site/room/rack path.
     */
    private String devicePrefix(String key) {
        return key.contains("/") ? key : path();
    }

    /**
     * This rack named {@code key}; its devices whose ids are in {@code repeatedDevices} are named
     * by their path under it.
     */
    public Rack keyed(String key, Set<String> repeatedDevices) {
        List<Device> keyed =
                devices.stream()
                        .map(
                                d ->
                                        d.keyed(
                                                key,
                                                repeatedDevices.contains(d.id())
                                                        ? devicePrefix(key) + "/" + d.id()
                                                        : d.id()))
                        .toList();
        return new Rack(
                id,
                name,
                uHeight,
                templateId,
                keyed,
                siteId,
                roomId,
                aisleId,
                file,
                line,
                key,
                powerBudgetWatts);
    }
}
