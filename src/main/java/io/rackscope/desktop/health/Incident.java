package io.rackscope.desktop.health;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.topology.Names;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alerts told as one story: those of one place (a chassis, rack, aisle or room most of whose nodes
 * fail), or of one entity. {@code key} names the place ({@code rack:fra1-a01-r05}, {@code
 * aisle:fra1/hall-a/a01}, {@code node:cn0165}); {@code id} is the key and the first moment it was
 * seen, stable while the incident grows or shrinks at that place (the key alone until the feed has
 * tracked it). {@code since} is the earliest start among its alerts (null when not known).
 *
 * @param checks alerts per check id
 * @param members the failing entities (nodes, chassis, racks)
 * @param failingNodes how many of the place's nodes fail; {@code nodes} how many it has
 */
public record Incident(
        String id,
        String key,
        Level level,
        String place,
        String name,
        String path,
        Severity severity,
        Map<String, Integer> checks,
        List<String> members,
        int failingNodes,
        int nodes,
        Instant since,
        boolean flapping,
        int transitions) {

    /** Where an incident is: a grouping place, or a single entity of the check's scope. */
    public enum Level {
        NODE,
        CHASSIS,
        RACK,
        AISLE,
        ROOM;

        public String label() {
            return switch (this) {
                case NODE -> "Node";
                case CHASSIS -> "Chassis";
                case RACK -> "Rack";
                case AISLE -> "Aisle";
                case ROOM -> "Room";
            };
        }
    }

    public Incident {
        checks = Map.copyOf(checks);
        members = List.copyOf(members);
    }

    /** The same incident as tracked: its stable id, start and flapping. */
    public Incident tracked(String stableId, Instant start, boolean flaps, int changes) {
        return new Incident(
                stableId,
                key,
                level,
                place,
                name,
                path,
                severity,
                checks,
                members,
                failingNodes,
                nodes,
                start,
                flaps,
                changes);
    }

    /**
     * The incident as it is shown when {@code hidden} alerts of it are under a maintenance that
     * hides them: those members left out of its members, its failing nodes and its check counts, so
     * that every view counts the same; {@code hiddenNodes} of them are failing nodes.
     */
    public Incident without(
            List<Alert> hidden, java.util.Set<String> hiddenMembers, int hiddenNodes) {
        Map<String, Integer> left = new java.util.TreeMap<>(checks);
        for (Alert a : hidden) {
            left.computeIfPresent(a.check(), (k, n) -> n > 1 ? n - 1 : null);
        }
        return new Incident(
                id,
                key,
                level,
                place,
                name,
                path,
                severity,
                left,
                members.stream().filter(m -> !hiddenMembers.contains(m)).toList(),
                Math.max(0, failingNodes - hiddenNodes),
                nodes,
                since,
                flapping,
                transitions);
    }

    /** Its place for people: "Rack FRA1-A01-R05", never "Rack Rack FRA1-A01-R05". */
    public String title() {
        return Names.titled(level.label(), name);
    }

    /** How many it counts, everywhere it is shown: its failing nodes, else its members. */
    public int count() {
        return failingNodes > 0 ? failingNodes : members.size();
    }

    /** True when it groups several members at a place (not a single entity's alerts). */
    public boolean grouped() {
        return members.size() > 1 || level == Level.AISLE || level == Level.ROOM;
    }
}
