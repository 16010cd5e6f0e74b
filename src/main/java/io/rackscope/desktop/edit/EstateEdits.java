package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.config.YamlFiles;
import io.rackscope.desktop.topology.Aisle;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.RackRoom;
import io.rackscope.desktop.topology.RackTemplate;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The edits of an estate, each one step of an {@link EditSession}, written where the web original
 * reads them: sites (with the nested {@code location}) in {@code topology/sites.yaml}, a room in
 * {@code datacenters/<site>/rooms/<room>/room.yaml} with its aisles listed, an aisle's racks in its
 * {@code aisle.yaml} in order, each rack one file under its aisle's {@code racks/}. Refused
 * (nothing changed) with the file, line and reason when it cannot be made.
 */
public final class EstateEdits {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    private final EditSession session;
    private final RackscopeConfig config;
    private final Path topology;
    private final Path loadedRoot;

    /**
     * Edits of {@code config}'s estate made in {@code session}; {@code config} may have been loaded
     * from a copy of the session's directory (an {@link EditCheck}'s): its files are mapped back.
     */
    public EstateEdits(EditSession session, RackscopeConfig config) {
        this.session = session;
        this.config = config;
        this.loadedRoot = config.paths().root().toAbsolutePath().normalize();
        this.topology = real(config.paths().topology());
    }

    /** {@code p} (a file of the loaded configuration) in the session's directory. */
    private Path real(Path p) {
        if (p == null) {
            return null;
        }
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(loadedRoot)
                ? session.root().resolve(loadedRoot.relativize(a).toString())
                : a;
    }

    // ---- sites ----

    public void addSite(String id, String name, Double lat, Double lon) {
        checkId(id, "site");
        if (config.topology().site(id).isPresent()) {
            throw new EditRefused(sitesFile(), 0, "a site '" + id + "' exists already");
        }
        Map<String, Object> location =
                lat == null || lon == null
                        ? null
                        : Item.fields("lat", Scalars.number(lat), "lon", Scalars.number(lon));
        Item site =
                Item.map(
                        Item.fields(
                                "id",
                                Scalars.id(id),
                                "name",
                                Scalars.text(name == null ? id : name),
                                "location",
                                location));
        session.step();
        Path file = sitesFile();
        if (!session.exists(file)) {
            session.write(file, "sites:\n  - " + String.join("\n    ", site.block()) + "\n");
            return;
        }
        YamlText t = session.yaml(file);
        session.write(file, t.insertInto(t.top(), "sites", -1, site));
    }

    public void setLocation(String siteId, double lat, double lon) {
        site(siteId);
        YamlText t = session.yaml(sitesFile());
        session.step();
        // the nested form the original reads; a missing location block is added
        t = t.setPath(siteNode(t, siteId), List.of("location"), "lat", Scalars.number(lat));
        t = t.setPath(siteNode(t, siteId), List.of("location"), "lon", Scalars.number(lon));
        session.write(sitesFile(), t);
    }

    public void deleteSite(String siteId) {
        site(siteId);
        session.step();
        unlist(sitesFile(), YamlText::top, "sites", siteId);
        deleteTree(siteDir(siteId));
    }

    // ---- rooms ----

    public void addRoom(String siteId, String id, String name) {
        Site site = site(siteId);
        checkId(id, "room");
        if (site.rooms().stream().anyMatch(r -> r.id().equals(id))) {
            throw new EditRefused(sitesFile(), 0, "site '" + siteId + "' has a room '" + id + "'");
        }
        session.step();
        Path file = roomDir(siteId, id).resolve("room.yaml");
        session.write(
                file,
                "id: "
                        + Scalars.id(id)
                        + "\nname: "
                        + Scalars.text(name == null ? id : name)
                        + "\nsite_id: "
                        + Scalars.id(siteId)
                        + "\n\naisles: []\n");
        YamlText t = session.yaml(sitesFile());
        Optional<SequenceNode> listed = YamlText.sequence(siteNode(t, siteId), "rooms");
        if (listed.isPresent()) {
            session.write(sitesFile(), t.append(listed.get(), like(listed.get(), id, name)));
        }
    }

    public void deleteRoom(String roomKey) {
        Room room = room(roomKey);
        session.step();
        unlist(sitesFile(), t -> siteNode(t, room.siteId()), "rooms", room.id());
        deleteTree(roomDir(room.siteId(), room.id()));
    }

    // ---- aisles ----

