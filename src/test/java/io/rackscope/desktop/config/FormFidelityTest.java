package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.metrics.MetricDisplay;
import io.rackscope.desktop.telemetry.MetricsService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms of the original's files that a config may use, and unknown keys in every file kind. */
class FormFidelityTest {
    @TempDir Path dir;
    Path config;

    @BeforeEach
    void copy() {
        config = ConfigFixture.copyOfBundled(dir);
    }

    private RackscopeConfig load() {
        return new ConfigLoader(Map.of()).load(config);
    }

    private static List<String> warnings(RackscopeConfig cfg, String fragment) {
        return cfg.diagnostics().warnings().stream()
                .filter(d -> d.message().contains(fragment))
                .map(Diagnostic::toString)
                .toList();
    }

    @Test
    void checksGroupedByKindTakeTheirKindFromTheKey() {
        ConfigFixture.write(
                config.resolve("checks/library/by_kind.yaml"),
                """
                kinds:
                  cooling:
                    - id: inlet_hot
                      scope: rack
                      expr: rack_inlet_temperature_celsius{rack_id=~"$racks"}
                      rules: [{op: ">", value: "35", severity: CRIT}]
                  power:
                    - id: psu_bool
                      kind: electrical
                      scope: chassis
                      expr: psu_ok{chassis_id=~"$chassis"}
                      rules: [{op: "==", value: false, severity: WARN}]
                """);
        RackscopeConfig cfg = load();
        Check inlet = cfg.check("inlet_hot").orElseThrow();
        assertEquals("cooling", inlet.kind());
        assertEquals(Severity.CRIT, inlet.evaluate(36), "a value written as a string");
        assertEquals(Severity.OK, inlet.evaluate(30));
        Check psu = cfg.check("psu_bool").orElseThrow();
        assertEquals("electrical", psu.kind(), "a check's own kind wins");
        assertEquals(Severity.WARN, psu.evaluate(0), "false is 0");
        assertTrue(cfg.diagnostics().errors().isEmpty(), cfg.diagnostics().errors().toString());
    }

