package io.rackscope.desktop.ui;

import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds things in the topology for the UI: where an entity lives, and the breadcrumb of a place.
 */
public final class Locator {
    private final Topology topology;

    public Locator(Topology topology) {
        this.topology = topology;
    }

    public Topology topology() {
        return topology;
    }

    /** The rack an instance, device or rack (by key or id) belongs to. */
    public Optional<Rack> rackOf(String entity) {
        Optional<InstancePath> p = topology.instance(entity);
        if (p.isPresent()) {
            return Optional.of(p.get().rack());
        }
        Optional<Device> d = topology.device(entity);
        if (d.isPresent()) {
            return topology.rack(d.get().rackKey());
        }
        return topology.rack(entity);
    }

    /** Where to go to see {@code entity}: its device (highlighting the instance) or its rack. */
    public Optional<Place> placeOf(String entity) {
        Optional<InstancePath> p = topology.instance(entity);
        if (p.isPresent()) {
            return Optional.of(
                    Place.of(Place.Kind.DEVICE, p.get().device().key()).highlighting(entity));
        }
        Optional<Place> device =
                topology.device(entity).map(d -> Place.of(Place.Kind.DEVICE, d.key()));
        return device.isPresent()
                ? device
                : topology.rack(entity).map(r -> Place.of(Place.Kind.RACK, r.key()));
    }

    /**
     * Where to go to see an incident: its room for an aisle or a room, its rack, its chassis, or
     * its entity's own place for a single one.
     */
    public Optional<Place> placeOf(Incident i) {
        return switch (i.level()) {
            case ROOM -> Optional.of(Place.of(Place.Kind.ROOM, i.place()));
            case AISLE ->
                    Optional.of(
                            Place.of(
                                    Place.Kind.ROOM,
                                    i.place().substring(0, i.place().lastIndexOf('/'))));
            case RACK -> Optional.of(Place.of(Place.Kind.RACK, i.place()));
            case CHASSIS -> Optional.of(Place.of(Place.Kind.DEVICE, i.place()));
            case NODE -> placeOf(i.place());
        };
    }

    /** Resolves {@code room:ID} when the id is unique, or {@code room:SITE/ROOM}; else explains. */
    public Place resolve(Place place) {
        if ((place.kind() == Place.Kind.WALLBOARD
                        || place.kind() == Place.Kind.ALERTS
                        || place.kind() == Place.Kind.CAPACITY)
                && !place.id().isEmpty()
                && !place.id().contains("/")
                && topology.site(place.id()).isEmpty()) {
            return new Place(
                    place.kind(), resolve(Place.of(Place.Kind.ROOM, place.id())).id(), null);
        }
        if (place.kind() != Place.Kind.ROOM || place.id().contains("/")) {
            return place;
        }
        List<Room> matches =
                topology.rooms().stream().filter(r -> r.id().equals(place.id())).toList();
        if (matches.size() == 1) {
            return new Place(Place.Kind.ROOM, matches.get(0).key(), place.highlight());
        }
        throw new IllegalArgumentException(
                matches.isEmpty()
                        ? "no room '" + place.id() + "'"
                        : "room '"
                                + place.id()
                                + "' exists in several sites; use one of: "
                                + String.join(
                                        ", ",
                                        matches.stream().map(r -> "room:" + r.key()).toList()));
    }

    /** Whether the place names something that exists. */
    public boolean exists(Place place) {
        return switch (place.kind()) {
            case WORLD, SLURM, MAINTENANCE, LIBRARY, SETTINGS -> true;
            case WALLBOARD, ALERTS, CAPACITY ->
                    place.id().isEmpty()
                            || topology.site(place.id()).isPresent()
                            || room(place.id()).isPresent();
            case SITE -> topology.site(place.id()).isPresent();
            case ROOM -> room(place.id()).isPresent();
            case RACK -> topology.rack(place.id()).isPresent();
            case DEVICE -> topology.device(place.id()).isPresent();
        };
    }

    /** The rooms a wallboard scope covers: all, a site's, or one. */
    public List<Room> roomsOf(String scope) {
        if (scope.isEmpty()) {
            return List.copyOf(topology.rooms());
        }
        return topology.site(scope)
                .map(s -> s.rooms())
                .orElseGet(() -> room(scope).map(List::of).orElse(List.of()));
    }

    public Optional<Room> room(String key) {
        String[] parts = key.split("/", 2);
        return parts.length == 2 ? topology.room(parts[0], parts[1]) : Optional.empty();
    }

    /** The places from the world down to {@code place}, each with its label. */
    public List<Crumb> breadcrumb(Place place) {
        List<Crumb> out = new ArrayList<>();
        out.add(new Crumb("World", Place.WORLD));
        switch (place.kind()) {
            case SITE -> site(out, place.id());
            case ROOM -> room(place.id()).ifPresent(r -> room(out, r));
            case RACK -> topology.rack(place.id()).ifPresent(r -> rack(out, r));
            case DEVICE ->
                    topology.device(place.id())
                            .ifPresent(
                                    d -> {
                                        topology.rack(d.rackKey()).ifPresent(r -> rack(out, r));
                                        out.add(
                                                new Crumb(
                                                        d.name(),
                                                        Place.of(Place.Kind.DEVICE, d.key())));
                                    });
            case ALERTS -> {
                scope(out, place.id());
                out.add(new Crumb("Alerts", place));
            }
            case CAPACITY -> {
                scope(out, place.id());
                out.add(new Crumb("Capacity", place));
            }
            case SLURM -> out.add(new Crumb("Slurm", place));
            case MAINTENANCE -> out.add(new Crumb("Maintenance", place));
            case LIBRARY -> out.add(new Crumb("Library", place));
            case SETTINGS -> out.add(new Crumb("Settings", place));
            case WALLBOARD -> {
                scope(out, place.id());
                out.add(new Crumb("Wallboard", place));
            }
            case WORLD -> {}
        }
        return out;
    }

    /** The crumbs of a view's scope: a site, or a room with its site; none for everywhere. */
    private void scope(List<Crumb> out, String id) {
        if (topology.site(id).isPresent()) {
            site(out, id);
        } else {
            room(id).ifPresent(r -> room(out, r));
        }
    }

    private void site(List<Crumb> out, String siteId) {
        topology.site(siteId)
                .ifPresent(s -> out.add(new Crumb(s.name(), Place.of(Place.Kind.SITE, s.id()))));
    }

    private void room(List<Crumb> out, Room r) {
        site(out, r.siteId());
        out.add(new Crumb(r.name(), Place.of(Place.Kind.ROOM, r.key())));
    }

    private void rack(List<Crumb> out, Rack r) {
        room(r.roomKey()).ifPresent(room -> room(out, room));
        out.add(new Crumb(r.name(), Place.of(Place.Kind.RACK, r.key())));
    }

    /** "Frankfurt FRA1 › Hall A - Compute": where {@code place} is, by names, not ids. */
    public String title(Place place) {
        List<Crumb> trail = breadcrumb(place);
        return String.join(
                " › ", trail.stream().skip(trail.size() > 1 ? 1 : 0).map(Crumb::label).toList());
    }

    public record Crumb(String label, Place place) {}
}