    public void addAisle(String roomKey, String id, String name) {
        Room room = room(roomKey);
        checkId(id, "aisle");
        if (room.aisles().stream().anyMatch(a -> a.id().equals(id))) {
            throw new EditRefused(
                    roomFile(room), 0, "room '" + roomKey + "' has an aisle '" + id + "'");
        }
        session.step();
        YamlText t = session.yaml(roomFile(room));
        Optional<SequenceNode> aisles = YamlText.sequence(t.top(), "aisles");
        session.write(
                roomFile(room),
                t.insertInto(t.top(), "aisles", -1, like(aisles.orElse(null), id, name)));
        session.write(
                aisleDir(room, id).resolve("aisle.yaml"),
                "id: "
                        + Scalars.id(id)
                        + "\nname: "
                        + Scalars.text(name == null ? id : name)
                        + "\n\nracks: []\n");
    }

    /** An aisle moved to {@code index} (0: first) of its room's list. */
    public void moveAisle(String aisleKey, int index) {
        Aisle aisle = aisle(aisleKey);
        Path roomFile = roomFile(room(aisle.siteId() + "/" + aisle.roomId()));
        YamlText t = session.yaml(roomFile);
        Optional<SequenceNode> aisles = YamlText.sequence(t.top(), "aisles");
        int from = aisles.map(a -> YamlText.indexOf(a, aisle.id())).orElse(-1);
        if (from < 0) {
            throw new EditRefused(
                    roomFile, 0, "the room does not list its aisles: their order is the folder's");
        }
        int to = Math.max(0, Math.min(aisles.get().getValue().size() - 1, index));
        session.step();
        session.write(roomFile, t.moveItem(aisles.get(), from, to));
    }

    public void deleteAisle(String aisleKey) {
        Aisle aisle = aisle(aisleKey);
        Room room = room(aisle.siteId() + "/" + aisle.roomId());
        session.step();
        unlist(roomFile(room), YamlText::top, "aisles", aisle.id());
        deleteTree(aisleDir(room, aisle.id()));
    }

    // ---- racks ----

    public void addRack(String aisleKey, String id, String templateId, Integer uHeight) {
        addRack(aisleKey, id, id, templateId, uHeight);
    }

    /** A rack at the end of an aisle: its file, and the aisle's list. */
    public void addRack(
            String aisleKey, String id, String name, String templateId, Integer uHeight) {
        Aisle aisle = aisle(aisleKey);
        checkId(id, "rack");
        Path aisleFile = aisleFile(aisle);
        if (config.topology().racks().stream().anyMatch(r -> r.id().equals(id))) {
            throw new EditRefused(aisleFile, 0, "a rack '" + id + "' exists already");
        }
        int u = rackHeight(aisleFile, templateId, uHeight);
        session.step();
        session.write(
                aisleFile.resolveSibling("racks").resolve(id + ".yaml"),
                rackText(id, name == null || name.isBlank() ? id : name.trim(), templateId, u));
        listRack(aisleFile, id, -1);
    }

    /** A new rack's height: {@code uHeight}, else its template's, else 42; refused outside 1-60. */
    private int rackHeight(Path where, String templateId, Integer uHeight) {
        Optional<RackTemplate> template =
                templateId == null ? Optional.empty() : config.templates().rack(templateId);
        if (templateId != null && template.isEmpty()) {
            throw new EditRefused(where, 0, "no rack template '" + templateId + "'");
        }
        int u =
                uHeight != null
                        ? uHeight
                        : template.map(RackTemplate::uHeight).filter(h -> h > 0).orElse(42);
        if (u < 1 || u > 60) {
            throw new EditRefused(where, 0, "a rack is 1 to 60 U high, not " + u);
        }
        return u;
    }

    /** A new rack's file, empty of devices. */
    private static String rackText(String id, String name, String templateId, int u) {
        StringBuilder rack =
                new StringBuilder("id: ")
                        .append(Scalars.id(id))
                        .append("\nname: ")
                        .append(Scalars.text(name))
                        .append("\nu_height: ")
                        .append(u)
                        .append('\n');
        if (templateId != null) {
            rack.append("template_id: ").append(Scalars.id(templateId)).append('\n');
        }
        return rack.append("devices: []\n").toString();
    }

    /** Moves a rack to {@code index} of another (or its own) aisle; -1 or null: the end. */
    public void moveRack(String rackKey, String toAisleKey, Integer index) {
        Rack rack = rack(rackKey);
        Aisle to = aisle(toAisleKey);
        if (rack.aisleId() == null) {
            throw new EditRefused(
                    real(rack.file()),
                    rack.line(),
                    "rack '" + rackKey + "' is standalone; only racks of an aisle move here");
        }
        Aisle from = aisle(rack.siteId() + "/" + rack.roomId() + "/" + rack.aisleId());
        Path fromFile = aisleFile(from);
        Path toFile = aisleFile(to);
        rackFile(rack);
        session.step();
        YamlText t = session.yaml(fromFile);
        SequenceNode racks =
                YamlText.sequence(t.top(), "racks")
                        .orElseThrow(
                                () -> new EditRefused(fromFile, 0, "the aisle lists no racks"));
        int at = YamlText.indexOf(racks, rack.id());
        session.write(fromFile, t.remove(t.top(), "racks", racks, at));
        listRack(toFile, rack.id(), index == null ? -1 : index);
        Path file = ownFile(rack).get();
        Path target = toFile.resolveSibling("racks").resolve(file.getFileName());
        if (!target.equals(file)) {
            String text = session.text(file).orElseThrow();
            session.delete(file);
            session.write(target, text);
        }
    }

