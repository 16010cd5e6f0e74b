package io.rackscope.desktop.importing;

import io.rackscope.desktop.topology.Face;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An estate found in Prometheus' series: every value of the identity label of one metric ({@code
 * up} by default) is a node; its site, room, aisle, rack and device come from its labels (a label's
 * value, or what a regular expression takes from it, or a constant). Devices are stacked from U 1
 * in their rack in the order of their ids, each a 1U device of a template with as many nodes as it
 * has.
 */
public final class Discovery {
    private static final int MAX_U = 60;

    private Discovery() {}

    /**
     * Where one level of the estate comes from: {@code =VALUE} a constant, {@code LABEL} a label's
     * value, {@code LABEL:REGEX} the first group (or the whole match) of a regular expression over
     * a label's value.
     */
    public record Source(String label, Pattern pattern, String constant) {
        public static Source parse(String spec) {
            if (spec.startsWith("=")) {
                return new Source(null, null, spec.substring(1));
            }
            int colon = spec.indexOf(':');
            if (colon < 0) {
                return new Source(spec, null, null);
            }
            return new Source(
                    spec.substring(0, colon), Pattern.compile(spec.substring(colon + 1)), null);
        }

        /** Its value for a series' labels; empty when the label is missing or does not match. */
        Optional<String> of(Map<String, String> labels) {
            if (constant != null) {
                return Optional.of(constant);
            }
            String v = labels.get(label);
            if (v == null || v.isEmpty()) {
                return Optional.empty();
            }
            if (pattern == null) {
                return Optional.of(v);
            }
            Matcher m = pattern.matcher(v);
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of(m.groupCount() > 0 ? m.group(1) : m.group());
        }

        String says() {
            return constant != null
                    ? "'" + constant + "'"
                    : pattern == null
                            ? "label " + label
                            : "label " + label + " matched by " + pattern;
        }
    }

    /** How each level is found. {@code device} null: each node a device of its own. */
    public record Levels(Source site, Source room, Source aisle, Source rack, Source device) {
        /** The labels a query must keep, besides the identity. */
        Set<String> labels() {
            Set<String> out = new LinkedHashSet<>();
            for (Source s : new Source[] {site, room, aisle, rack, device}) {
                if (s != null && s.label() != null) {
                    out.add(s.label());
                }
            }
            return out;
        }
    }

    /** The query that lists the nodes and the labels the levels read. */
    public static String query(String metric, String identity, Levels levels) {
        Set<String> keep = new LinkedHashSet<>();
        keep.add(identity);
        keep.addAll(levels.labels());
        return "group by (" + String.join(", ", keep) + ") (" + metric + ")";
    }

    /**
     * What was found: the devices as rows to import, their templates (id -> nodes), and why some
     * nodes were left out.
     */
    public record Found(
            List<DeviceRow> rows,
            Map<String, Integer> templates,
            int nodes,
            List<String> problems) {}

    public static Found plan(
            Collection<Map<String, String>> series, String identity, Levels levels) {
        List<String> problems = new ArrayList<>();
        // rack -> device -> nodes, with where the rack is
        Map<String, Map<String, Set<String>>> racks = new TreeMap<>();
        Map<String, String[]> placeOf = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        for (Map<String, String> labels : series) {
            String node = labels.get(identity);
            if (node == null || !seen.add(node)) {
                continue;
            }
            Optional<String> site = levels.site().of(labels);
            Optional<String> room = levels.room().of(labels);
            Optional<String> aisle = levels.aisle().of(labels);
            Optional<String> rack = levels.rack().of(labels);
            if (site.isEmpty() || room.isEmpty() || aisle.isEmpty() || rack.isEmpty()) {
                problems.add(
                        node + ": not placed (" + missing(levels, site, room, aisle, rack) + ")");
                continue;
            }
            String rackId = ImportRows.slug(rack.get());
            String device =
                    levels.device() == null ? node : levels.device().of(labels).orElse(node);
            racks.computeIfAbsent(rackId, k -> new TreeMap<>())
                    .computeIfAbsent(ImportRows.slug(device), k -> new TreeSet<>())
                    .add(node);
            placeOf.putIfAbsent(
                    rackId,
                    new String[] {
                        ImportRows.slug(site.get()),
                        ImportRows.slug(room.get()),
                        ImportRows.slug(aisle.get())
                    });
        }
        List<DeviceRow> rows = new ArrayList<>();
        Map<String, Integer> templates = new TreeMap<>();
        racks.forEach(
                (rack, devices) -> {
                    String[] at = placeOf.get(rack);
                    int u = 1;
                    for (Map.Entry<String, Set<String>> d : devices.entrySet()) {
                        if (u > MAX_U) {
                            problems.add(
                                    d.getKey()
                                            + ": rack "
                                            + rack
                                            + " has more than "
                                            + MAX_U
                                            + " devices: not placed");
                            continue;
                        }
                        int n = d.getValue().size();
                        String template = "discovered-" + n + (n == 1 ? "-node" : "-nodes");
                        templates.put(template, n);
                        rows.add(
                                new DeviceRow(
                                        0,
                                        at[0],
                                        at[1],
                                        at[2],
                                        rack,
                                        u++,
                                        Face.FRONT,
                                        template,
                                        d.getKey(),
                                        d.getKey(),
                                        String.join(",", d.getValue())));
                    }
                });
        return new Found(rows, templates, seen.size(), problems);
    }

    private static String missing(
            Levels l,
            Optional<String> site,
            Optional<String> room,
            Optional<String> aisle,
            Optional<String> rack) {
        List<String> out = new ArrayList<>();
        if (site.isEmpty()) {
            out.add("no site from " + l.site().says());
        }
        if (room.isEmpty()) {
            out.add("no room from " + l.room().says());
        }
        if (aisle.isEmpty()) {
            out.add("no aisle from " + l.aisle().says());
        }
        if (rack.isEmpty()) {
            out.add("no rack from " + l.rack().says());
        }
        return String.join(", ", out);
    }
}