    @Test
    void expandAbsentStateDefaultsToThePlannersUnknownState() {
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app).replace("unknown_state: UNKNOWN", "unknown_state: WARN"));
        ConfigFixture.write(
                config.resolve("checks/library/disks.yaml"),
                """
                checks:
                  - id: disk_slots
                    scope: node
                    expr: disk_ok{instance=~"$instances"}
                    expand_by_label: slot
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: disk_slots_ok
                    scope: node
                    expr: disk_ok{instance=~"$instances"}
                    expand_by_label: slot
                    expand_absent_state: OK
                    rules: [{op: "==", value: 0, severity: CRIT}]
                """);
        RackscopeConfig cfg = load();
        assertEquals(Severity.WARN, cfg.check("disk_slots").orElseThrow().expandAbsentState());
        assertEquals(Severity.OK, cfg.check("disk_slots_ok").orElseThrow().expandAbsentState());
    }

    @Test
    void aMetricWithoutAColourTakesTheThemesNotOneTheLoaderMakesUp() {
        ConfigFixture.write(
                config.resolve("metrics/library/plain.yaml"),
                """
                id: plain_metric
                metric: node_load1{instance="{instance}"}
                display: {unit: ""}
                """);
        RackscopeConfig cfg = load();
        assertEquals(
                "",
                cfg.metrics().get("plain_metric").display().color(),
                "no colour: the chart takes the theme's accent");
    }

    @Test
    void unknownKeysWarnInEveryFileKindWithFileLineAndTheLikelyKey() {
        ConfigFixture.write(
                config.resolve("checks/library/typo.yaml"),
                """
                checks:
                  - id: typo_check
                    scope: node
                    expr: up{instance=~"$instances"}
                    expand_by_lable: slot
                    rules: [{op: "==", value: 0, severity: CRIT, severty: WARN}]
                """);
        ConfigFixture.write(
                config.resolve("metrics/library/typo.yaml"),
                """
                id: typo_metric
                metric: node_load1{instance="{instance}"}
                dispaly: {unit: ""}
                """);
        ConfigFixture.write(
                config.resolve("templates/devices/typo.yaml"),
                """
                templates:
                  - id: typo-template
                    u_hieght: 2
                    layout: {type: grid, rows: 1, cols: 1, matrix: [[1]]}
                """);
        Path rack = ConfigFixture.rackFile(config, "fra1", "hall-a", "a01", "fra1-a01-r01");
        ConfigFixture.write(rack, ConfigFixture.read(rack) + "tempalte_id: x\nwhatever: 1\n");
        RackscopeConfig cfg = load();
        assertEquals(
                1,
                warnings(cfg, "'expand_by_lable' in check 'typo_check'").size(),
                cfg.diagnostics().warnings().toString());
        String check = warnings(cfg, "'expand_by_lable'").get(0);
        assertTrue(
                check.contains("typo.yaml:5") && check.contains("did you mean expand_by_label?"),
                check);
        assertTrue(warnings(cfg, "'severty'").get(0).contains("did you mean severity?"));
        assertTrue(warnings(cfg, "'dispaly'").get(0).contains("did you mean display?"));
        assertTrue(warnings(cfg, "'u_hieght'").get(0).contains("did you mean u_height?"));
        String typo = warnings(cfg, "'tempalte_id'").get(0);
        assertTrue(
                typo.contains("fra1-a01-r01.yaml:") && typo.contains("did you mean template_id?"),
                typo);
        String far = warnings(cfg, "'whatever'").get(0);
        assertFalse(far.contains("did you mean"), "no guess when nothing is near: " + far);
    }

    @Test
    void theBundledConfigurationAndEveryExampleUseOnlyKnownKeys() {
        assertEquals(List.of(), warnings(load(), "unknown key"));
        for (String example :
                List.of(
                        "full-datacenter",
                        "homelab",
                        "hpc-cluster",
                        "simple-room",
                        "small-cluster")) {
            RackscopeConfig cfg = new ConfigLoader(Map.of()).load(Examples.require(example));
            assertEquals(List.of(), warnings(cfg, "unknown key"), example);
        }
    }

    @Test
    void roomSizesMayHaveDecimals() {
        Path room = config.resolve("topology/datacenters/fra1/rooms/hall-a/room.yaml");
        String text = ConfigFixture.read(room);
        assertTrue(text.contains("size:"), text);
        ConfigFixture.write(
                room, text.replaceFirst("size: \\{[^}]*}", "size: {width: 30.5, height: 12.25}"));
        RackscopeConfig cfg = load();
        var layout = cfg.topology().room("fra1", "hall-a").orElseThrow().layout();
        assertEquals(30.5, layout.width());
        assertEquals(12.25, layout.height());
        assertTrue(cfg.diagnostics().errors().isEmpty(), cfg.diagnostics().errors().toString());
    }

    @Test
    void pduAndInletPlaceholdersMatchEveryPduOfTheEntity() {
        MetricDefinition m =
                new MetricDefinition(
                        "pdu_voltage",
                        "PDU voltage",
                        "",
                        "avg(raritan_pdu_voltage_volt{rack_id=\"{rack_id}\",pduid=\"{pduid}\","
                                + "inletid=~\"$inletid\"})",
                        Map.of("pduid", "{pduid}"),
                        new MetricDisplay(
                                "V",
                                "line",
                                null,
                                MetricDisplay.DEFAULT_RANGES,
                                "6h",
                                "avg",
                                null,
                                null,
                                MetricDisplay.Format.DEFAULT),
                        "",
                        List.of(),
                        null,
                        0);
        assertEquals(
                "avg(raritan_pdu_voltage_volt{rack_id=\"r01\",pduid=~\".+\",inletid=~\".+\"})",
                MetricsService.expression(m, "r01"));
    }

    @Test
    void slurmSettingsWrittenInAppYamlAreReadWhenThereIsNoPluginFile() throws Exception {
        java.nio.file.Files.delete(config.resolve("plugins/slurm/config.yml"));
        java.nio.file.Files.deleteIfExists(config.resolve("plugins/slurm/node_mapping.yaml"));
        Path app = config.resolve("app.yaml");
        String text = ConfigFixture.read(app).replace("    enabled: true\n", "");
        ConfigFixture.write(
                app,
                text.replace("plugins:\n  slurm:\n", "plugins:\n  slurm_off:\n")
                        + "slurm:\n  metric: site_slurm_node_state\n  label_node: hostname\n"
                        + "  lable_status: state\n");
        RackscopeConfig cfg = load();
        assertTrue(cfg.slurm().enabled(), "the older top-level slurm: block turns Slurm on");
        assertEquals("site_slurm_node_state", cfg.slurm().metric());
        assertEquals("hostname", cfg.slurm().labelNode());
        String typo = warnings(cfg, "'lable_status'").get(0);
        assertTrue(typo.contains("app.yaml:") && typo.contains("did you mean label_status?"), typo);
    }

    @Test
    void notificationsOffMeansNoToastsAndUnknownAppKeysAreGuessed() {
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app)
                        + "features: {notifications: false, maintenances: true, show_logs: true}\n"
                        + "simulator: {seed: 7, update_interval_seconds: 20}\n"
                        + "telemetry_: {}\n");
        RackscopeConfig cfg = load();
        assertFalse(cfg.app().features().notifications());
        assertTrue(cfg.app().features().worldmap());
        assertEquals(List.of(), warnings(cfg, "features."));
        assertEquals(List.of(), warnings(cfg, "simulator"));
        assertTrue(
                warnings(cfg, "'telemetry_'").get(0).contains("did you mean telemetry?"),
                cfg.diagnostics().warnings().toString());
    }

    @Test
    void playlistsInTheOriginalsSyntaxMapToViewsAndAnEntryThatMatchesNothingIsNamed() {
        Path app = config.resolve("app.yaml");
        String text = ConfigFixture.read(app);
        ConfigFixture.write(
                app,
                text.replaceAll("(?ms)^playlist:.*?(?=^\\S)", "")
                        + """
                        playlist:
                          interval_seconds: 20
                          views:
                            - /views/worldmap
                            - {path: /views/room/hall-a, duration: 45}
                            - /views/rack/fra1-a01-r01
                            - /views/device/fra1-a01-r01/fra1-a01r01-c01
                            - /views/rack/no-such-rack
                            - /slurm/overview
                            - {path: /slurm/wallboard, duration: 2m}
                            - /notifications
                            - room:fra1/hall-b
                        """);
        RackscopeConfig cfg = load();
        var p = cfg.app().playlist();
        assertEquals(
                List.of(
                        "world",
                        "room:fra1/hall-a",
                        "rack:fra1-a01-r01",
                        "device:fra1-a01r01-c01",
                        "/views/rack/no-such-rack",
                        "slurm",
                        "wallboard",
                        "alerts",
                        "room:fra1/hall-b"),
                p.texts());
        assertEquals(45, p.views().get(1).seconds());
        assertEquals(120, p.views().get(6).seconds());
        assertEquals(0, p.views().get(0).seconds(), "the playlist's interval");
        String missing = warnings(cfg, "'/views/rack/no-such-rack'").get(0);
        assertTrue(missing.contains("app.yaml:") && missing.contains("matches nothing"), missing);
    }
}