    /**
     * A rack's id changed: in its file (renamed to the new id, as the original names them) and in
     * its aisle's or room's list. Its series carry the id: alerts and handled states of the old id
     * stay with it.
     */
    public void changeRackId(String rackKey, String id) {
        Rack rack = rack(rackKey);
        Path file = rackFile(rack);
        checkId(id, "rack");
        if (config.topology().racks().stream().anyMatch(r -> r.id().equals(id))) {
            throw new EditRefused(file, 0, "a rack '" + id + "' exists already");
        }
        Path list =
                rack.aisleId() != null
                        ? aisleFile(
                                aisle(rack.siteId() + "/" + rack.roomId() + "/" + rack.aisleId()))
                        : roomFile(room(rack.roomKey()));
        String key = rack.aisleId() != null ? "racks" : "standalone_racks";
        session.step();
        YamlText l = session.yaml(list);
        Optional<SequenceNode> listed = YamlText.sequence(l.top(), key);
        int i = listed.map(seq -> YamlText.indexOf(seq, rack.id())).orElse(-1);
        if (i >= 0) {
            Node item = listed.get().getValue().get(i);
            session.write(
                    list,
                    item instanceof ScalarNode sc
                            ? l.setScalar(sc, Scalars.text(id, sc.getScalarStyle()))
                            : l.setText((MappingNode) item, "id", id));
        }
        YamlText t = session.yaml(file);
        String text = t.setText(t.top(), "id", id).text();
        session.delete(file);
        session.write(file.resolveSibling(id + ".yaml"), text);
    }

    public void deleteRack(String rackKey) {
        Rack rack = rack(rackKey);
        session.step();
        if (rack.aisleId() != null) {
            Aisle aisle = aisle(rack.siteId() + "/" + rack.roomId() + "/" + rack.aisleId());
            unlist(aisleFile(aisle), YamlText::top, "racks", rack.id());
        } else {
            unlist(roomFile(room(rack.roomKey())), YamlText::top, "standalone_racks", rack.id());
        }
        ownFile(rack).ifPresent(session::delete);
    }

    // ---- rooms: layout, standalone racks ----

    /** A room's floor as its {@code layout} says it; null values are left as they are. */
    public record Layout(
            Double width,
            Double height,
            Integer cell,
            Boolean grid,
            String north,
            String doorSide,
            Double doorPosition,
            String doorLabel) {}

    private static final List<String> SIDES = List.of("north", "south", "east", "west");
    private static final List<String> NORTH = List.of("top", "right", "bottom", "left");

    public void setLayout(String roomKey, Layout l) {
        Room room = room(roomKey);
        Path file = roomFile(room);
        if (l.width() != null && (l.width() < 1 || l.width() > 1000)
                || l.height() != null && (l.height() < 1 || l.height() > 1000)) {
            throw new EditRefused(file, 0, "a room is 1 to 1000 grid cells wide and deep");
        }
        if (l.cell() != null && (l.cell() < 8 || l.cell() > 200)) {
            throw new EditRefused(file, 0, "a grid cell is 8 to 200 pixels, not " + l.cell());
        }
        if (l.doorSide() != null && !SIDES.contains(l.doorSide())) {
            throw new EditRefused(file, 0, "a door is on the north, south, east or west side");
        }
        if (l.north() != null && !NORTH.contains(l.north())) {
            throw new EditRefused(file, 0, "north is at the top, right, bottom or left");
        }
        if (l.doorPosition() != null && (l.doorPosition() < 0 || l.doorPosition() > 1)) {
            throw new EditRefused(file, 0, "a door's position along its wall is 0 to 1");
        }
        session.step();
        YamlText t = session.yaml(file);
        List<Object[]> sets = new java.util.ArrayList<>();
        if (l.width() != null) {
            sets.add(new Object[] {List.of("layout", "size"), "width", Scalars.number(l.width())});
        }
        if (l.height() != null) {
            sets.add(
                    new Object[] {List.of("layout", "size"), "height", Scalars.number(l.height())});
        }
        if (l.grid() != null) {
            sets.add(new Object[] {List.of("layout", "grid"), "enabled", l.grid().toString()});
        }
        if (l.cell() != null) {
            sets.add(new Object[] {List.of("layout", "grid"), "cell", Scalars.number(l.cell())});
        }
        if (l.north() != null) {
            sets.add(new Object[] {List.of("layout", "orientation"), "north", l.north()});
        }
        if (l.doorSide() != null) {
            sets.add(new Object[] {List.of("layout", "door"), "side", l.doorSide()});
        }
        if (l.doorPosition() != null) {
            sets.add(
                    new Object[] {
                        List.of("layout", "door"), "position", Scalars.number(l.doorPosition())
                    });
        }
        if (l.doorLabel() != null) {
            sets.add(
                    new Object[] {List.of("layout", "door"), "label", Scalars.text(l.doorLabel())});
        }
        for (Object[] set : sets) {
            @SuppressWarnings("unchecked")
            List<String> path = (List<String>) set[0];
            t = t.setPath(t.top(), path, (String) set[1], (String) set[2]);
        }
        session.write(file, t);
    }

