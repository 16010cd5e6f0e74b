package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.Rack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each edit kind on a copy of an example: the exact diff it writes (only the lines it must), and
 * the estate the loader then sees.
 */
class EstateEditsTest {
    static final String AISLE =
            "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/aisle.yaml";
    static final String RACK01 =
            "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-01.yaml";

    @TempDir Path dir;

    EditFixture simpleRoom() {
        return EditFixture.example("simple-room", dir);
    }

    @Test
    void addSiteAppendsItWithTheNestedLocation() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- a/topology/sites.yaml
                +++ b/topology/sites.yaml
                @@ -3,3 +3,8 @@
                     name: My Lab
                     description: Local server room
                     rooms_path: datacenters/my-lab/rooms
                +  - id: paris
                +    name: Paris DC
                +    location:
                +      lat: 48.85
                +      lon: 2.35
                """,
                f.diff(e -> e.addSite("paris", "Paris DC", 48.85, 2.35)));
        RackscopeConfig after = f.saveAndLoad();
        assertEquals(48.85, after.topology().site("paris").orElseThrow().location().lat());
        assertFalse(after.hasErrors());
    }

    @Test
    void setLocationAddsTheBlockOrChangesOnlyTheTwoNumbers() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- a/topology/sites.yaml
                +++ b/topology/sites.yaml
                @@ -3,3 +3,6 @@
                     name: My Lab
                     description: Local server room
                     rooms_path: datacenters/my-lab/rooms
                +    location:
                +      lat: 45.5
                +      lon: -73.56
                """,
                f.diff(e -> e.setLocation("my-lab", 45.5, -73.56)));
        EditFixture hpc = EditFixture.example("hpc-cluster", dir.resolve("hpc"));
        assertEquals(
                """
                --- a/topology/sites.yaml
                +++ b/topology/sites.yaml
                @@ -2,7 +2,7 @@
                 - id: dc-paris
                   name: Paris HPC Datacenter
                   location:
                -    lat: 48.8566
                -    lon: 2.3522
                +    lat: 48.9
                +    lon: 2.4
                     address: Paris, FR
                   rooms_path: datacenters/dc-paris/rooms
                """,
                hpc.diff(e -> e.setLocation("dc-paris", 48.9, 2.4)));
        assertEquals(
                2.4, hpc.saveAndLoad().topology().site("dc-paris").orElseThrow().location().lon());
    }

    @Test
    void addRoomWritesItsRoomFile() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- /dev/null
                +++ b/topology/datacenters/my-lab/rooms/lab-2/room.yaml
                @@ -0,0 +1,5 @@
                +id: lab-2
                +name: Lab Two
                +site_id: my-lab
                +
                +aisles: []
                """,
                f.diff(e -> e.addRoom("my-lab", "lab-2", "Lab Two")));
        RackscopeConfig after = f.saveAndLoad();
        assertEquals("Lab Two", after.topology().room("my-lab", "lab-2").orElseThrow().name());
        assertFalse(after.hasErrors());
    }

    @Test
    void addAisleListsItInItsRoomAndWritesItsFile() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- /dev/null
                +++ b/topology/datacenters/my-lab/rooms/server-room/aisles/aisle-b/aisle.yaml
                @@ -0,0 +1,4 @@
                +id: aisle-b
                +name: Aisle B
                +
                +racks: []
                --- a/topology/datacenters/my-lab/rooms/server-room/room.yaml
                +++ b/topology/datacenters/my-lab/rooms/server-room/room.yaml
                @@ -19,3 +19,5 @@
                 aisles:
                   - id: main-aisle
                     name: Server Aisle
                +  - id: aisle-b
                +    name: Aisle B
                """,
                f.diff(e -> e.addAisle("my-lab/server-room", "aisle-b", "Aisle B")));
        RackscopeConfig after = f.saveAndLoad();
        assertEquals(
                List.of("main-aisle", "aisle-b"),
                after.topology().room("my-lab", "server-room").orElseThrow().aisles().stream()
                        .map(a -> a.id())
                        .toList());
    }

    @Test
    void addRackWritesItsFileAndTheAislesList() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- a/topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/aisle.yaml
                +++ b/topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/aisle.yaml
                @@ -6,3 +6,4 @@
                   - id: rack-02
                   - id: rack-03
                   - id: rack-04
                +  - id: rack-05
                --- /dev/null
                +++ b/topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-05.yaml
                @@ -0,0 +1,5 @@
                +id: rack-05
                +name: rack-05
                +u_height: 42
                +template_id: simple-42u
                +devices: []
                """,
                f.diff(
                        e ->
                                e.addRack(
                                        "my-lab/server-room/main-aisle",
                                        "rack-05",
                                        "simple-42u",
                                        null)));
        Rack r = f.saveAndLoad().topology().rack("rack-05").orElseThrow();
        assertEquals("main-aisle", r.aisleId());
        assertEquals(42, r.uHeight());
    }

    @Test
    void moveRackReordersTheListAndMovesTheFileBetweenAisles() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- a/topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/aisle.yaml
                +++ b/topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/aisle.yaml
                @@ -2,7 +2,7 @@
                 name: Server Aisle
                 \n\
                 racks:
                +  - id: rack-04
                   - id: rack-01
                   - id: rack-02
                   - id: rack-03
                -  - id: rack-04
                """,
                f.diff(e -> e.moveRack("rack-04", "my-lab/server-room/main-aisle", 0)));
        RackscopeConfig moved = f.saveAndLoad();
        assertEquals(
                "rack-04",
                moved.topology()
                        .aisle("my-lab", "server-room", "main-aisle")
                        .orElseThrow()
                        .racks()
                        .get(0)
                        .id());
        // to another aisle: the rack's file goes along, byte for byte
        String rackText =
                f.read(
                        "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-02.yaml");
        EditSession s = new EditSession(f.root);
        EstateEdits edits = new EstateEdits(s, moved);
        edits.addAisle("my-lab/server-room", "aisle-b", "Aisle B");
        s.save();
        RackscopeConfig withB = new io.rackscope.desktop.config.ConfigLoader().load(f.root);
        new EstateEdits(s, withB).moveRack("rack-02", "my-lab/server-room/aisle-b", null);
        String rackDir = "topology/datacenters/my-lab/rooms/server-room/aisles/";
        assertTrue(
                s.diff()
                        .contains(
                                "diff --git a/"
                                        + rackDir
                                        + "main-aisle/racks/rack-02.yaml b/"
                                        + rackDir
                                        + "aisle-b/racks/rack-02.yaml\nsimilarity index 100%\n"
                                        + "rename from "
                                        + rackDir
                                        + "main-aisle/racks/rack-02.yaml\nrename to "
                                        + rackDir
                                        + "aisle-b/racks/rack-02.yaml\n"),
                "the moved file shown as a rename: " + s.diff());
        assertFalse(s.diff().contains("+++ /dev/null"), "not as a deletion and a new file");
        s.save();
        RackscopeConfig after = new io.rackscope.desktop.config.ConfigLoader().load(f.root);
        Rack r = after.topology().rack("rack-02").orElseThrow();
        assertEquals("aisle-b", r.aisleId());
        assertEquals(
                rackText,
                Files.exists(r.file()) ? f.read(f.root.relativize(r.file()).toString()) : "");
        assertTrue(r.file().toString().contains("/aisles/aisle-b/racks/"), r.file().toString());
        assertFalse(
                Files.exists(
                        f.root.resolve(
                                "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-02.yaml")));
        assertFalse(after.hasErrors());
    }

    @Test
    void addDeviceChecksCollisionAndBoundsPerFace() {
        EditFixture f = simpleRoom();
        EditRefused collision =
                assertThrows(
                        EditRefused.class,
                        () ->
                                f.diff(
                                        e ->
                                                e.addDevice(
                                                        "rack-01",
                                                        "srv-10",
                                                        "simple-1u-server",
                                                        4,
                                                        Face.FRONT,
                                                        null)));
        assertEquals(
                RACK01
                        + " line 24: a collision at U 4 on the front of rack rack-01: 'srv-04' is at U 4-4",
                collision.describe(f.root));
        EditRefused outside =
                assertThrows(
                        EditRefused.class,
                        () ->
                                f.diff(
                                        e ->
                                                e.addDevice(
                                                        "rack-01",
                                                        "srv-10",
                                                        "simple-1u-server",
                                                        43,
                                                        Face.FRONT,
                                                        null)));
        assertTrue(
                outside.getMessage().contains("outside rack 'rack-01' (1-42)"),
                outside.getMessage());
        EditRefused template =
                assertThrows(
                        EditRefused.class,
                        () ->
                                f.diff(
                                        e ->
                                                e.addDevice(
                                                        "rack-01",
                                                        "srv-10",
                                                        "no-such",
                                                        10,
                                                        Face.FRONT,
                                                        null)));
        assertEquals("no device template 'no-such'", template.getMessage());
        assertTrue(f.session.touched().isEmpty(), "a refused edit changes nothing");
        // the rear of U 4 is free
        assertEquals(
                """
                --- a/%s
                +++ b/%s
                @@ -27,3 +27,9 @@
                     u_position: 4
                     face: front
                     instance: server004
                +  - id: srv-10
                +    name: srv-10
                +    template_id: simple-1u-server
                +    u_position: 4
                +    face: rear
                +    instance: cn[0001-0002]
                """
                        .formatted(RACK01, RACK01),
                f.diff(
                        e ->
                                e.addDevice(
                                        "rack-01",
                                        "srv-10",
                                        "simple-1u-server",
                                        4,
                                        Face.REAR,
                                        "cn[0001-0002]")));
        RackscopeConfig after = f.saveAndLoad();
        Device d = after.topology().device("srv-10").orElseThrow();
        assertEquals(Face.REAR, d.face());
        assertEquals(
                List.of("cn0001", "cn0002"),
                d.instances().stream().map(i -> i.instanceId()).toList());
    }

    @Test
    void deletingTakesWhatItHoldsAndLeavesAnEmptyListNotABrokenOne() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- a/%s
                +++ b/%s
                @@ -9,12 +9,6 @@
                     u_position: 1
                     face: front
                     instance: server001
                -  - id: srv-02
                -    name: server002
                -    template_id: simple-1u-server
                -    u_position: 2
                -    face: front
                -    instance: server002
                   - id: srv-03
                     name: server003
                     template_id: simple-1u-server
                """
                        .formatted(RACK01, RACK01),
                f.diff(e -> e.deleteDevice("srv-02")));
        f.saveAndLoad();
        EditFixture g = EditFixture.example("simple-room", dir.resolve("g"));
        g.diff(e -> e.deleteRack("rack-04"));
        assertEquals(
                List.of(
                        AISLE,
                        "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-04.yaml"),
                g.session.touched().stream().map(p -> g.root.relativize(p).toString()).toList());
        g.saveAndLoad();
        EditFixture h = EditFixture.example("simple-room", dir.resolve("h"));
        h.diff(e -> e.deleteAisle("my-lab/server-room/main-aisle"));
        RackscopeConfig noAisle = h.saveAndLoad();
        assertTrue(
                noAisle.topology().room("my-lab", "server-room").orElseThrow().aisles().isEmpty());
        assertTrue(
                h.read("topology/datacenters/my-lab/rooms/server-room/room.yaml")
                        .endsWith("aisles: []\n"));
        assertFalse(
                Files.exists(
                        h.root.resolve("topology/datacenters/my-lab/rooms/server-room/aisles")),
                "emptied folders go");
        assertFalse(noAisle.hasErrors());
        EditFixture k = EditFixture.example("hpc-cluster", dir.resolve("k"));
        k.diff(e -> e.deleteSite("dc-paris"));
        RackscopeConfig noSite = k.saveAndLoad();
        assertTrue(noSite.topology().sites().isEmpty());
        assertFalse(Files.exists(k.root.resolve("topology/datacenters/dc-paris")));
    }

    @Test
    void theBundledConfigKeepsEveryHandWrittenCommentThroughAnEditOfEachKind() throws Exception {
        EditFixture f = EditFixture.copyOf(Path.of("config"), dir);
        List<String> commented =
                List.of(
                        "topology/sites.yaml",
                        "topology/datacenters/fra1/rooms/hall-a/room.yaml",
                        "topology/datacenters/fra1/rooms/hall-a/aisles/a02/aisle.yaml",
                        "topology/datacenters/fra1/rooms/hall-a/aisles/a02/racks/fra1-a02-r02.yaml");
        List<String> comments = new java.util.ArrayList<>();
        for (String file : commented) {
            for (String line : f.read(file).split("\n")) {
                if (line.contains("#")) {
                    comments.add(line.substring(line.indexOf('#')));
                }
            }
        }
        assertEquals(5, comments.size(), comments.toString());
        EstateEdits e = new EstateEdits(f.session, f.before);
        e.addSite("par1", "Paris PAR1", 48.85, 2.35);
        e.setLocation("fra1", 50.12, 8.68);
        e.addRoom("fra1", "hall-c", "Hall C");
        e.addAisle("fra1/hall-a", "a04", "Aisle A04");
        e.addRack("fra1/hall-a/a02", "fra1-a02-r09", null, 42);
        e.moveRack("fra1-a02-r01", "fra1/hall-a/a02", 3);
        e.deleteDevice("fra1-a02r02-t02");
        e.deleteRack("fra1-a02-r08");
        f.saveAndLoad();
        StringBuilder all = new StringBuilder();
        for (String file : commented) {
            all.append(f.read(file));
        }
        for (String c : comments) {
            assertTrue(all.toString().contains(c), "kept: " + c);
        }
        assertTrue(
                f.read("topology/sites.yaml")
                        .contains(
                                "location: {lat: 50.12, lon: 8.68, address: \"Frankfurt am Main, DE\"}"));
        assertTrue(
                f.read("topology/datacenters/fra1/rooms/hall-a/room.yaml")
                        .contains("  - {id: a04, name: Aisle A04}\n"));
        RackscopeConfig after = new io.rackscope.desktop.config.ConfigLoader().load(f.root);
        assertEquals(f.before.diagnostics().errors().size(), after.diagnostics().errors().size());
    }

    @Test
    void unsavedEditsAreTheEstateOfTheNextOneThroughTheCheckedCopy() {
        EditFixture f = simpleRoom();
        new EstateEdits(f.session, f.before).addAisle("my-lab/server-room", "aisle-b", "Aisle B");
        try (EditCheck first = EditCheck.of(f.session, f.before)) {
            // the aisle exists only in the session: the next edit finds it in the checked copy
            new EstateEdits(f.session, first.after())
                    .addRack("my-lab/server-room/aisle-b", "rack-09", "simple-42u", null);
        }
        try (EditCheck second = EditCheck.of(f.session, f.before)) {
            new EstateEdits(f.session, second.after())
                    .addDevice("rack-09", "sw-1", "simple-1u-switch", 1, Face.FRONT, null);
            assertTrue(second.errors().isEmpty(), second.errors().toString());
        }
        assertTrue(
                f.session.touched().stream().allMatch(p -> p.startsWith(f.root)),
                "every file is the session's, none the copy's: " + f.session.touched());
        Rack r = f.saveAndLoad().topology().rack("rack-09").orElseThrow();
        assertEquals("aisle-b", r.aisleId());
        assertEquals("sw-1", r.devices().get(0).id());
    }

    @Test
    void theRoomLayoutIsSetInPlaceAndMissingBlocksAreAdded() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- a/topology/datacenters/my-lab/rooms/server-room/room.yaml
                +++ b/topology/datacenters/my-lab/rooms/server-room/room.yaml
                @@ -5,16 +5,17 @@
                 layout:
                   shape: rectangle
                   size:
                -    width: 24
                +    width: 30
                     height: 16
                   orientation:
                -    north: top
                +    north: left
                   grid:
                     enabled: true
                     cell: 28
                   door:
                -    side: south
                +    side: east
                     label: Entrance
                +    position: 0.25
                \s
                 aisles:
                   - id: main-aisle
                """,
                f.diff(
                        e ->
                                e.setLayout(
                                        "my-lab/server-room",
                                        new EstateEdits.Layout(
                                                30.0, null, null, null, "left", "east", 0.25,
                                                null))));
        var layout =
                f.saveAndLoad().topology().room("my-lab", "server-room").orElseThrow().layout();
        assertEquals(30, layout.width());
        assertEquals("east", layout.doorSide());
        assertEquals(0.25, layout.doorPosition());
        // a room without a layout gains the blocks it needs
        EditFixture g = EditFixture.example("simple-room", dir.resolve("g"));
        new EstateEdits(g.session, g.before).addRoom("my-lab", "lab-2", "Lab Two");
        g.session.save();
        var loaded = new io.rackscope.desktop.config.ConfigLoader().load(g.root);
        new EstateEdits(g.session, loaded)
                .setLayout(
                        "my-lab/lab-2",
                        new EstateEdits.Layout(12.0, 8.0, 30, true, null, "north", null, "Door"));
        g.session.save();
        assertEquals(
                "id: lab-2\nname: Lab Two\nsite_id: my-lab\n\naisles: []\nlayout:\n  size:\n"
                        + "    width: 12\n    height: 8\n  grid:\n    enabled: true\n    cell: 30\n"
                        + "  door:\n    side: north\n    label: Door\n",
                g.read("topology/datacenters/my-lab/rooms/lab-2/room.yaml"));
        EditRefused bad =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(g.session, loaded)
                                        .setLayout(
                                                "my-lab/lab-2",
                                                new EstateEdits.Layout(
                                                        null, null, null, null, null, "up", null,
                                                        null)));
        assertEquals("a door is on the north, south, east or west side", bad.getMessage());
    }

    @Test
    void standaloneRacksDeviceMovesAndRenames() {
        EditFixture f = simpleRoom();
        EstateEdits e = new EstateEdits(f.session, f.before);
        e.addStandaloneRack("my-lab/server-room", "tape-01", "simple-42u", null);
        e.moveDevice("srv-04", 20, Face.REAR);
        e.rename("rack", "rack-01", "Compute 01 (renamed)");
        e.rename("aisle", "my-lab/server-room/main-aisle", "Main aisle");
        e.rename("site", "my-lab", "My Lab: HQ");
        EditRefused collision =
                assertThrows(EditRefused.class, () -> e.moveDevice("srv-03", 4, Face.FRONT));
        assertTrue(collision.getMessage().contains("'srv-04' is at U 4-4"), collision.getMessage());
        RackscopeConfig after = f.saveAndLoad();
        Rack tape = after.topology().rack("tape-01").orElseThrow();
        assertEquals(null, tape.aisleId());
        Device moved = after.topology().device("srv-04").orElseThrow();
        assertEquals(20, moved.uPosition());
        assertEquals(Face.REAR, moved.face());
        assertEquals("Compute 01 (renamed)", after.topology().rack("rack-01").orElseThrow().name());
        assertEquals(
                "Main aisle",
                after.topology().aisle("my-lab", "server-room", "main-aisle").orElseThrow().name());
        assertEquals("My Lab: HQ", after.topology().site("my-lab").orElseThrow().name());
        assertTrue(f.read("topology/sites.yaml").contains("    name: \"My Lab: HQ\"\n"));
        assertTrue(f.read(RACK01).contains("name: \"Compute 01 (renamed)\"\n"), "quoted as before");
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
    }
}
