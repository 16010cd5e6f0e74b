package io.rackscope.desktop.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Face;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-topology} on the CSV fixtures this project writes (its own form and a NetBox-shaped
 * export): what is made, the bad rows named by line, a second import that updates and leaves hand
 * edits alone, and {@code --dry-run}.
 */
class ImportTopologyTest {
    @TempDir Path dir;

    Path fixture(String name) throws IOException {
        Path f = dir.resolve(name);
        try (var in = getClass().getResourceAsStream("/import/" + name)) {
            Files.copy(in, f);
        }
        return f;
    }

    /** An estate with two device templates and nothing else. */
    Path estate() throws IOException {
        Path root = dir.resolve("estate");
        Files.createDirectories(root.resolve("templates"));
        Files.writeString(
                root.resolve("templates/devices.yaml"),
                "templates:\n  - id: srv-1u\n    name: 1U server\n    type: server\n    u_height: 1\n"
                        + "  - id: twin-2u\n    name: Twin\n    type: server\n    u_height: 2\n"
                        + "    layout: {type: grid, rows: 1, cols: 2, matrix: [[1, 2]]}\n");
        return root;
    }

    static List<String> nodes(Device d) {
        return d.instances().stream().map(i -> i.instanceId()).toList();
    }

    @Test
    void ownCsvMakesTheEstateAndNamesEachBadRowByItsLine() throws IOException {
        Path root = estate();
        Path csv = fixture("devices.csv");
        CliRun run =
                CliRun.of(
                        "import-topology",
                        "--config",
                        root.toString(),
                        "--from",
                        "csv",
                        csv.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(
                run.err()
                        .contains(
                                "line 4: n003 would overlap the device of line 3 at U 2 of rack r01"),
                run.err());
        assertTrue(run.err().contains("line 6: U 'x' is not a number"), run.err());
        assertTrue(
                run.err().contains("line 8: ")
                        && run.err().contains("no device template 'no-such'"),
                run.err());
        assertTrue(
                run.out()
                        .contains(
                                "2 site(s), 2 room(s), 3 aisle(s), 4 rack(s) made; 4 device(s) added, 0 updated, 0 unchanged; 3 problem(s)"),
                run.out());
        RackscopeConfig cfg = new ConfigLoader().load(root);
        assertFalse(cfg.hasErrors(), cfg.diagnostics().errors().toString());
        Device twin = cfg.topology().device("t001").orElseThrow();
        assertEquals(Face.REAR, twin.face());
        assertEquals(List.of("cn0010", "cn0011"), nodes(twin));
        assertEquals(
                List.of("cn0100", "cn0101"), nodes(cfg.topology().device("s010").orElseThrow()));
        assertTrue(
                CliRun.of("check-config", "--config", root.toString())
                        .out()
                        .contains("0 error(s)"));
    }

    @Test
    void importingAgainUpdatesWhatChangedAndLeavesHandEditsAlone() throws IOException {
        Path root = estate();
        Path csv = fixture("devices.csv");
        CliRun.of("import-topology", "--config", root.toString(), "--from", "csv", csv.toString());
        Path rack =
                root.resolve("topology/datacenters/fra1/rooms/hall-a/aisles/a01/racks/r01.yaml");
        Files.writeString(
                rack,
                Files.readString(rack)
                        .replace("  - id: n001\n", "  - id: n001   # the build box\n"));
        Files.writeString(
                csv,
                Files.readString(csv)
                        .replace(
                                "r01,2,front,srv-1u,n002,Node 2,cn0002",
                                "r01,7,rear,srv-1u,n002,Node two,cn0002"));
        CliRun dry =
                CliRun.of(
                        "import-topology",
                        "--config",
                        root.toString(),
                        "--from",
                        "csv",
                        csv.toString(),
                        "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("0 device(s) added, 1 updated, 3 unchanged"), dry.out());
        assertTrue(dry.out().contains("-    name: Node 2\n+    name: Node two\n"), dry.out());
        assertTrue(
                Files.readString(rack).contains("    name: Node 2\n"), "a dry run writes nothing");
        CliRun again =
                CliRun.of(
                        "import-topology",
                        "--config",
                        root.toString(),
                        "--from",
                        "csv",
                        csv.toString());
        assertEquals(0, again.code(), again.err());
        String text = Files.readString(rack);
        assertTrue(text.contains("  - id: n001   # the build box\n"), text);
        Device moved = new ConfigLoader().load(root).topology().device("n002").orElseThrow();
        assertEquals(7, moved.uPosition());
        assertEquals(Face.REAR, moved.face());
        assertEquals("Node two", moved.name());
    }

    @Test
    void aNetBoxExportIsImportedWithItsTypesMappedOrProposed() throws IOException {
        Path root = estate();
        Path csv = fixture("netbox-devices.csv");
        CliRun run =
                CliRun.of(
                        "import-topology",
                        "--config",
                        root.toString(),
                        "--from",
                        "netbox-csv",
                        csv.toString(),
                        "--type",
                        "PowerEdge R650=srv-1u",
                        "--propose-templates");
        assertEquals(0, run.code(), run.err());
        assertTrue(
                run.err()
                        .contains(
                                "device type 'Arista 7050' has no template 'arista-7050': proposed, 1U"),
                run.err());
        assertTrue(
                run.err()
                        .contains(
                                "line 5: pdu-a is not racked (no rack or position): not imported"),
                run.err());
        assertTrue(run.err().contains("line 6: U 'abc' is not a number"), run.err());
        RackscopeConfig cfg = new ConfigLoader().load(root);
        assertFalse(cfg.hasErrors(), cfg.diagnostics().errors().toString());
        Device web = cfg.topology().device("web-02").orElseThrow();
        assertEquals("r01", web.rackKey());
        assertEquals(11, web.uPosition());
        assertEquals("srv-1u", web.templateId());
        assertEquals("arista-7050", cfg.topology().device("sw-01").orElseThrow().templateId());
        assertTrue(cfg.topology().room("paris-dc", "hall-1").isPresent());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"devices.csv", "netbox-devices.csv"})
    void anExportImportedIntoAnEmptyDirectoryMakesACompleteConfiguration(String name)
            throws IOException {
        Path file = fixture(name);
        ImportRows.Read read;
        try (var in = Files.newBufferedReader(file)) {
            read =
                    name.startsWith("netbox")
                            ? ImportRows.netbox(in, java.util.Map.of())
                            : ImportRows.csv(in);
        }
        Path root = dir.resolve("estate");
        FoundEstate.Outcome preview =
                FoundEstate.imported(
                        root,
                        new FoundEstate.Connection("http://127.0.0.1:9090", "", ""),
                        read,
                        java.util.Map.of(),
                        false);
        assertTrue(preview.written().written().isEmpty(), "a preview writes nothing");
        assertFalse(Files.exists(root.resolve("app.yaml")));
        FoundEstate.Outcome o =
                FoundEstate.imported(
                        root,
                        new FoundEstate.Connection("http://127.0.0.1:9090", "", ""),
                        read,
                        java.util.Map.of(),
                        true);
        assertTrue(o.written().errors().isEmpty(), o.written().errors().toString());
        assertTrue(o.report().added() > 0, o.report().summary());
        var cfg = new ConfigLoader().load(root);
        assertFalse(cfg.hasErrors(), cfg.diagnostics().errors().toString());
        assertEquals("http://127.0.0.1:9090", cfg.app().telemetry().prometheusUrl());
        assertEquals(o.report().added(), cfg.topology().devices().size());
        assertTrue(cfg.checks().containsKey("node_up"));
        // every device's template was made, listing the check
        cfg.topology()
                .devices()
                .forEach(
                        d ->
                                assertEquals(
                                        java.util.List.of("node_up"),
                                        cfg.templates()
                                                .device(d.templateId())
                                                .orElseThrow()
                                                .checks()));
    }
}
