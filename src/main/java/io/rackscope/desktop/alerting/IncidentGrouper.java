package io.rackscope.desktop.alerting;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.topology.Aisle;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups a snapshot's alerts into incidents by place: when the failing nodes under a chassis, rack,
 * aisle or room number at least {@code minNodes} and make up at least {@code fraction} of its
 * nodes, they are one incident at the highest such place, with the chassis- and rack-scope alerts
 * inside it folded in; every other entity's alerts are an incident of their own. Stateless: ids,
 * starts and flapping are the {@link IncidentTracker}'s.
 */
public final class IncidentGrouper {
    /** A place: its key, level, name and path. */
    private record Place(String key, Incident.Level level, String id, String name, String path) {}

    private final int minNodes;
    private final double fraction;
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, Integer> nodesAt = new HashMap<>();

    /** Each node's places, lowest first (chassis, rack, aisle when it has one, room). */
    private final Map<String, List<Place>> ofNode = new HashMap<>();

    private final Map<String, List<Place>> ofDevice = new HashMap<>();
    private final Map<String, List<Place>> ofRack = new HashMap<>();

    public IncidentGrouper(Topology topology, int minNodes, double fraction) {
        this.minNodes = Math.max(1, minNodes);
        this.fraction = fraction;
        for (Room room : topology.rooms()) {
            Place roomPlace =
                    place(
                            "room:" + room.key(),
                            Incident.Level.ROOM,
                            room.key(),
                            room.name(),
                            room.siteId() + " / " + room.id());
            Map<String, Place> aisles = new HashMap<>();
            for (Aisle a : room.aisles()) {
                aisles.put(
                        a.id(),
                        place(
                                "aisle:" + a.key(),
                                Incident.Level.AISLE,
                                a.key(),
                                a.name(),
                                roomPlace.path() + " / " + a.id()));
            }
            room.racks()
                    .forEach(
                            r -> {
                                Place aisle = r.aisleId() == null ? null : aisles.get(r.aisleId());
                                List<Place> up = new ArrayList<>();
                                Place rack = rackPlace(r, aisle == null ? roomPlace : aisle);
                                up.add(rack);
                                if (aisle != null) {
                                    up.add(aisle);
                                }
                                up.add(roomPlace);
                                ofRack.put(r.key(), up);
                                for (Device d : r.devices()) {
                                    List<Place> deviceUp = new ArrayList<>();
                                    deviceUp.add(
                                            place(
                                                    "chassis:" + d.key(),
                                                    Incident.Level.CHASSIS,
                                                    d.key(),
                                                    d.name(),
                                                    rack.path() + " / " + d.id()));
                                    deviceUp.addAll(up);
                                    ofDevice.put(d.key(), deviceUp);
                                }
                            });
        }
        for (InstancePath p : topology.instances()) {
            List<Place> up = ofDevice.get(p.device().key());
            if (up == null) {
                continue;
            }
            ofNode.put(p.instanceId(), up);
            up.forEach(pl -> nodesAt.merge(pl.key(), 1, Integer::sum));
        }
    }

    private Place rackPlace(Rack r, Place above) {
        return place(
                "rack:" + r.key(),
                Incident.Level.RACK,
                r.key(),
                r.name(),
                above.path() + " / " + r.id());
    }

    private Place place(String key, Incident.Level level, String id, String name, String path) {
        return places.computeIfAbsent(
                key,
                k -> new Place(k, level, id, name == null || name.isBlank() ? id : name, path));
    }

    /** The incidents of {@code alerts}, worst first, then the largest. */
    public List<Incident> group(List<Alert> alerts) {
        Map<String, Integer> failingAt = new HashMap<>();
        Set<String> failingNodes = new HashSet<>();
        for (Alert a : alerts) {
            List<Place> up = ofNode.get(a.entity());
            if (up != null && failingNodes.add(a.entity())) {
                up.forEach(p -> failingAt.merge(p.key(), 1, Integer::sum));
            }
        }
        Set<String> chosen = new HashSet<>();
        Map<String, String> keyOfNode = new HashMap<>();
        for (String node : failingNodes) {
            List<Place> up = ofNode.get(node);
            String key = "node:" + node;
            for (int i = up.size() - 1; i >= 0; i--) {
                Place p = up.get(i);
                int failing = failingAt.getOrDefault(p.key(), 0);
                if (failing >= minNodes && failing >= fraction * nodesAt.getOrDefault(p.key(), 1)) {
                    key = p.key();
                    chosen.add(key);
                    break;
                }
            }
            keyOfNode.put(node, key);
        }
        Map<String, List<Alert>> byKey = new LinkedHashMap<>();
        for (Alert a : alerts) {
            String key = keyOfNode.get(a.entity());
            if (key == null) {
                key = containerKey(a, chosen);
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        List<Incident> out = new ArrayList<>(byKey.size());
        byKey.forEach((key, members) -> out.add(incident(key, members, failingAt)));
        out.sort(
                Comparator.comparing(Incident::severity)
                        .reversed()
                        .thenComparing(i -> -i.members().size())
                        .thenComparing(Incident::key));
        return out;
    }

    /** A chassis- or rack-scope alert: the highest chosen place holding it, else its own. */
    private String containerKey(Alert a, Set<String> chosen) {
        List<Place> up =
                ofDevice.containsKey(a.entity())
                        ? ofDevice.get(a.entity())
                        : ofRack.get(a.entity());
        if (up == null) {
            return "node:" + a.entity();
        }
        for (int i = up.size() - 1; i >= 0; i--) {
            if (chosen.contains(up.get(i).key())) {
                return up.get(i).key();
            }
        }
        return up.get(0).key();
    }

    private Incident incident(String key, List<Alert> alerts, Map<String, Integer> failingAt) {
        Severity worst = Severity.OK;
        Map<String, Integer> checks = new TreeMap<>();
        Set<String> members = new LinkedHashSet<>();
        Instant since = null;
        for (Alert a : alerts) {
            worst = Severity.worst(worst, a.severity());
            checks.merge(a.check(), 1, Integer::sum);
            members.add(a.entity());
            if (a.since() != null && (since == null || a.since().isBefore(since))) {
                since = a.since();
            }
        }
        Place p = places.get(key);
        if (p == null) {
            Alert first = alerts.get(0);
            return new Incident(
                    key,
                    key,
                    Incident.Level.NODE,
                    first.entity(),
                    first.entity(),
                    first.path(),
                    worst,
                    checks,
                    List.copyOf(members),
                    1,
                    1,
                    since,
                    false,
                    0);
        }
        return new Incident(
                key,
                key,
                p.level(),
                p.id(),
                p.name(),
                p.path(),
                worst,
                checks,
                List.copyOf(members),
                failingAt.getOrDefault(key, 0),
                nodesAt.getOrDefault(key, 0),
                since,
                false,
                0);
    }
}
