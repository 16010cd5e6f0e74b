package io.rackscope.desktop.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityTest {
    /**
     * Room r (cooling 10 kW): rack a (42 U, budget 2,000 W) with three 2U servers of 500 W at U 1,
     * 3 and 10 on the front and a 1U switch (no nameplate) at the rear U 42; rack b (no budget), an
     * empty 12 U rack; rack c (budget 1,000 W) whose nameplates (1,500 W) exceed it.
     */
    static RackscopeConfig load(Path dir) {
        ConfigFixture.write(dir.resolve("app.yaml"), "");
        ConfigFixture.write(
                dir.resolve("topology.yaml"),
                """
                sites:
                  - id: s
                    rooms:
                      - id: r
                        cooling_capacity_kw: 10
                        aisles:
                          - id: x
                            racks:
                              - id: a
                                power_budget_w: 2000
                                devices:
                                  - {id: a1, template_id: srv, u_position: 1}
                                  - {id: a2, template_id: srv, u_position: 3}
                                  - {id: a3, template_id: srv, u_position: 10}
                                  - {id: a4, template_id: sw, u_position: 42, face: rear}
                              - id: b
                                u_height: 12
                              - id: c
                                power_budget_w: 1000
                                devices:
                                  - {id: c1, template_id: srv, u_position: 1}
                                  - {id: c2, template_id: srv, u_position: 3}
                                  - {id: c3, template_id: srv, u_position: 5}
                """);
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                """
                templates:
                  - {id: srv, u_height: 2, power_w: 500}
                  - {id: sw, u_height: 1}
                """);
        ConfigFixture.write(dir.resolve("checks/library/c.yaml"), "checks: []\n");
        return new ConfigLoader(Map.of()).load(dir);
    }

    @Test
    void theExtensionKeysAreReadWithoutAWarning(@TempDir Path dir) {
        RackscopeConfig cfg = load(dir);
        assertEquals(List.of(), cfg.diagnostics().errors());
        assertTrue(
                cfg.diagnostics().all().stream()
                        .map(Diagnostic::message)
                        .noneMatch(m -> m.contains("unknown key")),
                cfg.diagnostics().all().toString());
        assertEquals(
                List.of(
                        "rack 'c' is over its power budget: its devices' nameplates (power_w) add"
                                + " up to 1,500 W, its power_budget_w is 1,000 W"),
                cfg.diagnostics().all().stream()
                        .map(Diagnostic::message)
                        .filter(m -> m.contains("budget"))
                        .toList(),
                "check-config warns of the rack over budget by its nameplates, with its line");
        assertEquals(2000, cfg.topology().rack("a").orElseThrow().powerBudgetWatts());
        assertFalse(cfg.topology().rack("b").orElseThrow().budgeted());
        assertEquals(10, cfg.topology().room("s", "r").orElseThrow().coolingKilowatts());
    }

    @Test
    void freeSpaceNameplatesAndHeadroom(@TempDir Path dir) {
        RackscopeConfig cfg = load(dir);
        Capacity capacity = new Capacity(cfg);
        Rack a = cfg.topology().rack("a").orElseThrow();
        RackCapacity measured = capacity.of(a, 1200, 1450);
        assertEquals(36, measured.freeFront());
        assertEquals(41, measured.freeRear());
        assertEquals(31, measured.largestFront(), "U 12-42 of the front");
        assertEquals(41, measured.largestRear());
        assertEquals(1500, measured.nameplateWatts());
        assertEquals(1450, measured.plannedWatts(), "the measured peak, not the nameplates");
        assertEquals(550, measured.headroomWatts());
        assertEquals(1200 * RackCapacity.BTU_PER_HOUR_PER_WATT, measured.heatBtuPerHour(), 1e-9);
        assertTrue(measured.fits(4, 500));
        assertFalse(measured.fits(4, 1200), "1.2 kW: over the budget");
        assertFalse(measured.fits(42, 10), "no run of 42 U");
        RackCapacity unmeasured = capacity.of(a, Double.NaN, Double.NaN);
        assertEquals(500, unmeasured.headroomWatts(), "the nameplates when nothing is measured");
        RackCapacity b =
                capacity.of(cfg.topology().rack("b").orElseThrow(), Double.NaN, Double.NaN);
        assertTrue(b.fits(4, 5000), "no budget: power does not stop it");
        assertTrue(Double.isNaN(b.nameplateWatts()));
        assertTrue(capacity.of(cfg.topology().rack("c").orElseThrow(), 900, 950).overBudget());
        assertFalse(measured.overBudget());
    }

    @Test
    void roomTotalsAgainstCooling(@TempDir Path dir) {
        RackscopeConfig cfg = load(dir);
        Capacity capacity = new Capacity(cfg);
        Room room = cfg.topology().room("s", "r").orElseThrow();
        Capacity.RoomTotals t =
                Capacity.totals(
                        room,
                        List.of(
                                capacity.of(cfg.topology().rack("a").orElseThrow(), 1200, 1450),
                                capacity.of(cfg.topology().rack("c").orElseThrow(), 800, 950),
                                capacity.of(
                                        cfg.topology().rack("b").orElseThrow(),
                                        Double.NaN,
                                        Double.NaN)));
        assertEquals(2000, t.nowWatts());
        assertEquals(2400, t.peakWatts());
        assertEquals(3000, t.nameplateWatts());
        assertEquals(0.2, t.coolingUsed(), 1e-9);
    }
}
