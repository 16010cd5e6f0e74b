package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Face;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices moved between racks and faces, several at once, edited (id, name, nodes) and pasted as a
 * group: the exact text written and what the loader then reads.
 */
class DeviceEditsTest {
    static final String RACKS =
            "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/";

    @TempDir Path dir;

    EditFixture simpleRoom() {
        return EditFixture.example("simple-room", dir);
    }

    static List<String> nodes(Device d) {
        return d.instances().stream().map(i -> i.instanceId()).toList();
    }

    @Test
    void aDeviceMovedToAnotherRackTakesItsTextAlongCommentAndLabelsIncluded() throws Exception {
        EditFixture f = simpleRoom();
        Path rack01 = f.root.resolve(RACKS + "rack-01.yaml");
        Files.writeString(
                rack01,
                Files.readString(rack01)
                        .replace(
                                "    instance: server002\n",
                                "    instance: server002   # the build box\n"
                                        + "    labels:\n"
                                        + "      owner: ci\n"));
        f = EditFixture.copyOf(f.root, dir.resolve("again"));
        String diff =
                f.diff(
                        e ->
                                e.moveDevices(
                                        List.of(
                                                new EstateEdits.Placement(
                                                        "srv-02", "rack-02", 10, Face.REAR))));
        assertEquals(
                """
                --- a/%1$srack-01.yaml
                +++ b/%1$srack-01.yaml
                @@ -9,14 +9,6 @@
                     u_position: 1
                     face: front
                     instance: server001
                -  - id: srv-02
                -    name: server002
                -    template_id: simple-1u-server
                -    u_position: 2
                -    face: front
                -    instance: server002   # the build box
                -    labels:
                -      owner: ci
                   - id: srv-03
                     name: server003
                     template_id: simple-1u-server
                --- a/%1$srack-02.yaml
                +++ b/%1$srack-02.yaml
                @@ -27,3 +27,11 @@
                     u_position: 4
                     face: front
                     instance: server008
                +  - id: srv-02
                +    name: server002
                +    template_id: simple-1u-server
                +    u_position: 10
                +    face: rear
                +    instance: server002   # the build box
                +    labels:
                +      owner: ci
                """
                        .formatted(RACKS),
                diff);
        RackscopeConfig after = f.saveAndLoad();
        Device moved = after.topology().device("srv-02").orElseThrow();
        assertEquals("rack-02", moved.rackKey());
        assertEquals(Face.REAR, moved.face());
        assertEquals("ci", moved.labels().get("owner"));
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
    }