    /** A rack standing in the room outside any aisle ({@code standalone_racks/<id>.yaml}). */
    public void addStandaloneRack(String roomKey, String id, String templateId, Integer uHeight) {
        Room room = room(roomKey);
        Path file = roomFile(room);
        checkId(id, "rack");
        if (config.topology().racks().stream().anyMatch(r -> r.id().equals(id))) {
            throw new EditRefused(file, 0, "a rack '" + id + "' exists already");
        }
        int u = rackHeight(file, templateId, uHeight);
        session.step();
        session.write(
                roomDir(room.siteId(), room.id()).resolve("standalone_racks").resolve(id + ".yaml"),
                rackText(id, id, templateId, u));
        YamlText t = session.yaml(file);
        Optional<SequenceNode> listed = YamlText.sequence(t.top(), "standalone_racks");
        if (listed.isPresent()) {
            session.write(file, t.append(listed.get(), like(listed.get(), id, null)));
        }
    }

    // ---- names ----

    /** A new display name for a site, room (SITE/ROOM), aisle (SITE/ROOM/AISLE), rack or device. */
    public void rename(String kind, String key, String name) {
        if (name == null || name.isBlank()) {
            throw new EditRefused("a name cannot be empty");
        }
        String n = name.trim();
        switch (kind) {
            case "site" -> {
                site(key);
                session.step();
                YamlText t = session.yaml(sitesFile());
                session.write(sitesFile(), t.setText(siteNode(t, key), "name", n));
            }
            case "room" -> setTop(roomFile(room(key)), n);
            case "aisle" -> {
                Aisle aisle = aisle(key);
                setTop(aisleFile(aisle), n);
                Path roomFile = roomFile(room(aisle.siteId() + "/" + aisle.roomId()));
                YamlText t = session.yaml(roomFile);
                Optional<SequenceNode> aisles = YamlText.sequence(t.top(), "aisles");
                int i = aisles.map(a -> YamlText.indexOf(a, aisle.id())).orElse(-1);
                if (i >= 0
                        && aisles.get().getValue().get(i) instanceof MappingNode m
                        && YamlText.value(m, "name").isPresent()) {
                    // the room's list names it too: both say the same
                    session.write(roomFile, t.setText(m, "name", n));
                }
            }
            case "rack" -> {
                Rack rack = rack(key);
                setTop(rackFile(rack), n);
            }
            case "device" -> {
                Device d = device(key);
                Path file = deviceFile(d);
                YamlText t = session.yaml(file);
                session.step();
                session.write(file, t.setText(deviceNode(t, d.id()), "name", n));
            }
            default ->
                    throw new EditRefused("what is renamed is a site, room, aisle, rack or device");
        }
    }

    private void setTop(Path file, String name) {
        session.step();
        YamlText t = session.yaml(file);
        session.write(file, t.setText(t.top(), "name", name));
    }

    // ---- devices: moving ----

    /** Where a device goes: the lowest U of a face of a rack. */
    public record Placement(String deviceKey, String rackKey, int u, Face face) {}

    /** Moves a device to {@code u} of {@code face} of its rack, checked for room there. */
    public void moveDevice(String deviceKey, int u, Face face) {
        moveDevices(List.of(new Placement(deviceKey, device(deviceKey).rackKey(), u, face)));
    }

