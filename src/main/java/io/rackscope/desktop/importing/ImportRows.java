package io.rackscope.desktop.importing;

import io.rackscope.desktop.topology.Face;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The devices of a CSV file: this app's own form (header {@code
 * site,room,aisle,rack,u,face,template,id,name,instance}) or a NetBox device export or bulk-import
 * file (its display-name or field-name columns, either case). A row that cannot be read is a
 * problem named by its line; the others are read.
 */
public final class ImportRows {
    /**
     * What a file gave: its devices, the rows it could not take, and the NetBox device types met
     * with the U height a row gave them (1 when none did).
     */
    public record Read(List<DeviceRow> rows, List<String> problems, Map<String, Integer> types) {}

    private static final List<String> OWN =
            List.of(
                    "site",
                    "room",
                    "aisle",
                    "rack",
                    "u",
                    "face",
                    "template",
                    "id",
                    "name",
                    "instance");

    private ImportRows() {}

    /** This app's CSV: one row per device, sites to racks named by their ids. */
    public static Read csv(Reader in) throws IOException {
        List<DeviceRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser p = format().parse(in)) {
            Map<String, String> columns = columns(p);
            List<String> missing =
                    OWN.stream()
                            .filter(c -> !c.equals("name") && !c.equals("instance"))
                            .filter(c -> !columns.containsKey(c))
                            .toList();
            if (!missing.isEmpty()) {
                problems.add("line 1: the header lacks " + String.join(", ", missing));
                return new Read(rows, problems, Map.of());
            }
            for (CSVRecord r : p) {
                int line = (int) r.getParser().getCurrentLineNumber();
                try {
                    String id = need(r, columns, "id");
                    rows.add(
                            new DeviceRow(
                                    line,
                                    need(r, columns, "site"),
                                    need(r, columns, "room"),
                                    need(r, columns, "aisle"),
                                    need(r, columns, "rack"),
                                    u(need(r, columns, "u")),
                                    face(get(r, columns, "face").orElse("front")),
                                    need(r, columns, "template"),
                                    id,
                                    get(r, columns, "name").orElse(id),
                                    get(r, columns, "instance").orElse("")));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        }
        return new Read(rows, problems, Map.of());
    }

    /**
     * A NetBox device CSV (its table export: Name, Site, Location, Rack, Position, Face, Type or
     * Device type, Status; or the bulk-import fields name, site, location, rack, position, face,
     * device_type). Ids are made from NetBox's names (lower case, other characters as '-'); the
     * room is the Location (else "main"), every rack in one aisle "main" of its room; the template
     * is {@code types}' mapping of the device type, else the type's slug. Devices without a rack or
     * a position are not racked: listed, not imported.
     */
    public static Read netbox(Reader in, Map<String, String> types) throws IOException {
        List<DeviceRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        try (CSVParser p = format().parse(in)) {
            Map<String, String> columns = columns(p);
            String type =
                    columns.containsKey("device type")
                            ? "device type"
                            : columns.containsKey("device_type") ? "device_type" : "type";
            for (String c : List.of("name", "site", "rack", "position")) {
                if (!columns.containsKey(c)) {
                    problems.add(
                            "line 1: the header lacks "
                                    + c
                                    + " (a NetBox device export has Name, Site, Rack, Position)");
                    return new Read(rows, problems, seen);
                }
            }
            for (CSVRecord r : p) {
                int line = (int) r.getParser().getCurrentLineNumber();
                try {
                    String name = need(r, columns, "name");
                    Optional<String> rack = get(r, columns, "rack");
                    Optional<String> position = get(r, columns, "position");
                    if (rack.isEmpty() || position.isEmpty()) {
                        problems.add(
                                "line "
                                        + line
                                        + ": "
                                        + name
                                        + " is not racked (no rack or position): not imported");
                        continue;
                    }
                    String deviceType = get(r, columns, type).orElse("unknown");
                    int height =
                            get(r, columns, "u height")
                                    .or(() -> get(r, columns, "u_height"))
                                    .map(ImportRows::u)
                                    .orElse(1);
                    seen.merge(deviceType, height, Math::max);
                    String template = types.getOrDefault(deviceType, slug(deviceType));
                    rows.add(
                            new DeviceRow(
                                    line,
                                    slug(need(r, columns, "site")),
                                    get(r, columns, "location")
                                            .map(ImportRows::slug)
                                            .orElse("main"),
                                    "main",
                                    slug(rack.get()),
                                    u(position.get()),
                                    face(get(r, columns, "face").orElse("front")),
                                    template,
                                    slug(name),
                                    name,
                                    ""));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        }
        return new Read(rows, problems, seen);
    }

    private static CSVFormat format() {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .get();
    }

    /** Header names, lower case, to the names as written. */
    private static Map<String, String> columns(CSVParser p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : p.getHeaderNames()) {
            out.put(h.trim().toLowerCase(Locale.ROOT), h);
        }
        return out;
    }

    private static Optional<String> get(CSVRecord r, Map<String, String> columns, String name) {
        String h = columns.get(name);
        if (h == null || !r.isSet(h)) {
            return Optional.empty();
        }
        String v = r.get(h).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static String need(CSVRecord r, Map<String, String> columns, String name) {
        return get(r, columns, name).orElseThrow(() -> new IllegalArgumentException("no " + name));
    }

    private static int u(String text) {
        try {
            double u = Double.parseDouble(text);
            if (u < 1 || u != Math.floor(u)) {
                throw new IllegalArgumentException("U " + text + " is not a whole U from 1");
            }
            return (int) u;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("U '" + text + "' is not a number");
        }
    }

    private static Face face(String text) {
        String f = text.trim().toLowerCase(Locale.ROOT);
        if (f.equals("front") || f.equals("rear")) {
            return Face.parse(f);
        }
        throw new IllegalArgumentException("face '" + text + "' is front or rear");
    }

    /** An id from a display name: lower case, runs of other characters as one '-'. */
    public static String slug(String name) {
        String s =
                name.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9._]+", "-")
                        .replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s.length() > 128 ? s.substring(0, 128) : s;
    }
}
