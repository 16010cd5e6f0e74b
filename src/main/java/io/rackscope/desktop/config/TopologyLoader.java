package io.rackscope.desktop.config;

import io.rackscope.desktop.topology.Aisle;
import io.rackscope.desktop.topology.Location;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.RoomLayout;
import io.rackscope.desktop.topology.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the topology in either form: segmented ({@code sites.yaml} plus a folder per site, room,
 * aisle and a file per rack) or the older single {@code topology.yaml}. Rack files are parsed in
 * parallel. A site repeated, a room repeated within its site or an aisle within its room is an
 * error and the second one is left out; racks and devices whose ids repeat elsewhere are kept,
 * named by path, with a warning.
 */
final class TopologyLoader {
    private static final KnownKeys SITE =
            KnownKeys.of(
                    "id",
                    "name",
                    "description",
                    "location",
                    "lat",
                    "lon",
                    "lng",
                    "rooms",
                    "rooms_path",
                    "telemetry");
    private static final KnownKeys LOCATION =
            KnownKeys.of("lat", "lon", "lng", "address", "city", "country");
    private static final KnownKeys ROOM =
            KnownKeys.of(
                    "id",
                    "name",
                    "description",
                    "layout",
                    "aisles",
                    "standalone_racks",
                    "site_id",
                    "cooling_capacity_kw");
    private static final KnownKeys AISLE =
            KnownKeys.of("id", "name", "description", "racks", "room_id");
    private static final KnownKeys LAYOUT =
            KnownKeys.of("size", "grid", "door", "orientation", "shape");
    private static final KnownKeys SIZE = KnownKeys.of("width", "height");
    private static final KnownKeys GRID = KnownKeys.of("enabled", "cell");
    private static final KnownKeys DOOR = KnownKeys.of("side", "position", "label");
    private static final KnownKeys ORIENTATION = KnownKeys.of("north");
    private final Diagnostics diagnostics;
    private final YamlReader reader;
    private final RackParser rackParser;
    private final Map<String, YamlNode.Mapping> siteTelemetry = new LinkedHashMap<>();