    /**
     * Moves devices at once, within their racks or to others, each checked for room against the
     * devices that stay and against the others moved; a device going to another rack takes its text
     * along (comments, labels, its instance as written).
     */
    public void moveDevices(List<Placement> moves) {
        java.util.Set<String> moving = new java.util.HashSet<>();
        moves.forEach(m -> moving.add(m.deviceKey()));
        List<Slot> taken = new ArrayList<>();
        for (Placement m : moves) {
            Device d = device(m.deviceKey());
            Rack to = rack(m.rackKey());
            Path file = rackFile(to);
            if (!to.key().equals(d.rackKey())
                    && to.devices().stream().anyMatch(o -> o.id().equals(d.id()))) {
                throw new EditRefused(
                        file, 0, "rack '" + to.key() + "' has a device '" + d.id() + "' already");
            }
            Slot slot = new Slot(to.key(), m.face(), m.u(), m.u() + height(d.templateId()) - 1);
            checkRoom(to, file, slot, moving);
            for (Slot other : taken) {
                if (other.overlaps(slot)) {
                    throw new EditRefused(
                            file,
                            0,
                            "the devices moved together would overlap at U "
                                    + Math.max(slot.from(), other.from())
                                    + " of rack "
                                    + to.id());
                }
            }
            taken.add(slot);
        }
        session.step();
        for (Placement m : moves) {
            Device d = device(m.deviceKey());
            Path to = rackFile(rack(m.rackKey()));
            if (!m.rackKey().equals(d.rackKey())) {
                carry(d, deviceFile(d), to);
            }
            YamlText t = session.yaml(to);
            t = t.set(deviceNode(t, d.id()), "u_position", Scalars.number(m.u()));
            t = t.set(deviceNode(t, d.id()), "face", m.face().name().toLowerCase(Locale.ROOT));
            session.write(to, t);
        }
    }

    /** {@code d}'s entry taken out of {@code from}'s list and added to {@code to}'s. */
    private void carry(Device d, Path from, Path to) {
        YamlText source = session.yaml(from);
        SequenceNode list = YamlText.sequence(source.top(), "devices").orElseThrow();
        String text = source.itemText(list, YamlText.indexOf(list, d.id()));
        unlist(from, YamlText::top, "devices", d.id());
        YamlText t = session.yaml(to);
        Optional<SequenceNode> there = YamlText.sequence(t.top(), "devices");
        if (there.isPresent()
                && !there.get().getValue().isEmpty()
                && there.get().getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
            session.write(to, t.appendText(there.get(), text));
        } else {
            // no block list to copy the text into: the device written anew
            session.write(
                    to,
                    t.insertInto(
                            t.top(),
                            "devices",
                            -1,
                            deviceItem(
                                    d.id(),
                                    d.name(),
                                    d.templateId(),
                                    d.uPosition(),
                                    d.face(),
                                    d.instances().isEmpty()
                                            ? null
                                            : instanceYaml(instanceText(d)))));
        }
    }

    /** U {@code from} to {@code to} of a face of a rack. */
    private record Slot(String rack, Face face, int from, int to) {
        boolean overlaps(Slot o) {
            return rack.equals(o.rack) && face == o.face && from <= o.to && o.from <= to;
        }
    }

    private int height(String templateId) {
        return Math.max(
                1, config.templates().device(templateId).map(DeviceTemplate::uHeight).orElse(1));
    }

    /**
     * Refused unless {@code slot} is inside the rack and free ({@code moving}: devices being moved,
     * which do not count).
     */
    private void checkRoom(Rack rack, Path file, Slot slot, java.util.Set<String> moving) {
        Optional<RackRoom.Obstacle> in =
                RackRoom.obstacle(
                        rack,
                        this::height,
                        slot.from(),
                        slot.to() - slot.from() + 1,
                        slot.face(),
                        moving);
        if (in.isEmpty()) {
            return;
        }
        Device d = in.get().device();
        if (d == null) {
            throw new EditRefused(
                    file,
                    0,
                    "U "
                            + slot.from()
                            + "-"
                            + slot.to()
                            + " is outside rack '"
                            + rack.key()
                            + "' (1-"
                            + rack.uHeight()
                            + ")");
        }
        throw new EditRefused(
                real(d.file()),
                d.line(),
                "a collision at U "
                        + Math.max(slot.from(), in.get().from())
                        + " on the "
                        + slot.face().name().toLowerCase(Locale.ROOT)
                        + " of rack "
                        + rack.id()
                        + ": '"
                        + d.id()
                        + "' is at U "
                        + in.get().from()
                        + "-"
                        + in.get().to());
    }

    // ---- devices: editing ----

    /**
     * A device's id, name and {@code instance} as typed: a name ({@code cn001}), a range pattern
     * ({@code cn[001-004]}) or a list ({@code cn001, cn007}); only what differs is written.
     */
    public void editDevice(String deviceKey, String id, String name, String instance) {
        Device d = device(deviceKey);
        Path file = deviceFile(d);
        Rack rack = rack(d.rackKey());
        if (!id.equals(d.id())) {
            checkId(id, "device");
            if (rack.devices().stream().anyMatch(o -> o.id().equals(id))) {
                throw new EditRefused(
                        file, 0, "rack '" + rack.key() + "' has a device '" + id + "'");
            }
        }
        if (name == null || name.isBlank()) {
            throw new EditRefused(file, d.line(), "a name cannot be empty");
        }
        session.step();
        YamlText t = session.yaml(file);
        if (!name.trim().equals(d.name())) {
            t = t.setText(deviceNode(t, d.id()), "name", name.trim());
        }
        String typed = instance == null ? "" : instance.trim();
        if (!typed.isEmpty() && !typed.equals(instanceText(d))) {
            t = t.replace(deviceNode(t, d.id()), "instance", instanceYaml(typed));
        }
        if (!id.equals(d.id())) {
            t = t.setText(deviceNode(t, d.id()), "id", id);
        }
        session.write(file, t);
    }

