package io.rackscope.desktop.topology;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The estate, immutable and indexed by id for constant-time lookups. */
public final class Topology {
    private final List<Site> sites;
    private final Map<String, Site> sitesById = new LinkedHashMap<>();
    private final Map<String, Room> roomsByKey = new LinkedHashMap<>();
    private final Map<String, Aisle> aislesByKey = new LinkedHashMap<>();
    private final Map<String, Rack> racksById = new LinkedHashMap<>();
    private final Map<String, Device> devicesById = new LinkedHashMap<>();
    private final Map<String, InstancePath> instances = new LinkedHashMap<>();

    /**
     * Indexes the tree. The loader has already dropped duplicates, so the first of any id wins here
     * without further checking.
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
        racksById.putIfAbsent(rack.id(), rack);
        for (Device device : rack.devices()) {
            devicesById.putIfAbsent(device.id(), device);
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

    public Optional<Rack> rack(String id) {
        return Optional.ofNullable(racksById.get(id));
    }

    public Optional<Device> device(String id) {
        return Optional.ofNullable(devicesById.get(id));
    }

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
        return racksById.values();
    }

    public Collection<Device> devices() {
        return devicesById.values();
    }

    public Collection<InstancePath> instances() {
        return instances.values();
    }

    /**
     * Device count including devices whose id repeats (those are reported as errors but still
     * drawn).
     */
    public int deviceCount() {
        return racksById.values().stream().mapToInt(r -> r.devices().size()).sum();
    }
}
