package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Rack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms found on real public estates that the original reads without complaint, written here by the
 * project as fixtures of its own: a rack id used in two aisles of one room, a float timeout, a
 * device template id defined in two files.
 */
class RealEstateFidelityTest {
    @TempDir Path dir;

    /** A room whose two aisles each hold a rack file with the id r01, different devices. */
    void twoAislesOneRackId(String app) {
        ConfigFixture.write(dir.resolve("app.yaml"), app);
        ConfigFixture.write(
                dir.resolve("topology/sites.yaml"),
                "sites:\n  - id: lab\n    name: Lab\n    rooms_path: datacenters/lab/rooms\n");
        Path room = dir.resolve("topology/datacenters/lab/rooms/hall");
        ConfigFixture.write(
                room.resolve("room.yaml"),
                """
                id: hall
                name: Hall
                site_id: lab
                aisles:
                  - id: a1
                    name: Aisle 1
                  - id: a2
                    name: Aisle 2
                """);
        for (String aisle : List.of("a1", "a2")) {
            ConfigFixture.write(
                    room.resolve("aisles/" + aisle + "/aisle.yaml"),
                    "id: " + aisle + "\nname: " + aisle + "\nracks:\n  - id: r01\n");
            ConfigFixture.write(
                    room.resolve("aisles/" + aisle + "/racks/r01.yaml"),
                    """
                    id: r01
                    name: R01
                    u_height: 42
                    devices:
                      - {id: d1, name: d1, template_id: srv, u_position: 1, instance: %s-n1}
                      - {id: d2, name: d2, template_id: srv, u_position: 2, instance: %s-n2}
                    """
                            .formatted(aisle, aisle));
        }
        ConfigFixture.write(
                dir.resolve("templates/devices/a.yaml"),
                "templates:\n  - {id: srv, name: First, u_height: 1, checks: [up]}\n");
        ConfigFixture.write(
                dir.resolve("templates/devices/b.yaml"),
                "templates:\n  - {id: srv, name: Second, u_height: 2, checks: [up]}\n");
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: up
                    expr: up{instance=~"$instances"}
                    rules: [{op: "==", value: 0, severity: CRIT}]
                """);
    }

    @Test
    void aRackIdInTwoAislesOfOneRoomKeepsBothWithTheirOwnDevices() {
        twoAislesOneRackId("");
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(dir);
        assertEquals(List.of(), cfg.diagnostics().errors(), "device ids repeat per rack, not id");
        List<Rack> racks = List.copyOf(cfg.topology().racks());
        assertEquals(2, racks.size());
        List<String> deviceKeys =
                racks.stream().flatMap(r -> r.devices().stream()).map(Device::key).toList();
        assertEquals(4, deviceKeys.stream().distinct().count(), deviceKeys.toString());
        assertTrue(cfg.topology().instance("a2-n2").isPresent());
    }

    @Test
    void aFloatTimeoutIsTheTimeoutAsked() {
        twoAislesOneRackId("telemetry:\n  prometheus_timeout_seconds: 5.0\n");
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(dir);
        assertEquals(List.of(), cfg.diagnostics().errors());
        assertEquals(Duration.ofSeconds(5), cfg.app().telemetry().timeout());
        twoAislesOneRackId("telemetry:\n  prometheus_timeout_seconds: 2.5\n");
        assertEquals(
                Duration.ofMillis(2500),
                new ConfigLoader(Map.of()).load(dir).app().telemetry().timeout());
    }

    @Test
    void aTemplateIdInTwoFilesKeepsTheFirstAndSaysWhereBothAre() {
        twoAislesOneRackId("");
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(dir);
        assertEquals(List.of(), cfg.diagnostics().errors());
        assertEquals("First", cfg.templates().device("srv").orElseThrow().name());
        List<String> warnings =
                cfg.diagnostics().warnings().stream()
                        .map(Diagnostic::toString)
                        .filter(w -> w.contains("'srv'"))
                        .toList();
        assertEquals(1, warnings.size(), cfg.diagnostics().warnings().toString());
        assertTrue(warnings.get(0).contains("a.yaml") && warnings.get(0).contains("b.yaml"));
    }
}