    /** A device's nodes as a person would type them: one name, a range pattern, or a list. */
    public static String instanceText(Device d) {
        return io.rackscope.desktop.config.Ids.compact(d.instanceIds());
    }

    /** The YAML of a typed instance: a list when it names several apart, else a string. */
    private static String instanceYaml(String typed) {
        List<String> parts =
                java.util.Arrays.stream(typed.split("[,;]"))
                        .map(String::trim)
                        .filter(p -> !p.isEmpty())
                        .toList();
        if (parts.size() == 1) {
            return Scalars.text(parts.get(0));
        }
        return "[" + String.join(", ", parts.stream().map(Scalars::id).toList()) + "]";
    }

    /** The device {@code key} names, as loaded (refused when there is none). */
    public Device device(String key) {
        return config.topology()
                .device(key)
                .orElseThrow(() -> new EditRefused("no device '" + key + "'"));
    }

    private Path deviceFile(Device d) {
        return rackFile(rack(d.rackKey()));
    }

    private static MappingNode deviceNode(YamlText t, String id) {
        SequenceNode devices = YamlText.sequence(t.top(), "devices").orElseThrow();
        return (MappingNode) devices.getValue().get(YamlText.indexOf(devices, id));
    }

    // ---- devices ----

    /** A device to add: its id and name, template, lowest U and face, and its nodes as typed. */
    public record NewDevice(
            String id, String name, String templateId, int u, Face face, String instance) {
        /** Named by its id. */
        public NewDevice(String id, String templateId, int u, Face face, String instance) {
            this(id, id, templateId, u, face, instance);
        }
    }

    public void addDevice(
            String rackKey, String id, String templateId, int u, Face face, String instance) {
        addDevices(rackKey, List.of(new NewDevice(id, templateId, u, face, instance)));
    }

    /** Devices added to a rack at once (a group pasted), each checked for room and id. */
    public void addDevices(String rackKey, List<NewDevice> added) {
        Rack rack = rack(rackKey);
        Path file = rackFile(rack);
        List<Slot> taken = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (NewDevice n : added) {
            checkId(n.id(), "device");
            if (!ids.add(n.id()) || rack.devices().stream().anyMatch(d -> d.id().equals(n.id()))) {
                throw new EditRefused(
                        file, 0, "rack '" + rackKey + "' has a device '" + n.id() + "'");
            }
            DeviceTemplate template =
                    config.templates()
                            .device(n.templateId())
                            .orElseThrow(
                                    () ->
                                            new EditRefused(
                                                    file,
                                                    0,
                                                    "no device template '" + n.templateId() + "'"));
            Slot slot =
                    new Slot(
                            rack.key(),
                            n.face(),
                            n.u(),
                            n.u() + Math.max(1, template.uHeight()) - 1);
            checkRoom(rack, file, slot, java.util.Set.of());
            for (Slot other : taken) {
                if (other.overlaps(slot)) {
                    throw new EditRefused(
                            file,
                            0,
                            "the devices added together would overlap at U "
                                    + Math.max(slot.from(), other.from()));
                }
            }
            taken.add(slot);
        }
        session.step();
        for (NewDevice n : added) {
            YamlText t = session.yaml(file);
            String instance =
                    n.instance() == null || n.instance().isBlank()
                            ? null
                            : instanceYaml(n.instance().trim());
            Item device = deviceItem(n.id(), n.name(), n.templateId(), n.u(), n.face(), instance);
            session.write(file, t.insertInto(t.top(), "devices", -1, device));
        }
    }

    /** A device entry; {@code instance}: its YAML, or null for a chassis without nodes. */
    private static Item deviceItem(
            String id, String name, String templateId, int u, Face face, String instance) {
        return Item.map(
                Item.fields(
                        "id", Scalars.id(id),
                        "name", Scalars.text(name),
                        "template_id", Scalars.id(templateId),
                        "u_position", Scalars.number(u),
                        "face", side(face),
                        "instance", instance));
    }

    private static String side(Face face) {
        return face.name().toLowerCase(Locale.ROOT);
    }

    public void deleteDevice(String deviceKey) {
        deleteDevices(List.of(deviceKey));
    }

