package io.rackscope.desktop.ui.search;

import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Site;
import io.rackscope.desktop.topology.Topology;
import io.rackscope.desktop.ui.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Everything one can jump to by name: sites, rooms, racks, devices and instances. */
public final class SearchIndex {
    private final List<Entry> entries = new ArrayList<>();

    public SearchIndex(Topology topology) {
        this(topology, false);
    }

    /**
     * Every place of {@code topology}, and the window's views ("wallboard", "maintenance", ...).
     */
    public SearchIndex(Topology topology, boolean slurm) {
        view("world", "World map", Place.WORLD);
        view("wallboard", "Wallboard", Place.of(Place.Kind.WALLBOARD, ""));
        view("alerts", "Alerts table and history", Place.of(Place.Kind.ALERTS, ""));
        view(
                "maintenance",
                "Maintenance and acknowledgements",
                Place.of(Place.Kind.MAINTENANCE, ""));
        view(
                "capacity",
                "Capacity: free U, power against budget, where a device fits",
                Place.of(Place.Kind.CAPACITY, ""));
        if (slurm) {
            view("slurm", "Slurm nodes, partitions and jobs", Place.of(Place.Kind.SLURM, ""));
        }
        for (Site s : topology.sites()) {
            add("site", s.id(), s.name(), s.name(), Place.of(Place.Kind.SITE, s.id()));
            for (Room r : s.rooms()) {
                add(
                        "room",
                        r.id(),
                        r.name(),
                        s.name() + " / " + r.name(),
                        Place.of(Place.Kind.ROOM, r.key()));
            }
        }
        for (Rack r : topology.racks()) {
            add(
                    "rack",
                    r.id(),
                    r.name(),
                    r.siteId() + " / " + r.roomId() + " / " + r.name(),
                    Place.of(Place.Kind.RACK, r.key()));
            String rackContext =
                    r.repeated() ? r.siteId() + " / " + r.roomId() + " / " + r.name() : r.name();
            for (Device d : r.devices()) {
                Place device = Place.of(Place.Kind.DEVICE, d.key());
                String context =
                        (d.repeated() && !r.repeated()
                                        ? r.siteId() + " / " + r.roomId() + " / " + r.name()
                                        : rackContext)
                                + " / "
                                + d.name();
                add("device", d.id(), d.name(), context, device);
                for (InstanceSlot slot : d.instances()) {
                    add(
                            "instance",
                            slot.instanceId(),
                            slot.instanceId(),
                            context,
                            device.highlighting(slot.instanceId()));
                }
            }
        }
    }

    private void view(String id, String name, Place place) {
        add("view", id, name, "a view of the window", place);
    }

    private void add(String kind, String id, String name, String where, Place place) {
        entries.add(
                new Entry(
                        kind, id, name, where, place, (id + " " + name).toLowerCase(Locale.ROOT)));
    }

    public int size() {
        return entries.size();
    }

    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    /**
     * The best {@code limit} matches: exact id first, then prefixes, then substrings; shorter ids
     * first. When nothing contains the query, a typo is forgiven: ids, names and their words (or
     * their beginnings as long as the query) one edit away.
     */
    public List<Entry> search(String query, int limit) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        List<Scored> hits = new ArrayList<>();
        for (Entry e : entries) {
            int at = e.haystack.indexOf(q);
            if (at >= 0) {
                int score =
                        e.id.equalsIgnoreCase(q)
                                ? 0
                                : at == 0 || e.name.toLowerCase(Locale.ROOT).startsWith(q) ? 1 : 2;
                hits.add(new Scored(e, score));
            }
        }
        if (hits.isEmpty() && q.length() >= 3) {
            for (Entry e : entries) {
                if (oneEditAway(q, e.haystack)) {
                    hits.add(new Scored(e, 3));
                }
            }
        }
        return hits.stream()
                .sorted(
                        Comparator.comparingInt(Scored::score)
                                .thenComparingInt(s -> s.entry.id.length())
                                .thenComparing(s -> s.entry.id))
                .limit(limit)
                .map(Scored::entry)
                .toList();
    }

    /** Whether a word of {@code haystack} (or its beginning) is at most one edit from {@code q}. */
    private static boolean oneEditAway(String q, String haystack) {
        for (String word : haystack.split("[\\s/]+")) {
            if (word.isEmpty()
                    || Math.abs(word.length() - q.length()) > 1 && word.length() < q.length()) {
                continue;
            }
            if (ONE_EDIT.apply(q, word) >= 0
                    || word.length() > q.length()
                            && ONE_EDIT.apply(q, word.substring(0, q.length())) >= 0) {
                return true;
            }
        }
        return false;
    }

    public record Entry(
            String kind, String id, String name, String where, Place place, String haystack) {
        @Override
        public String toString() {
            return kind + "  " + (name.equals(id) ? id : name + " (" + id + ")") + "  —  " + where;
        }
    }

    private record Scored(Entry entry, int score) {}
}