    TopologyLoader(Diagnostics diagnostics, YamlReader reader) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.rackParser = new RackParser(diagnostics);
    }

    /**
     * Where a rack comes from: its own file, or a mapping inline in an aisle, a room or
     * topology.yaml.
     */
    private record RackSource(
            Path file, YamlNode.Mapping inline, String fallbackId, YamlNode referencedAt) {}

    private record AisleDraft(String id, String name, YamlNode at, List<RackSource> racks) {}

    private record RoomDraft(
            String id,
            String name,
            String description,
            RoomLayout layout,
            YamlNode at,
            List<AisleDraft> aisles,
            List<RackSource> standalone) {}

    private record SiteDraft(
            String id,
            String name,
            String description,
            Location location,
            YamlNode at,
            List<RoomDraft> rooms) {}

    /** The {@code telemetry} blocks of site entries (a site's own Prometheus), by site id. */
    Map<String, YamlNode.Mapping> siteTelemetry() {
        return siteTelemetry;
    }

    List<Site> load(Path topologyDir, Path configRoot) {
        Path sitesFile = YamlFiles.named(topologyDir, "sites");
        List<SiteDraft> drafts;
        if (Files.exists(sitesFile)) {
            drafts = segmented(topologyDir, sitesFile);
        } else {
            Path single =
                    Files.isRegularFile(topologyDir)
                            ? topologyDir
                            : Files.exists(YamlFiles.named(topologyDir, "topology"))
                                    ? YamlFiles.named(topologyDir, "topology")
                                    : YamlFiles.named(configRoot, "topology");
            if (!Files.exists(single)) {
                diagnostics.error(
                        sitesFile,
                        0,
                        "there is no topology: neither "
                                + sitesFile
                                + " nor "
                                + single
                                + " exists");
                return List.of();
            }
            drafts = reader.readMapping(single).map(root -> sites(root, null)).orElse(List.of());
        }
        return assemble(drafts, parseRacks(drafts));
    }

    private List<SiteDraft> segmented(Path topologyDir, Path sitesFile) {
        return reader.readMapping(sitesFile)
                .map(root -> sites(root, topologyDir.resolve("datacenters")))
                .orElse(List.of());
    }

    /** {@code datacenters} is null for the single-file form, where everything is inline. */
    private List<SiteDraft> sites(YamlNode.Mapping root, Path datacenters) {
        List<SiteDraft> out = new ArrayList<>();
        for (YamlNode n : root.list("sites")) {
            if (!(n instanceof YamlNode.Mapping s) || s.text("id", null) == null) {
                diagnostics.error(n, "each site needs an id; this entry was skipped");
                continue;
            }
            String id = s.text("id", null);
            SITE.check(s, "site '" + id + "'", diagnostics);
            s.mapping("location")
                    .ifPresent(
                            l ->
                                    LOCATION.check(
                                            l, "the location of site '" + id + "'", diagnostics));
            s.mapping("telemetry").ifPresent(t -> siteTelemetry.put(id, t));
            Path roomsDir = datacenters == null ? null : datacenters.resolve(id).resolve("rooms");
            List<RoomDraft> rooms = new ArrayList<>();
            if (s.has("rooms")) {
                for (YamlNode r : s.list("rooms")) {
                    room(r, roomsDir).ifPresent(rooms::add);
                }
            } else if (roomsDir != null) {
                for (Path dir : YamlFiles.folders(roomsDir)) {
                    room(
                                    new YamlNode.Scalar(
                                            s.file(),
                                            s.line(),
                                            dir.getFileName().toString(),
                                            false),
                                    roomsDir)
                            .ifPresent(rooms::add);
                }
            }
            out.add(
                    new SiteDraft(
                            id,
                            s.text("name", id),
                            s.text("description", ""),
                            location(s),
                            s,
                            rooms));
        }
        return out;
    }

    private Location location(YamlNode.Mapping s) {
        YamlNode.Mapping at = s.mapping("location").orElse(s);
        String lat = at.text("lat", null);
        String lon = at.text("lon", at.text("lng", null));
        if (lat == null || lon == null) {
            return null;
        }
        try {
            double la = Double.parseDouble(lat.trim());
            double lo = Double.parseDouble(lon.trim());
            if (Math.abs(la) > 90 || Math.abs(lo) > 180) {
                diagnostics.error(
                        at.at("lat"),
                        "site '"
                                + s.text("id", "")
                                + "' has a location off the globe ("
                                + lat
                                + ", "
                                + lon
                                + ")");
                return null;
            }
            return new Location(la, lo, at.text("address", ""));
        } catch (NumberFormatException e) {
            diagnostics.error(
                    at.at("lat"),
                    "site '"
                            + s.text("id", "")
                            + "' has a location that is not two numbers ("
                            + lat
                            + ", "
                            + lon
                            + ")");
            return null;
        }
    }

    /**
     * A room from a reference (an id, {@code {id}}) resolved to its folder, or from an inline
     * definition.
     */
    private Optional<RoomDraft> room(YamlNode ref, Path roomsDir) {
        String id = idOf(ref);
        if (id == null) {
            diagnostics.error(ref, "a room entry has no id; it was skipped");
            return Optional.empty();
        }
        Path roomDir = roomsDir == null ? null : roomsDir.resolve(id);
        YamlNode.Mapping m;
        if (isInline(ref) || roomDir == null) {
            m = (YamlNode.Mapping) ref;
        } else {
            Path file = YamlFiles.named(roomDir, "room");
            if (!Files.exists(file)) {
                diagnostics.warning(
                        ref,
                        "room '" + id + "' is listed, but its file " + file + " does not exist");
                return Optional.empty();
            }
            Optional<YamlNode.Mapping> read = reader.readMapping(file);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            m = read.get();
        }
        ROOM.check(m, "room '" + id + "'", diagnostics);
        List<AisleDraft> aisles = new ArrayList<>();
        Path aislesDir = roomDir == null ? null : roomDir.resolve("aisles");
        if (m.has("aisles")) {
            for (YamlNode a : m.list("aisles")) {
                aisle(a, aislesDir).ifPresent(aisles::add);
            }
        } else if (aislesDir != null) {
            for (Path dir : YamlFiles.folders(aislesDir)) {
                aisle(
                                new YamlNode.Scalar(
                                        m.file(), m.line(), dir.getFileName().toString(), false),
                                aislesDir)
                        .ifPresent(aisles::add);
            }
        }
        List<RackSource> standalone =
                rackSources(
                        m,
                        "standalone_racks",
                        roomDir == null ? null : roomDir.resolve("standalone_racks"));
        return Optional.of(
                new RoomDraft(
                        m.text("id", id),
                        m.text("name", id),
                        m.text("description", ""),
                        layout(m),
                        m,
                        aisles,
                        standalone));
    }

    /** A room's {@code cooling_capacity_kw}; NaN when absent or not a positive number. */
    private double cooling(YamlNode at) {
        if (!(at instanceof YamlNode.Mapping m) || m.text("cooling_capacity_kw", null) == null) {
            return Double.NaN;
        }
        Double kw = new Values(diagnostics).number(m, "cooling_capacity_kw", "cooling_capacity_kw");
        if (kw == null) {
            return Double.NaN; // not a number: said by number()
        }
        if (!(kw > 0)) {
            diagnostics.error(
                    m.at("cooling_capacity_kw"),
                    "cooling_capacity_kw must be a number above 0; it is ignored");
            return Double.NaN;
        }
        return kw;
    }

    private Optional<AisleDraft> aisle(YamlNode ref, Path aislesDir) {
        String id = idOf(ref);
        if (id == null) {
            diagnostics.error(ref, "an aisle entry has no id; it was skipped");
            return Optional.empty();
        }
        YamlNode.Mapping m = ref instanceof YamlNode.Mapping r ? r : null;
        Path aisleDir = aislesDir == null ? null : aislesDir.resolve(id);
        if (aisleDir != null && !isInline(ref)) {
            Path file = YamlFiles.named(aisleDir, "aisle");
            if (Files.exists(file)) {
                Optional<YamlNode.Mapping> read = reader.readMapping(file);
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                m = read.get();
            } else if (!Files.isDirectory(aisleDir.resolve("racks"))) {
                diagnostics.warning(
                        ref,
                        "aisle '"
                                + id
                                + "' is listed, but neither "
                                + file
                                + " nor its racks folder exists");
            }
        }
        if (m != null) {
            AISLE.check(m, "aisle '" + id + "'", diagnostics);
        }
        String name =
                m == null
                        ? id
                        : m.text(
                                "name",
                                ref instanceof YamlNode.Mapping r ? r.text("name", id) : id);
        YamlNode.Mapping definition = m == null ? YamlNode.Mapping.empty(ref.file()) : m;
        List<RackSource> racks =
                rackSources(
                        definition, "racks", aisleDir == null ? null : aisleDir.resolve("racks"));
        return Optional.of(new AisleDraft(id, name, m == null ? ref : m, racks));
    }

    /**
     * Racks listed under {@code key} (ids or inline), or every rack file of {@code dir} when the
     * key is absent.
     */
    private List<RackSource> rackSources(YamlNode.Mapping m, String key, Path dir) {
        List<RackSource> out = new ArrayList<>();
        if (m.has(key)) {
            for (YamlNode r : m.list(key)) {
                String id = idOf(r);
                if (id == null) {
                    diagnostics.error(r, "a rack entry has no id; it was skipped");
                } else if (isInline(r) || dir == null) {
                    if (r instanceof YamlNode.Mapping inline) {
                        out.add(new RackSource(null, inline, id, r));
                    } else {
                        diagnostics.error(
                                r,
                                "rack '" + id + "' is named but not defined here; it was skipped");
                    }
                } else {
                    out.add(new RackSource(YamlFiles.named(dir, id), null, id, r));
                }
            }
        } else if (dir != null) {
            for (Path file : YamlFiles.in(dir)) {
                String n = file.getFileName().toString();
                out.add(new RackSource(file, null, n.substring(0, n.lastIndexOf('.')), m));
            }
        }
        return out;
    }

    private Map<RackSource, Rack> parseRacks(List<SiteDraft> drafts) {
        record Job(RackSource source, String site, String room, String aisle) {}
        List<Job> jobs = new ArrayList<>();
        for (SiteDraft s : drafts) {
            for (RoomDraft r : s.rooms()) {
                for (AisleDraft a : r.aisles()) {
                    a.racks().forEach(src -> jobs.add(new Job(src, s.id(), r.id(), a.id())));
                }
                r.standalone().forEach(src -> jobs.add(new Job(src, s.id(), r.id(), null)));
            }
        }
        Map<RackSource, Rack> parsed = Collections.synchronizedMap(new HashMap<>());
        jobs.parallelStream()
                .forEach(
                        job -> {
                            RackSource src = job.source();
                            Optional<YamlNode.Mapping> m;
                            if (src.inline() != null) {
                                m = Optional.of(src.inline());
                            } else if (!Files.exists(src.file())) {
                                diagnostics.warning(
                                        src.referencedAt(),
                                        "rack '"
                                                + src.fallbackId()
                                                + "' is listed, but its file "
                                                + src.file()
                                                + " does not exist");
                                m = Optional.empty();
                            } else {
                                m = reader.readMapping(src.file());
                            }
                            m.ifPresent(
                                    mapping ->
                                            parsed.put(
                                                    src,
                                                    rackParser.parse(
                                                            mapping,
                                                            src.fallbackId(),
                                                            job.site(),
                                                            job.room(),
                                                            job.aisle())));
                        });
        return parsed;
    }

    private List<Site> assemble(List<SiteDraft> drafts, Map<RackSource, Rack> racks) {
        List<SiteDraft> kept = distinctPlaces(drafts);
        Map<String, Integer> rackIds = new HashMap<>();
        Map<String, Set<String>> deviceIds = new HashMap<>();
        racksOf(kept, racks)
                .forEach(
                        rack -> {
                            rackIds.merge(rack.id(), 1, Integer::sum);
                            rack.devices()
                                    .forEach(
                                            d ->
                                                    deviceIds
                                                            .computeIfAbsent(
                                                                    d.id(), k -> new HashSet<>())
                                                            // with the aisle: one rack id may
                                                            // stand in two aisles of a room
                                                            .add(
                                                                    rack.path()
                                                                            + "@"
                                                                            + rack.aisleId()));
                        });
        Set<String> repeatedDevices = new HashSet<>();
        deviceIds.forEach(
                (id, racksWithIt) -> {
                    if (racksWithIt.size() > 1) {
                        repeatedDevices.add(id);
                    }
                });
        Keys keys = new Keys(rackIds, repeatedDevices);
        List<Site> sites = new ArrayList<>();
        for (SiteDraft s : kept) {
            List<Room> rooms = new ArrayList<>();
            for (RoomDraft r : s.rooms()) {
                List<Aisle> aisles = new ArrayList<>();
                for (AisleDraft a : r.aisles()) {
                    aisles.add(
                            new Aisle(s.id(), r.id(), a.id(), a.name(), keys.of(a.racks(), racks)));
                }
                rooms.add(
                        new Room(
                                s.id(),
                                r.id(),
                                r.name(),
                                r.description(),
                                r.layout(),
                                aisles,
                                keys.of(r.standalone(), racks),
                                cooling(r.at())));
            }
            sites.add(new Site(s.id(), s.name(), s.description(), s.location(), rooms));
        }
        keys.warn();
        return sites;
    }

    /** The drafts without repeated sites, rooms within a site and aisles within a room. */
    private List<SiteDraft> distinctPlaces(List<SiteDraft> drafts) {
        Map<String, YamlNode> seenSites = new HashMap<>();
        List<SiteDraft> out = new ArrayList<>();
        for (SiteDraft s : drafts) {
            if (duplicate(seenSites, s.id(), s.at(), "site")) {
                continue;
            }
            Map<String, YamlNode> seenRooms = new HashMap<>();
            List<RoomDraft> rooms = new ArrayList<>();
            for (RoomDraft r : s.rooms()) {
                if (duplicate(
                        seenRooms, r.id(), r.at(), "room in site '" + s.id() + "' with the")) {
                    continue;
                }
                Map<String, YamlNode> seenAisles = new HashMap<>();
                List<AisleDraft> aisles = new ArrayList<>();
                for (AisleDraft a : r.aisles()) {
                    if (!duplicate(
                            seenAisles,
                            a.id(),
                            a.at(),
                            "aisle in room '" + r.id() + "' with the")) {
                        aisles.add(a);
                    }
                }
                rooms.add(
                        new RoomDraft(
                                r.id(),
                                r.name(),
                                r.description(),
                                r.layout(),
                                r.at(),
                                aisles,
                                r.standalone()));
            }
            out.add(new SiteDraft(s.id(), s.name(), s.description(), s.location(), s.at(), rooms));
        }
        return out;
    }

    private static List<Rack> racksOf(List<SiteDraft> drafts, Map<RackSource, Rack> parsed) {
        List<Rack> out = new ArrayList<>();
        for (SiteDraft s : drafts) {
            for (RoomDraft r : s.rooms()) {
                for (AisleDraft a : r.aisles()) {
                    a.racks().stream().map(parsed::get).filter(x -> x != null).forEach(out::add);
                }
                r.standalone().stream().map(parsed::get).filter(x -> x != null).forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Names every rack and device: by id when it is the only one with that id, else by path. A
     * repeated id is kept and warned about once, naming every place; only racks that cannot be told
     * apart even by path (the same id twice in one aisle) are left out.
     */
    private final class Keys {
        private final Map<String, Integer> rackIds;
        private final Set<String> repeatedDevices;
        private final Map<String, List<Rack>> repeats = new LinkedHashMap<>();
        private final Set<String> used = new HashSet<>();
        private final Map<String, Rack> placed = new HashMap<>();

        Keys(Map<String, Integer> rackIds, Set<String> repeatedDevices) {
            this.rackIds = rackIds;
            this.repeatedDevices = repeatedDevices;
        }

        List<Rack> of(List<RackSource> sources, Map<RackSource, Rack> parsed) {
            List<Rack> out = new ArrayList<>();
            for (RackSource src : sources) {
                Rack rack = parsed.get(src);
                if (rack == null) {
                    continue;
                }
                String key = key(rack);
                if (key != null) {
                    Rack keyed = rack.keyed(key, repeatedDevices);
                    if (keyed.repeated()) {
                        repeats.computeIfAbsent(rack.id(), k -> new ArrayList<>()).add(keyed);
                    }
                    out.add(keyed);
                }
            }
            return out;
        }

        private String key(Rack rack) {
            if (rackIds.get(rack.id()) == 1) {
                used.add(rack.id());
                return rack.id();
            }
            String full =
                    rack.siteId() + "/" + rack.roomId() + "/" + rack.aisleId() + "/" + rack.id();
            Rack first = placed.putIfAbsent(full, rack);
            if (first != null) {
                diagnostics.error(
                        rack.file(),
                        rack.line(),
                        "the rack id '"
                                + rack.id()
                                + "' is already used in the same place at "
                                + first.file()
                                + ":"
                                + first.line()
                                + "; this second rack was left out");
                return null;
            }
            // the same id in two aisles of one room: the path needs the aisle
            return used.add(rack.path()) ? rack.path() : full;
        }

        /** One warning per repeated rack id, at its second rack, naming them all. */
        void warn() {
            repeats.forEach(
                    (id, racks) -> {
                        if (racks.size() < 2) {
                            return;
                        }
                        Places.warnRepeated(
                                diagnostics,
                                "rack",
                                "rack-scope",
                                id,
                                racks,
                                Rack::key,
                                Rack::file,
                                Rack::line,
                                " (and a chassis series to every device of theirs that shares its"
                                        + " id)");
                    });
        }
    }

    private boolean duplicate(Map<String, YamlNode> seen, String id, YamlNode at, String kind) {
        YamlNode first = seen.putIfAbsent(id, at);
        if (first != null) {
            diagnostics.error(
                    at,
                    "the "
                            + kind
                            + " id '"
                            + id
                            + "' is already used at "
                            + first.file()
                            + ":"
                            + first.line()
                            + "; this second one was left out");
            return true;
        }
        return false;
    }

    private RoomLayout layout(YamlNode.Mapping room) {
        Optional<YamlNode.Mapping> l = room.mapping("layout");
        if (l.isEmpty()) {
            return RoomLayout.DEFAULT;
        }
        YamlNode.Mapping m = l.get();
        LAYOUT.check(m, "a room layout", diagnostics);
        m.mapping("size").ifPresent(x -> SIZE.check(x, "layout.size", diagnostics));
        m.mapping("grid").ifPresent(x -> GRID.check(x, "layout.grid", diagnostics));
        m.mapping("door").ifPresent(x -> DOOR.check(x, "layout.door", diagnostics));
        m.mapping("orientation")
                .ifPresent(x -> ORIENTATION.check(x, "layout.orientation", diagnostics));
        YamlNode.Mapping size = m.mapping("size").orElse(YamlNode.Mapping.empty(m.file()));
        YamlNode.Mapping grid = m.mapping("grid").orElse(YamlNode.Mapping.empty(m.file()));
        YamlNode.Mapping door = m.mapping("door").orElse(YamlNode.Mapping.empty(m.file()));
        YamlNode.Mapping orientation =
                m.mapping("orientation").orElse(YamlNode.Mapping.empty(m.file()));
        Values v = new Values(diagnostics);
        Double position = v.number(door, "position", "layout.door.position");
        return new RoomLayout(
                m.text("shape", "rectangle"),
                size(v, size, "width"),
                size(v, size, "height"),
                orientation.text("north", "top"),
                v.bool(grid, "enabled", "layout.grid.enabled", true),
                v.integer(grid, "cell", "layout.grid.cell", 28),
                door.text("side", "south"),
                door.text("label", ""),
                position == null ? 0.5 : position);
    }

    private double size(Values v, YamlNode.Mapping size, String key) {
        Double d = v.number(size, key, "layout.size." + key);
        if (d != null && d < 0) {
            diagnostics.error(size.at(key), "layout.size." + key + " cannot be negative");
            return 0;
        }
        return d == null ? 0 : d;
    }

    private static String idOf(YamlNode n) {
        if (n instanceof YamlNode.Scalar s) {
            return s.isNull() ? null : s.value().trim();
        }
        return n instanceof YamlNode.Mapping m ? m.text("id", null) : null;
    }

    /**
     * An entry with more than {@code id} and {@code name} defines the thing in place rather than
     * naming it.
     */
    private static boolean isInline(YamlNode n) {
        return n instanceof YamlNode.Mapping m
                && m.entries().keySet().stream()
                        .anyMatch(k -> !k.equals("id") && !k.equals("name"));
    }
}