    /** Devices deleted at once, as one step. */
    public void deleteDevices(List<String> deviceKeys) {
        List<Device> gone = deviceKeys.stream().map(this::device).toList();
        session.step();
        for (Device d : gone) {
            unlist(deviceFile(d), YamlText::top, "devices", d.id());
        }
    }

    /** Templates where they are used: used by, delete, a new id everywhere. */
    public TemplateEdits templates() {
        return new TemplateEdits(session, config, this::real);
    }

    /** Checks of the library: read and written, used by, delete, a new id everywhere. */
    public LibraryEdits checks() {
        return new LibraryEdits(LibraryEdits.Library.CHECK, session, config, this::real);
    }

    /** Metrics of the library: read and written, used by, delete, a new id everywhere. */
    public LibraryEdits metrics() {
        return new LibraryEdits(LibraryEdits.Library.METRIC, session, config, this::real);
    }

    /** The settings of app.yaml, read and written key by key. */
    public SettingsEdits settings() {
        return new SettingsEdits(session, config, this::real);
    }

    /** The Slurm plugin's settings and node mapping. */
    public SlurmEdits slurm() {
        return new SlurmEdits(session, config, this::real);
    }

    /** Rack components placed on the side rails of rack templates. */
    public ComponentEdits components() {
        return new ComponentEdits(session, config);
    }

    // ---- device templates ----

