package io.rackscope.desktop.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estate, immutable and indexed for constant-time lookups. Racks and devices are indexed by key
 * (unique; see {@link Rack#key()}) and by id (which may repeat across sites): a lookup by {@code
 * rack(...)} or {@code device(...)} takes a key, or an id that then names its first rack.
 */
public final class Topology {
    private final List<Site> sites;
    private final Map<String, Site> sitesById = new LinkedHashMap<>();
    private final Map<String, Room> roomsByKey = new LinkedHashMap<>();
    private final Map<String, Aisle> aislesByKey = new LinkedHashMap<>();
    private final Map<String, Rack> racksByKey = new LinkedHashMap<>();
    private final Map<String, List<Rack>> racksById = new LinkedHashMap<>();
    private final Map<String, Device> devicesByKey = new LinkedHashMap<>();
    private final Map<String, List<Device>> devicesById = new LinkedHashMap<>();
    private final Map<String, InstancePath> instances = new LinkedHashMap<>();
    private int deviceCount;

    /**
     * Indexes the tree. The loader has already dropped what cannot be told apart, so the first of
     * any key wins here without further checking.
     */
    public Topology(List<Site> sites) {
        this.sites = List.copyOf(sites);
        for (Site site : this.sites) {
            sitesById.putIfAbsent(site.id(), site);
            for (Room room : site.rooms()) {
                roomsByKey.putIfAbsent(room.key(), room);
                for (Aisle aisle : room.aisles()) {
                    aislesByKey.putIfAbsent(aisle.key(), aisle);
                    aisle.racks().forEach(r -> index(site, room, aisle, r));
                }
                room.standaloneRacks().forEach(r -> index(site, room, null, r));
            }
        }
    }

    private void index(Site site, Room room, Aisle aisle, Rack rack) {
        if (racksByKey.putIfAbsent(rack.key(), rack) != null) {
            return;
        }
        racksById.computeIfAbsent(rack.id(), k -> new ArrayList<>(1)).add(rack);
        for (Device device : rack.devices()) {
            deviceCount++;
            if (devicesByKey.putIfAbsent(device.key(), device) == null) {
                devicesById.computeIfAbsent(device.id(), k -> new ArrayList<>(1)).add(device);
            }
            for (InstanceSlot slot : device.instances()) {
                instances.putIfAbsent(
                        slot.instanceId(),
                        new InstancePath(
                                site, room, aisle, rack, device, slot.instanceId(), slot.slot()));
            }
        }
    }

    public List<Site> sites() {
        return sites;
    }

    public Optional<Site> site(String id) {
        return Optional.ofNullable(sitesById.get(id));
    }

    public Optional<Room> room(String siteId, String roomId) {
        return Optional.ofNullable(roomsByKey.get(Room.key(siteId, roomId)));
    }

    public Optional<Aisle> aisle(String siteId, String roomId, String aisleId) {
        return Optional.ofNullable(aislesByKey.get(siteId + "/" + roomId + "/" + aisleId));
    }

    /** The rack of that key, or else the first rack with that id. */
    public Optional<Rack> rack(String keyOrId) {
        Rack r = racksByKey.get(keyOrId);
        if (r == null) {
            List<Rack> same = racksById.get(keyOrId);
            r = same == null ? null : same.get(0);
        }
        return Optional.ofNullable(r);
    }

    /** Every rack whose series carry {@code id}: one, or several when the id repeats. */
    public List<Rack> racksWithId(String id) {
        return racksById.getOrDefault(id, List.of());
    }

    /** The device of that key, or else the first device with that id. */
    public Optional<Device> device(String keyOrId) {
        Device d = devicesByKey.get(keyOrId);
        if (d == null) {
            List<Device> same = devicesById.get(keyOrId);
            d = same == null ? null : same.get(0);
        }
        return Optional.ofNullable(d);
    }

    /** Every device whose series carry {@code id}. */
    public List<Device> devicesWithId(String id) {
        return devicesById.getOrDefault(id, List.of());
    }

    /** Where an instance is (its first device, when two claim it). */
    public Optional<InstancePath> instance(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    public Collection<Room> rooms() {
        return roomsByKey.values();
    }

    public Collection<Aisle> aisles() {
        return aislesByKey.values();
    }

    public Collection<Rack> racks() {
        return racksByKey.values();
    }

    public Collection<Device> devices() {
        return devicesByKey.values();
    }

    public Collection<InstancePath> instances() {
        return instances.values();
    }

    /**
     * Device count including devices whose key repeats inside one rack (those are reported as
     * errors but still drawn).
     */
    public int deviceCount() {
        return deviceCount;
    }
}