    @Test
    void twoDevicesSwappedAtOnceDoNotCollideWithEachOtherButWithWhatStays() {
        EditFixture f = simpleRoom();
        f.diff(
                e ->
                        e.moveDevices(
                                List.of(
                                        new EstateEdits.Placement(
                                                "srv-01", "rack-01", 2, Face.FRONT),
                                        new EstateEdits.Placement(
                                                "srv-02", "rack-01", 1, Face.FRONT))));
        assertEquals(1, f.session.steps(), "one step to undo");
        EditRefused overlap =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(f.session, f.before)
                                        .moveDevices(
                                                List.of(
                                                        new EstateEdits.Placement(
                                                                "srv-01",
                                                                "rack-01",
                                                                20,
                                                                Face.FRONT),
                                                        new EstateEdits.Placement(
                                                                "srv-02",
                                                                "rack-01",
                                                                20,
                                                                Face.FRONT))));
        assertTrue(overlap.getMessage().contains("would overlap at U 20"), overlap.getMessage());
        EditRefused collision =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(f.session, f.before)
                                        .moveDevices(
                                                List.of(
                                                        new EstateEdits.Placement(
                                                                "srv-01",
                                                                "rack-02",
                                                                3,
                                                                Face.FRONT))));
        assertTrue(
                collision.getMessage().contains("a collision at U 3 on the front of rack rack-02"),
                collision.getMessage());
        RackscopeConfig after = f.saveAndLoad();
        assertEquals(2, after.topology().device("srv-01").orElseThrow().uPosition());
        assertEquals(1, after.topology().device("srv-02").orElseThrow().uPosition());
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
    }

    @Test
    void editingADeviceWritesOnlyWhatChangedItsNodesAsARangeOrAList() {
        EditFixture f = simpleRoom();
        assertEquals(
                """
                --- a/%1$srack-01.yaml
                +++ b/%1$srack-01.yaml
                @@ -10,11 +10,11 @@
                     face: front
                     instance: server001
                   - id: srv-02
                -    name: server002
                +    name: "build: server002"
                     template_id: simple-1u-server
                     u_position: 2
                     face: front
                -    instance: server002
                +    instance: [cn07, cn09]
                   - id: srv-03
                     name: server003
                     template_id: simple-1u-server
                """
                        .formatted(RACKS),
                f.diff(e -> e.editDevice("srv-02", "srv-02", "build: server002", "cn07, cn09")));
        RackscopeConfig after = f.saveAndLoad();
        Device d = after.topology().device("srv-02").orElseThrow();
        assertEquals(List.of("cn07", "cn09"), nodes(d));
        assertEquals("cn07, cn09", EstateEdits.instanceText(d));

        EditFixture g = EditFixture.copyOf(f.root, dir.resolve("g"));
        g.diff(e -> e.editDevice("srv-02", "build-01", "build: server002", "cn[0001-0004]"));
        String rack = g.read(RACKS + "rack-01.yaml");
        g.saveAndLoad();
        rack = g.read(RACKS + "rack-01.yaml");
        assertTrue(rack.contains("  - id: build-01\n"), rack);
        assertTrue(rack.contains("    instance: cn[0001-0004]\n"), rack);
        Device renamed =
                new io.rackscope.desktop.config.ConfigLoader()
                        .load(g.root)
                        .topology()
                        .device("build-01")
                        .orElseThrow();
        assertEquals("cn[0001-0004]", EstateEdits.instanceText(renamed));
        EditRefused taken =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(g.session, g.before)
                                        .editDevice("srv-03", "srv-04", "x", ""));
        assertTrue(taken.getMessage().contains("has a device 'srv-04'"), taken.getMessage());
    }

    @Test
    void aGroupPastedIsCheckedAsAGroupAndWrittenAsOneStep() {
        EditFixture f = simpleRoom();
        f.diff(
                e ->
                        e.addDevices(
                                "rack-02",
                                List.of(
                                        new EstateEdits.NewDevice(
                                                "srv-20",
                                                "simple-1u-server",
                                                20,
                                                Face.FRONT,
                                                "cn20"),
                                        new EstateEdits.NewDevice(
                                                "srv-21",
                                                "simple-1u-server",
                                                21,
                                                Face.FRONT,
                                                ""))));
        assertEquals(1, f.session.steps());
        EditRefused same =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(f.session, f.before)
                                        .addDevices(
                                                "rack-03",
                                                List.of(
                                                        new EstateEdits.NewDevice(
                                                                "a",
                                                                "simple-1u-server",
                                                                30,
                                                                Face.REAR,
                                                                ""),
                                                        new EstateEdits.NewDevice(
                                                                "b",
                                                                "simple-1u-server",
                                                                30,
                                                                Face.REAR,
                                                                ""))));
        assertTrue(same.getMessage().contains("would overlap at U 30"), same.getMessage());
        RackscopeConfig after = f.saveAndLoad();
        assertEquals(List.of("cn20"), nodes(after.topology().device("srv-20").orElseThrow()));
        assertEquals(List.of(), nodes(after.topology().device("srv-21").orElseThrow()));
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
    }

    @Test
    void anAisleMovesInItsRoomsListItsLinesKept() {
        EditFixture f = EditFixture.example("full-datacenter", dir);
        String room = "topology/datacenters/dc-paris/rooms/machine-room-a/room.yaml";
        assertEquals(
                """
                --- a/%1$s
                +++ b/%1$s
                @@ -18,11 +18,11 @@
                     label: Main Entrance
                \s
                 aisles:
                -  - id: aisle-compute-std
                -    name: Standard Compute Aisle
                   - id: aisle-compute-hm
                     name: High-Memory Aisle
                   - id: aisle-gpu
                     name: GPU Aisle
                +  - id: aisle-compute-std
                +    name: Standard Compute Aisle
                   - id: aisle-storage
                     name: Storage & Network Aisle
                """
                        .formatted(room),
                f.diff(e -> e.moveAisle("dc-paris/machine-room-a/aisle-compute-std", 2)));
        RackscopeConfig after = f.saveAndLoad();
        assertEquals(
                List.of("aisle-compute-hm", "aisle-gpu", "aisle-compute-std", "aisle-storage"),
                after.topology().site("dc-paris").orElseThrow().rooms().stream()
                        .filter(r -> r.id().equals("machine-room-a"))
                        .findFirst()
                        .orElseThrow()
                        .aisles()
                        .stream()
                        .map(a -> a.id())
                        .toList());
    }

    @Test
    void aNewDeviceTemplateIsAFileOfItsOwnTheLoaderReadsAndDevicesUse() {
        EditFixture f = simpleRoom();
        f.diff(
                e ->
                        e.addDeviceTemplate(
                                "twin-2u", "Twin 2U", "server", 2, 1, 2, List.of("node_up")));
        assertEquals(
                """
                templates:
                  - id: twin-2u
                    name: Twin 2U
                    type: server
                    u_height: 2
                    layout:
                      type: grid
                      rows: 1
                      cols: 2
                      matrix:
                        - [1, 2]
                    checks: [node_up]
                """,
                f.session
                        .pending()
                        .get(
                                f.root.resolve("templates/devices/server/twin-2u.yaml")
                                        .toAbsolutePath()
                                        .normalize())
                        .orElseThrow());
        EditRefused unknown =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(f.session, f.before)
                                        .addDeviceTemplate(
                                                "x", "X", "server", 1, 1, 1, List.of("no_such")));
        assertTrue(unknown.getMessage().contains("no check 'no_such'"), unknown.getMessage());
        RackscopeConfig after = f.saveAndLoad();
        assertEquals(2, after.templates().device("twin-2u").orElseThrow().uHeight());
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
    }

    @Test
    void aRacksIdChangesInItsFileItsFileNameAndItsAislesList() {
        EditFixture f = simpleRoom();
        String diff = f.diff(e -> e.changeRackId("rack-01", "compute-01"));
        assertTrue(
                diff.contains(
                        "rename from "
                                + RACKS
                                + "rack-01.yaml\nrename to "
                                + RACKS
                                + "compute-01.yaml\n"),
                diff);
        assertTrue(diff.contains("-id: rack-01\n+id: compute-01\n"), diff);
        assertTrue(diff.contains("-  - id: rack-01\n+  - id: compute-01\n"), diff);
        EditRefused taken =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(f.session, f.before)
                                        .changeRackId("rack-02", "rack-03"));
        assertTrue(taken.getMessage().contains("a rack 'rack-03' exists already"));
        RackscopeConfig after = f.saveAndLoad();
        assertEquals(4, after.topology().rack("compute-01").orElseThrow().devices().size());
        assertTrue(after.topology().rack("rack-01").isEmpty());
        assertFalse(Files.exists(f.root.resolve(RACKS + "rack-01.yaml")));
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
    }
}