    /**
     * A new device template in a file of its own ({@code templates/devices/TYPE/ID.yaml}, where the
     * original keeps them): {@code rows} by {@code cols} nodes numbered left to right, top to
     * bottom, and the {@code checks} (ids of the library) that apply to its devices.
     */
    public void addDeviceTemplate(
            String id,
            String name,
            String type,
            int uHeight,
            int rows,
            int cols,
            List<String> checks) {
        Path templates = real(config.paths().templates());
        checkId(id, "device template");
        checkId(type, "device type");
        Path file = templates.resolve("devices").resolve(type).resolve(id + ".yaml");
        if (config.templates().device(id).isPresent()) {
            throw new EditRefused(file, 0, "a device template '" + id + "' exists already");
        }
        if (uHeight < 1 || uHeight > 60 || rows < 1 || cols < 1 || rows * cols > 512) {
            throw new EditRefused(
                    file,
                    0,
                    "a template is 1 to 60 U high with 1 to 512 nodes, in rows and columns");
        }
        for (String c : checks) {
            if (config.check(c).isEmpty()) {
                throw new EditRefused(file, 0, "no check '" + c + "' in the library");
            }
        }
        StringBuilder b =
                new StringBuilder("templates:\n  - id: ")
                        .append(Scalars.id(id))
                        .append("\n    name: ")
                        .append(Scalars.text(name == null || name.isBlank() ? id : name.trim()))
                        .append("\n    type: ")
                        .append(Scalars.id(type))
                        .append("\n    u_height: ")
                        .append(uHeight)
                        .append("\n    layout:\n      type: grid\n      rows: ")
                        .append(rows)
                        .append("\n      cols: ")
                        .append(cols)
                        .append("\n      matrix:\n");
        for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= cols; c++) {
                row.add(Integer.toString(r * cols + c));
            }
            b.append("        - [").append(String.join(", ", row)).append("]\n");
        }
        b.append("    checks: [")
                .append(String.join(", ", checks.stream().map(Scalars::id).toList()))
                .append("]\n");
        session.step();
        session.write(file, b.toString());
    }

    // ---- where things are ----

    private void listRack(Path aisleFile, String rackId, int index) {
        YamlText t = session.yaml(aisleFile);
        Item entry = like(YamlText.sequence(t.top(), "racks").orElse(null), rackId, null);
        session.write(aisleFile, t.insertInto(t.top(), "racks", index, entry));
    }

    /**
     * A new entry of a list in the form its items already have: a bare id, {@code {id}}, or {@code
     * {id, name}}.
     */
    private static Item like(SequenceNode list, String id, String name) {
        Node first = list == null || list.getValue().isEmpty() ? null : list.getValue().get(0);
        if (first instanceof ScalarNode) {
            return Item.scalar(Scalars.id(id));
        }
        boolean named =
                first == null
                        ? name != null
                        : first instanceof MappingNode m && YamlText.value(m, "name").isPresent();
        Item item =
                Item.map(
                        Item.fields(
                                "id",
                                Scalars.id(id),
                                "name",
                                named ? Scalars.text(name == null ? id : name) : null));
        boolean flow =
                first instanceof MappingNode fm
                        && fm.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW;
        return flow ? Item.scalar(item.flow()) : item;
    }

    private Path sitesFile() {
        return YamlFiles.named(topology, "sites");
    }

    private Path siteDir(String siteId) {
        return topology.resolve("datacenters").resolve(siteId);
    }

    private Path roomDir(String siteId, String roomId) {
        return siteDir(siteId).resolve("rooms").resolve(roomId);
    }

    private Path roomFile(Room room) {
        Path f = YamlFiles.named(roomDir(room.siteId(), room.id()), "room");
        if (!session.exists(f)) {
            throw new EditRefused(
                    sitesFile(),
                    0,
                    "room '"
                            + room.key()
                            + "' has no room.yaml of its own (written inline?); edit it by hand");
        }
        return f;
    }

    private Path aisleDir(Room room, String aisleId) {
        return roomDir(room.siteId(), room.id()).resolve("aisles").resolve(aisleId);
    }

    private Path aisleFile(Aisle aisle) {
        Room room = room(aisle.siteId() + "/" + aisle.roomId());
        Path f = YamlFiles.named(aisleDir(room, aisle.id()), "aisle");
        if (!session.exists(f)) {
            throw new EditRefused(
                    roomFile(room),
                    0,
                    "aisle '" + aisle.key() + "' has no aisle.yaml of its own; edit it by hand");
        }
        return f;
    }

    /**
     * The rack's own file; refused for a rack written inline in its aisle's list (edited by hand).
     */
    private Path rackFile(Rack rack) {
        return ownFile(rack)
                .orElseThrow(
                        () ->
                                new EditRefused(
                                        real(rack.file()),
                                        rack.line(),
                                        "rack '"
                                                + rack.key()
                                                + "' is written inside its aisle's list, not in a"
                                                + " file of its own; edit it there by hand"));
    }

    /** The rack's own file, when it has one (not a rack written inline in a list). */
    private Optional<Path> ownFile(Rack rack) {
        Path f = rack.file() == null ? null : real(rack.file());
        if (f == null) {
            return Optional.empty();
        }
        String name = f.getFileName().toString();
        boolean own = name.equals(rack.id() + ".yaml") || name.equals(rack.id() + ".yml");
        return own ? Optional.of(f) : Optional.empty();
    }

    private MappingNode siteNode(YamlText t, String siteId) {
        SequenceNode sites =
                YamlText.sequence(t.top(), "sites")
                        .orElseThrow(() -> new EditRefused(sitesFile(), 0, "no sites list"));
        int i = YamlText.indexOf(sites, siteId);
        if (i < 0 || !(sites.getValue().get(i) instanceof MappingNode m)) {
            throw new EditRefused(
                    sitesFile(), 0, "site '" + siteId + "' is not written in sites.yaml");
        }
        return m;
    }

    private Site site(String id) {
        return config.topology()
                .site(id)
                .orElseThrow(() -> new EditRefused(sitesFile(), 0, "no site '" + id + "'"));
    }

    private Room room(String key) {
        String[] p = key.split("/");
        if (p.length != 2) {
            throw new EditRefused("a room is named site/room, not '" + key + "'");
        }
        return config.topology()
                .room(p[0], p[1])
                .orElseThrow(() -> new EditRefused("no room '" + key + "'"));
    }

    private Aisle aisle(String key) {
        String[] p = key.split("/");
        if (p.length != 3) {
            throw new EditRefused("an aisle is named site/room/aisle, not '" + key + "'");
        }
        return config.topology()
                .aisle(p[0], p[1], p[2])
                .orElseThrow(() -> new EditRefused("no aisle '" + key + "'"));
    }

    private Rack rack(String key) {
        return config.topology()
                .rack(key)
                .orElseThrow(() -> new EditRefused("no rack '" + key + "'"));
    }

    private static void checkId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new EditRefused(
                    "a "
                            + what
                            + " id is lower-case letters, digits, '.', '_' and '-' (starting with a letter or digit), not '"
                            + id
                            + "'");
        }
    }

    /**
     * {@code id} taken out of the list {@code key} of the mapping {@code owner} picks in {@code
     * file}, when it is listed there (a list may be absent: the folder is then read).
     */
    private void unlist(
            Path file,
            java.util.function.Function<YamlText, MappingNode> owner,
            String key,
            String id) {
        YamlText t = session.yaml(file);
        MappingNode m = owner.apply(t);
        Optional<SequenceNode> list = YamlText.sequence(m, key);
        int i = list.map(l -> YamlText.indexOf(l, id)).orElse(-1);
        if (i >= 0) {
            session.write(file, t.remove(m, key, list.get(), i));
        }
    }

    /** Deletes every file under {@code dir} in the session (the folders go when emptied). */
    private void deleteTree(Path dir) {
        // the loaded copy holds the files made in this session too
        Path loaded = loadedRoot.resolve(session.root().relativize(dir).toString());
        if (!Files.isDirectory(loaded)) {
            return;
        }
        try (Stream<Path> files = Files.walk(loaded)) {
            files.filter(Files::isRegularFile).map(this::real).forEach(session::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
