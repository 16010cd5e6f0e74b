package io.rackscope.desktop.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlurmStatusTest {
    static final SlurmStatus STATUS =
            new SlurmStatus(
                    Map.of(
                            "crit", List.of("down", "fail", "failing", "unknown"),
                            "warn",
                                    List.of(
                                            "drain",
                                            "draining",
                                            "drained",
                                            "reserved",
                                            "power_down"),
                            "ok", List.of("allocated", "mixed", "completing"),
                            "info", List.of("idle")));

    @ParameterizedTest
    @CsvSource({
        "alloc, allocated, OK", "ALLOC, allocated, OK", "mix, mixed, OK", "comp, completing, OK",
        "idle, idle, INFO", "drng, draining, WARN", "drain, drained, WARN", "resv, reserved, WARN",
        "pow_dn, power_down, WARN", "failg, failing, CRIT", "unk, unknown, CRIT",
                "down, down, CRIT",
        "idle*, idle, CRIT", "alloc*, allocated, CRIT", "idle~, idle, INFO",
                "plnd, planned, UNKNOWN",
        "whatever, whatever, UNKNOWN", "idle+drain, idle+drain, WARN",
                "mixed+down, mixed+down, CRIT"
    })
    void normalisesAndClassifies(String raw, String status, SlurmState state) {
        assertEquals(status, SlurmStatus.normalize(raw));
        assertEquals(state, STATUS.classify(raw));
    }

    @Test
    void critListIsReadBeforeWarnAndOk() {
        SlurmStatus both =
                new SlurmStatus(
                        Map.of(
                                "crit",
                                List.of("maint"),
                                "warn",
                                List.of("maint"),
                                "ok",
                                List.of("maint")));
        assertEquals(SlurmState.CRIT, both.classify("maint"));
    }

    @Test
    void mappingPairsRangesAndFallsBackToTheName() {
        NodeMapping m = new NodeMapping();
        assertNull(m.add("c[001-003]", "compute[0001-0003]"));
        assertEquals("compute0002", m.instanceOf("c002"));
        assertEquals("other", m.instanceOf("other"));
        assertNotNull(m.add("g[1-3]", "gpu[1-2]"), "sizes must match");
    }

    @Test
    void exampleSettingsLoadWithTheirMapping() {
        Path hpc = io.rackscope.desktop.config.Examples.require("hpc-cluster");
        RackscopeConfig cfg = new ConfigLoader().load(hpc);
        SlurmSettings s = cfg.slurm();
        assertEquals(true, s.enabled());
        assertEquals("slurm_node_status", s.metric());
        assertEquals(1400, s.mapping().size());
        assertEquals("compute0042", s.mapping().instanceOf("c0042"));
    }

    @Test
    void bundledDemoMapsItsComputeGpuAndBladeNodes() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        assertEquals(1240 + 48 + 336, cfg.slurm().mapping().size());
        assertEquals(0, cfg.diagnostics().all().size(), cfg.diagnostics().all().toString());
    }
}
