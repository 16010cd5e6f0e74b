package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.topology.InstancePath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {
    @TempDir Path dir;
    Path config;

    @BeforeEach
    void copy() {
        config = ConfigFixture.copyOfBundled(dir);
    }

    private RackscopeConfig load() {
        return new ConfigLoader(Map.of()).load(config);
    }

    private Diagnostic only(List<Diagnostic> list, String fragment) {
        List<Diagnostic> hits = list.stream().filter(d -> d.message().contains(fragment)).toList();
        assertEquals(
                1, hits.size(), "expected one diagnostic containing '" + fragment + "' in " + list);
        return hits.get(0);
    }

    private Path rack(String id) {
        String aisle = id.substring(5, 8);
        String room = aisle.startsWith("a") ? "hall-a" : aisle.startsWith("b") ? "hall-b" : "dh1";
        return ConfigFixture.rackFile(config, id.substring(0, 4), room, aisle, id);
    }

    private void appendDevice(String rackId, String yaml) {
        Path f = rack(rackId);
        ConfigFixture.write(f, ConfigFixture.read(f) + yaml);
    }

    @Test
    void bundledConfigIsCleanAndIndexed() {
        RackscopeConfig cfg = load();
        assertEquals(List.of(), cfg.diagnostics().all());
        InstancePath p = cfg.topology().instance("cn0001").orElseThrow();
        assertEquals("fra1 / hall-a / a01 / fra1-a01-r01 / fra1-a01r01-c01 / cn0001", p.describe());
        assertEquals(1, p.slot());
        assertEquals(
                "cn0004",
                cfg.topology()
                        .device("fra1-a01r01-c01")
                        .orElseThrow()
                        .instances()
                        .get(3)
                        .instanceId());
        assertTrue(cfg.topology().room("ams1", "dh1").isPresent());
        assertEquals(28, cfg.topology().room("fra1", "hall-a").orElseThrow().layout().cellSize());
    }

    @Test
    void anchorsResolveToLists() {
        RackscopeConfig cfg = load();
        // nw-2u-twin takes its checks through the alias *node_checks
        assertEquals(
                List.of("node_up", "node_temperature", "node_memory_pressure", "node_psu_state"),
                cfg.templates().device("nw-2u-twin").orElseThrow().checks());
        assertEquals(
                4, cfg.checksFor(cfg.topology().device("fra1-a02r01-t01").orElseThrow()).size());
        assertEquals(
                List.of("rack_inlet_temperature", "rack_pdu_load", "rack_fans"),
                cfg.checksFor(cfg.topology().rack("fra1-a01-r01").orElseThrow()).stream()
                        .map(Check::id)
                        .toList());
    }

    @Test
    void checksAndMetricsAreParsedInBothSpellings() {
        RackscopeConfig cfg = load();
        Check temp = cfg.check("node_temperature").orElseThrow();
        assertEquals(CheckScope.NODE, temp.scope());
        assertEquals(Duration.ofMinutes(2), temp.forDuration());
        assertEquals(Severity.CRIT, temp.evaluate(90));
        assertEquals(Severity.WARN, temp.evaluate(80));
        assertEquals(Severity.OK, temp.evaluate(20));
        assertEquals(
                "node_power_watts{instance=\"$instance\"}",
                cfg.metric("node_power").orElseThrow().expr());
        assertEquals(85.0, cfg.metric("node_temperature").orElseThrow().display().crit());
        assertEquals("gpu", cfg.check("gpu_temperature").orElseThrow().expandByLabel());
    }

    @Test
    void unknownTemplateCheckAndMetricIdsAreReported() {
        appendDevice(
                "fra1-a01-r02",
                "  - {id: mystery, template_id: no-such-template, u_position: 39, instance: mystery01}\n");
        Path tpl = config.resolve("templates/devices/storage.yaml");
        ConfigFixture.write(
                tpl,
                ConfigFixture.read(tpl)
                        .replace(
                                "storage_disks]\n    metrics: [storage_used]\n",
                                "storage_disks, no_such_check]\n    metrics: [storage_used, no_such_metric]\n"));
        RackscopeConfig cfg = load();
        Diagnostic d = only(cfg.diagnostics().errors(), "no-such-template");
        assertTrue(d.file().endsWith("fra1-a01-r02.yaml") && d.line() > 0, d.toString());
        assertTrue(
                only(cfg.diagnostics().warnings(), "no_such_check")
                        .file()
                        .endsWith("storage.yaml"));
        assertTrue(only(cfg.diagnostics().warnings(), "no_such_metric").line() > 0);
        assertTrue(cfg.topology().instance("mystery01").isPresent(), "the device still loads");
    }

    @Test
    void repeatsThatCannotBeToldApartAreErrorsAndOtherRepeatsWarnings() {
        Path sites = config.resolve("topology/sites.yaml");
        ConfigFixture.write(sites, ConfigFixture.read(sites) + "  - {id: fra1, name: Again}\n");
        Path r2 = rack("fra1-a01-r02");
        ConfigFixture.write(
                r2, ConfigFixture.read(r2).replaceFirst("id: fra1-a01-r02", "id: fra1-a01-r01"));
        appendDevice(
                "fra1-a01-r03",
                "  - {id: fra1-a01r01-c01, template_id: nw-1u-server, u_position: 39, instance: extra01}\n");
        RackscopeConfig cfg = load();
        Diagnostic site = only(cfg.diagnostics().errors(), "site id 'fra1'");
        assertTrue(site.message().contains("sites.yaml:"), site.message());
        Diagnostic rackDup = only(cfg.diagnostics().errors(), "rack id 'fra1-a01-r01'");
        assertTrue(
                rackDup.file().endsWith("fra1-a01-r02.yaml")
                        && rackDup.message().contains("fra1-a01-r01.yaml:1"),
                rackDup.toString());
        assertTrue(rackDup.message().contains("same place"), rackDup.message());
        Diagnostic device = only(cfg.diagnostics().warnings(), "device id 'fra1-a01r01-c01'");
        assertTrue(
                device.file().endsWith("fra1-a01-r03.yaml")
                        && device.message().contains("fra1-a01-r01.yaml:")
                        && device.message().contains("all are kept"),
                device.toString());
        assertTrue(
                cfg.diagnostics().errors().stream()
                        .noneMatch(e -> e.message().contains("device id")),
                "a device id repeated in another rack is no error");
        assertEquals(
                2, cfg.topology().devicesWithId("fra1-a01r01-c01").size(), "both devices kept");
        assertEquals(2, cfg.topology().sites().size());
        assertEquals(39, cfg.topology().racks().size());
    }

    @Test
    void instanceClaimedTwiceNamesBothDevices() {
        appendDevice(
                "fra1-a02-r01",
                "  - {id: thief, template_id: nw-1u-server, u_position: 39, instance: cn0001}\n");
        RackscopeConfig cfg = load();
        Diagnostic d = only(cfg.diagnostics().warnings(), "instance 'cn0001'");
        assertTrue(d.file().endsWith("fra1-a02-r01.yaml"), d.toString());
        assertTrue(
                d.message().contains("'thief'")
                        && d.message().contains("'fra1-a01r01-c01'")
                        && d.message().contains("fra1-a01-r01.yaml:"),
                d.message());
        assertEquals(
                "fra1-a01r01-c01", cfg.topology().instance("cn0001").orElseThrow().device().id());
        assertEquals(
                List.of("fra1-a01r01-c01", "thief"),
                cfg.topology().devices().stream()
                        .filter(
                                dev ->
                                        dev.instances().stream()
                                                .anyMatch(i -> i.instanceId().equals("cn0001")))
                        .map(dev -> dev.id())
                        .toList(),
                "both claims are kept");
    }

    @Test
    void devicesOutsideTheRackOrOverlappingAreReported() {
        appendDevice(
                "fra1-a01-r01",
                """
                  - {id: too-high, template_id: nw-2u-storage-head, u_position: 42, instance: high01}
                  - {id: on-top, template_id: nw-1u-server, u_position: 3, instance: top01}
                  - {id: rear-ok, template_id: nw-1u-server, u_position: 3, face: rear, instance: rear01}
                """);
        RackscopeConfig cfg = load();
        assertTrue(
                only(cfg.diagnostics().errors(), "'too-high' occupies U42-U43")
                        .message()
                        .contains("U1-U42"));
        assertTrue(
                only(cfg.diagnostics().errors(), "'on-top' overlaps")
                        .message()
                        .contains("U3 on the front"));
        assertTrue(
                cfg.diagnostics().errors().stream()
                        .noneMatch(d -> d.message().contains("rear-ok")));
    }

    @Test
    void badRulesAndDurationsAreReportedAndTheOtherChecksLoad() {
        Path f = config.resolve("checks/library/rack.yaml");
        ConfigFixture.write(
                f,
                ConfigFixture.read(f)
                        .replace(
                                "{op: \">\", value: 0.9, severity: CRIT}",
                                "{op: \"=>\", value: 0.9, severity: CRIT}")
                        .replace(
                                "{op: \">\", value: 32, severity: CRIT}",
                                "{op: \">\", value: 32, severity: FATAL}")
                        .replace("for: 1m", "for: 1 minute"));
        RackscopeConfig cfg = load();
        Diagnostic op = only(cfg.diagnostics().errors(), "operator '=>'");
        assertTrue(op.file().endsWith("rack.yaml") && op.line() > 0);
        only(cfg.diagnostics().errors(), "severity 'FATAL'");
        only(cfg.diagnostics().errors(), "'1 minute', which is not a duration");
        assertFalse(cfg.check("rack_pdu_load").isPresent());
        assertFalse(cfg.check("rack_inlet_temperature").isPresent());
        assertTrue(cfg.check("rack_fans").isPresent());
    }

    @Test
    void malformedPrometheusUrlAndUnknownKeys() {
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app).replace("http://127.0.0.1:9090", "htp:/nowhere")
                        + "colour_scheme: neon\nplanner_extra: 1\n");
        RackscopeConfig cfg = load();
        Diagnostic url = only(cfg.diagnostics().errors(), "prometheus_url");
        assertTrue(url.line() > 0 && url.file().endsWith("app.yaml"));
        assertTrue(only(cfg.diagnostics().warnings(), "'colour_scheme'").line() > 0);
        assertEquals(40, cfg.topology().racks().size());
    }

    @Test
    void missingReferencedFilesAreWarnings() {
        Path aisle = config.resolve("topology/datacenters/ams1/rooms/dh1/aisles/d01/aisle.yaml");
        ConfigFixture.write(aisle, ConfigFixture.read(aisle) + "  - ams1-d01-r99\n");
        RackscopeConfig cfg = load();
        Diagnostic d = only(cfg.diagnostics().warnings(), "ams1-d01-r99");
        assertTrue(
                d.file().endsWith("aisle.yaml")
                        && d.line() > 0
                        && d.message().contains("does not exist"),
                d.toString());
        assertEquals(40, cfg.topology().racks().size());
        assertTrue(cfg.diagnostics().errors().isEmpty());
    }

    @Test
    void relativePathsFallBackToTheConventionalLayoutWithAWarning() {
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app).replace("topology: topology", "topology: config/topology"));
        RackscopeConfig cfg = load();
        Diagnostic d = only(cfg.diagnostics().warnings(), "paths.topology");
        assertTrue(
                d.message().contains(config.resolve("config/topology").toString())
                        && d.message().contains(config.resolve("topology").toString()),
                d.message());
        assertEquals(40, cfg.topology().racks().size());
    }

    @Test
    void singleFileTopologyAndInstanceForms() {
        Path mono = dir.resolve("mono");
        ConfigFixture.write(
                mono.resolve("app.yaml"),
                "telemetry: {prometheus_url: 'https://prom.example.com/prometheus/'}\n");
        ConfigFixture.write(
                mono.resolve("templates/t.yaml"),
                """
                templates:
                  - {id: quad, u_height: 2, layout: {rows: 2, cols: 2}}
                  - {id: one, u_height: 1}
                """);
        ConfigFixture.write(
                mono.resolve("topology.yaml"),
                """
                sites:
                  - id: lab
                    name: Lab
                    rooms:
                      - id: r1
                        aisles:
                          - id: a1
                            racks:
                              - id: rk1
                                devices:
                                  - {id: q1, template_id: quad, u_position: 1, instance: "n[08-11]"}
                                  - {id: l1, template_id: one, u_position: 3, nodes: [x.example.com, "10.0.0.1:9100"]}
                                  - {id: m1, template_id: quad, u_position: 4, instance: {2: m-b, 1: m-a}}
                        standalone_racks:
                          - {id: lone, u_height: 10, devices: [{id: s1, template_id: one, u_position: 10, instance: s1}]}
                """);
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(mono);
        assertEquals(List.of(), cfg.diagnostics().errors());
        assertEquals(
                List.of("n08", "n09", "n10", "n11"),
                cfg.topology().device("q1").orElseThrow().instances().stream()
                        .map(s -> s.instanceId())
                        .toList());
        assertEquals(2, cfg.topology().instance("10.0.0.1:9100").orElseThrow().slot());
        assertEquals(2, cfg.topology().instance("m-b").orElseThrow().slot());
        assertNotNull(cfg.topology().instance("s1").orElseThrow().room());
        assertEquals(null, cfg.topology().instance("s1").orElseThrow().aisle());
        assertEquals(2, cfg.topology().racks().size());
    }

    @Test
    void aWallsPaletteIsOneOfThreeAndAnyOtherIsSaidWithItsLine() {
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(app, ConfigFixture.read(app) + "\nkiosk:\n  palette: quiet\n");
        assertEquals("quiet", load().app().kiosk().palette());
        ConfigFixture.write(
                app, ConfigFixture.read(app).replace("palette: quiet", "palette: pastel"));
        RackscopeConfig cfg = load();
        assertEquals("standard", cfg.app().kiosk().palette());
        Diagnostic d = only(cfg.diagnostics().errors(), "kiosk.palette");
        assertTrue(d.message().contains("'pastel'"), d.message());
    }

    @Test
    void escalationAndWebhooksAreReadAndABadOneIsSaidWithoutItsUrl() {
        Path app = config.resolve("app.yaml");
        String base = ConfigFixture.read(app);
        ConfigFixture.write(
                app,
                base
                        + "\nalerts:\n  escalate_after: 10m\n  notify:\n"
                        + "  - {url: \"https://hooks.example/T0KEN\", when: [new, unanswered]}\n"
                        + "  - {url: \"ftp://hooks.example/T0KEN\"}\n"
                        + "  - {url: \"https://x.example/a\", when: [later]}\n");
        RackscopeConfig cfg = load();
        assertEquals(Duration.ofMinutes(10), cfg.app().alerts().escalateAfter());
        List<AppConfig.Notify> hooks = cfg.app().alerts().notifications();
        assertEquals(2, hooks.size(), "the ftp one left out");
        assertEquals(java.util.Set.of("new", "unanswered"), hooks.get(0).when());
        assertEquals(java.util.Set.of(), hooks.get(1).when());
        assertTrue(
                cfg.diagnostics().all().stream().noneMatch(d -> d.message().contains("T0KEN")),
                "a webhook's URL is never repeated");
        only(cfg.diagnostics().errors(), "a url starts with http(s)://");
        only(cfg.diagnostics().errors(), "[later] unknown");
        assertEquals(
                null,
                new ConfigLoader(Map.of())
                        .load(config.getParent().resolve("none"))
                        .app()
                        .alerts()
                        .escalateAfter());
    }
}
