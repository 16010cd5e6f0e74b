package io.rackscope.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edit command as scripts use it: exit codes, --dry-run, refusals with file and line. */
class EditCommandTest {
    static final Path EXAMPLES = Path.of("../shared/rackscope-examples");

    @TempDir Path dir;

    Path copy(String example) throws IOException {
        Path source = EXAMPLES.resolve(example);
        Path target = dir.resolve(example);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = target.resolve(source.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t);
            }
        }
        return target;
    }

    static Map<Path, byte[]> contents(Path root) throws IOException {
        Map<Path, byte[]> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f), Files.readAllBytes(f));
            }
        }
        return out;
    }

    static boolean same(Map<Path, byte[]> a, Map<Path, byte[]> b) {
        return a.keySet().equals(b.keySet())
                && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
    }

    /** {@code edit --config ROOT ACTION ARGS...} run in-process. */
    static CliRun edit(Path root, String... action) {
        String[] args = new String[action.length + 3];
        args[0] = "edit";
        args[1] = "--config";
        args[2] = root.toString();
        System.arraycopy(action, 0, args, 3, action.length);
        return CliRun.of(args);
    }

    @Test
    void rewriteLeavesEveryFileOfEveryExampleByteIdentical() throws IOException {
        for (String example :
                new String[] {
                    "simple-room", "small-cluster", "hpc-cluster", "full-datacenter", "homelab"
                }) {
            Path root = copy(example);
            Map<Path, byte[]> before = contents(root);
            CliRun run = CliRun.of("edit", "rewrite", "--config", root.toString());
            assertEquals(0, run.code(), example + ": " + run.err());
            assertTrue(run.out().contains(", 0 changed"), run.out());
            assertTrue(same(before, contents(root)), example + " changed");
        }
    }

    @Test
    void dryRunPrintsTheDiffAndWritesNothing() throws IOException {
        Path root = copy("simple-room");
        Map<Path, byte[]> before = contents(root);
        CliRun run = CliRun.of("edit", "--help");
        assertEquals(0, run.code());
        run =
                CliRun.of(
                        // the documented form: options before the action
                        "edit",
                        "--config",
                        root.toString(),
                        "--dry-run",
                        "add-site",
                        "paris",
                        "--name",
                        "Paris DC",
                        "--lat",
                        "48.85",
                        "--lon",
                        "2.35");
        assertEquals(0, run.code(), run.err());
        assertTrue(
                run.out().startsWith("--- a/topology/sites.yaml\n+++ b/topology/sites.yaml\n"),
                run.out());
        assertTrue(run.out().contains("+  - id: paris\n"), run.out());
        assertTrue(same(before, contents(root)), "a dry run writes nothing");
    }

    @Test
    void aRefusalSaysFileLineAndWhyAndExitsOne() throws IOException {
        Path root = copy("simple-room");
        Map<Path, byte[]> before = contents(root);
        CliRun run =
                CliRun.of(
                        "edit",
                        "add-device",
                        "--config",
                        root.toString(),
                        "rack-01",
                        "x1",
                        "--template",
                        "simple-1u-server",
                        "--u",
                        "3");
        assertEquals(1, run.code());
        assertEquals(
                "refused: topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-01.yaml"
                        + " line 18: a collision at U 3 on the front of rack rack-01: 'srv-03' is at U 3-3\n",
                run.err());
        run =
                CliRun.of(
                        "edit",
                        "add-rack",
                        "--config",
                        root.toString(),
                        "my-lab/server-room/main-aisle",
                        "r9",
                        "--template",
                        "nope");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("no rack template 'nope'"), run.err());
        assertTrue(same(before, contents(root)));
        assertEquals(
                2, CliRun.of("edit", "delete", "--config", root.toString(), "planet", "x").code());
        assertEquals(
                2, CliRun.of("edit", "add-device", "--config", root.toString(), "rack-01").code());
        assertEquals(2, CliRun.of("edit").code());
    }

    @Test
    void aSaveThatWouldLeaveALoaderErrorIsRefused() throws IOException {
        Path root = copy("simple-room");
        // an instance range the loader cannot read: check-config's own error refuses the save
        CliRun run =
                CliRun.of(
                        "edit",
                        "add-device",
                        "--config",
                        root.toString(),
                        "rack-01",
                        "x1",
                        "--template",
                        "simple-1u-server",
                        "--u",
                        "20",
                        "--instance",
                        "cn[0004-0001]");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("refused: the edit would leave the errors above"), run.err());
        assertTrue(
                !Files.readString(
                                root.resolve(
                                        "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-01.yaml"))
                        .contains("x1"));
    }

    @Test
    void aWholeEstateIsBuiltFromAnEmptyDirectoryByCommandsAlone() throws IOException {
        Path root = dir.resolve("empty");
        Files.createDirectories(root);
        String r = root.toString();
        String[][] steps = {
            {"add-site", "fra1", "--name", "Frankfurt", "--lat", "50.11", "--lon", "8.68"},
            {"add-site", "ams1", "--name", "Amsterdam", "--lat", "52.37", "--lon", "4.9"},
            {"add-room", "fra1", "hall-a", "--name", "Hall A"},
            {"add-aisle", "fra1/hall-a", "a01", "--name", "Aisle 1"},
            {"add-aisle", "fra1/hall-a", "a02", "--name", "Aisle 2"},
            {"move-aisle", "fra1/hall-a/a02", "--index", "0"},
            {"add-device-template", "srv-2u", "--name", "Twin 2U", "--u", "2", "--cols", "2"},
            {"add-rack", "fra1/hall-a/a01", "r01", "--u", "42", "--name", "Rack 1: compute"},
            {"add-rack", "fra1/hall-a/a02", "r02", "--u", "42"},
            {
                "add-device",
                "r01",
                "n1",
                "--template",
                "srv-2u",
                "--u",
                "1",
                "--instance",
                "cn[0001-0002]"
            },
            {"move-device", "n1", "--rack", "r02", "--u", "10", "--face", "rear"},
            {"edit-device", "n1", "--id", "twin-1", "--instance", "cn0001, cn0003"},
            {"add-room", "ams1", "dh1", "--name", "Data Hall 1"},
        };
        for (String[] s : steps) {
            CliRun run = edit(root, s);
            assertEquals(0, run.code(), String.join(" ", s) + ": " + run.err());
        }
        CliRun check = CliRun.of("check-config", "--config", r);
        assertTrue(check.out().contains("0 error(s)"), check.out() + check.err());
        var estate = new io.rackscope.desktop.config.ConfigLoader().load(root);
        assertEquals("Rack 1: compute", estate.topology().rack("r01").orElseThrow().name());
        var twin = estate.topology().device("twin-1").orElseThrow();
        assertEquals("r02", twin.rackKey());
        assertEquals(
                List.of("cn0001", "cn0003"),
                twin.instances().stream().map(i -> i.instanceId()).toList());
        assertEquals(
                List.of("a02", "a01"),
                estate.topology().site("fra1").orElseThrow().rooms().get(0).aisles().stream()
                        .map(a -> a.id())
                        .toList());
        assertEquals(
                "sites:\n  - id: fra1\n    name: Frankfurt\n    location:\n      lat: 50.11\n      lon: 8.68\n"
                        + "  - id: ams1\n    name: Amsterdam\n    location:\n      lat: 52.37\n      lon: 4.9\n",
                Files.readString(root.resolve("topology/sites.yaml")));
    }

    @Test
    void layoutStandaloneRacksDeviceMovesAndRenamesFromTheCommandLine() throws IOException {
        Path root = copy("simple-room");
        String r = root.toString();
        String[][] steps = {
            {"set-layout", "my-lab/server-room", "--width", "30", "--door-side", "east"},
            {"add-standalone-rack", "my-lab/server-room", "tape-01", "--template", "simple-42u"},
            {"move-device", "srv-04", "--u", "20", "--face", "rear"},
            {"rename", "rack", "rack-01", "--name", "Compute 01"},
            {"rename", "rack", "rack-02", "--id", "compute-02"},
            {"rename", "device", "srv-05", "--id", "login-01"},
        };
        for (String[] step : steps) {
            CliRun run = edit(root, step);
            assertEquals(0, run.code(), String.join(" ", step) + ": " + run.err());
        }
        assertTrue(CliRun.of("check-config", "--config", r).out().contains("0 error(s)"));
        String room =
                Files.readString(
                        root.resolve("topology/datacenters/my-lab/rooms/server-room/room.yaml"));
        assertTrue(room.contains("    width: 30\n") && room.contains("    side: east\n"), room);
        assertTrue(
                Files.readString(
                                root.resolve(
                                        "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/compute-02.yaml"))
                        .contains("  - id: login-01\n"));
        assertTrue(
                Files.exists(
                        root.resolve(
                                "topology/datacenters/my-lab/rooms/server-room/standalone_racks/tape-01.yaml")));
        assertEquals(
                2,
                CliRun.of(
                                "edit",
                                "--config",
                                r,
                                "move-device",
                                "srv-03",
                                "--u",
                                "2",
                                "--face",
                                "up")
                        .code());
        assertEquals(
                2, CliRun.of("edit", "--config", r, "rename", "planet", "x", "--name", "y").code());
    }

    @Test
    void templatesAreListedByWhatUsesThemRefusedWhileUsedAndRenamedEverywhere() throws IOException {
        Path root = copy("simple-room");
        String r = root.toString();
        CliRun used = edit(root, "template", "used-by", "rack", "simple-42u");
        assertEquals(0, used.code(), used.err());
        assertTrue(used.out().contains("rack rack-01\n"), used.out());
        CliRun refused = edit(root, "template", "delete", "rack", "simple-42u");
        assertEquals(1, refused.code());
        assertTrue(
                refused.err().contains("rack template 'simple-42u' is used by 4: rack rack-01, "),
                refused.err());
        assertEquals(
                0,
                edit(root, "template", "rename", "rack", "simple-42u", "--to", "lab-42u").code());
        assertTrue(
                Files.readString(
                                root.resolve(
                                        "topology/datacenters/my-lab/rooms/server-room/aisles/main-aisle/racks/rack-01.yaml"))
                        .contains("template_id: lab-42u\n"));
        assertTrue(CliRun.of("check-config", "--config", r).out().contains("0 error(s)"));
        assertEquals(2, edit(root, "template", "remove", "rack", "x").code());
        CliRun shown = edit(root, "template", "show", "rack", "lab-42u");
        assertTrue(shown.out().startsWith("id: lab-42u\n"), shown.out());
        Path typed = root.resolve("typed.yaml");
        Files.writeString(typed, shown.out().replace("u_height: 42", "u_height: 48"));
        CliRun set = edit(root, "template", "set", "rack", "lab-42u", "--file", typed.toString());
        assertEquals(0, set.code(), set.err());
        assertTrue(
                edit(root, "template", "show", "rack", "lab-42u").out().contains("u_height: 48\n"));
    }

    @Test
    void aCheckIsShownWrittenFromAFileAndRenamedInTheTemplates() throws IOException {
        Path root = copy("homelab");
        CliRun shown = edit(root, "check", "show", "node_up");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().startsWith("id: node_up\nname: Node Up\n"), shown.out());
        Path typed = root.resolve("typed.yaml");
        Files.writeString(typed, shown.out().replace("output: bool\n", "output: bool\nfor: 3m\n"));
        CliRun set = edit(root, "check", "set", "node_up", "--file", typed.toString());
        assertEquals(0, set.code(), set.err());
        assertTrue(
                Files.readString(root.resolve("checks/library/node.yaml")).contains("  for: 3m\n"));
        assertEquals(0, edit(root, "check", "rename", "node_up", "--to", "node_alive").code());
        CliRun used = edit(root, "check", "used-by", "node_alive");
        assertTrue(used.out().contains("device template generic-1u-server\n"), used.out());
        CliRun refused = edit(root, "check", "delete", "node_alive");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("is listed by"), refused.err());
        assertTrue(
                CliRun.of("check-config", "--config", root.toString())
                        .out()
                        .contains("0 error(s)"));
        assertEquals(2, edit(root, "check", "set", "node_alive").code());
        assertEquals(2, edit(root, "check", "show").code());
    }

    @Test
    void aMetricIsShownAndRenamedInTheTemplatesListingIt() throws IOException {
        Path root = copy("homelab");
        CliRun shown = edit(root, "metric", "show", "pdu_current");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().startsWith("id: pdu_current\n"), shown.out());
        assertEquals(0, edit(root, "metric", "rename", "pdu_current", "--to", "pdu_amps").code());
        CliRun used = edit(root, "metric", "used-by", "pdu_amps");
        assertTrue(used.out().startsWith("rack component template "), used.out());
        assertTrue(
                CliRun.of("check-config", "--config", root.toString())
                        .out()
                        .contains("0 error(s)"));
    }
}
