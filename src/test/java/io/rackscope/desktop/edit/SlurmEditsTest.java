package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.slurm.MappingCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Slurm plugin's settings and node mapping written in place; the mapping met with nodes. */
class SlurmEditsTest {
    @TempDir Path dir;

    static SlurmEdits slurm(EditFixture f) {
        return new EstateEdits(f.session, f.before).slurm();
    }

    @Test
    void theMappingIsReadAndWrittenAsPairsAndTheSettingsKeyByKey() {
        EditFixture f = EditFixture.example("hpc-cluster", dir);
        List<SlurmEdits.Pair> pairs = slurm(f).mapping();
        assertEquals(new SlurmEdits.Pair("c[0001-1000]", "compute[0001-1000]"), pairs.get(0));
        List<SlurmEdits.Pair> changed = new java.util.ArrayList<>(pairs);
        changed.set(0, new SlurmEdits.Pair("c[0001-0999]", "compute[0001-0999]"));
        changed.add(new SlurmEdits.Pair("login01", "login-01"));
        slurm(f).setMapping(changed);
        slurm(f).set(Map.of("label_partition", "part"));
        String mapping = f.session.text(f.root.resolve(SlurmEdits.MAPPING)).orElseThrow();
        assertTrue(mapping.startsWith("# Node mapping for hpc-cluster\n"), mapping);
        assertTrue(
                mapping.contains("mapping:\n  \"c[0001-0999]\": \"compute[0001-0999]\"\n"),
                mapping);
        assertTrue(mapping.endsWith("  \"login01\": \"login-01\"\n"), mapping);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals(changed, slurm(EditFixture.copyOf(f.root, dir.resolve("again"))).mapping());
        assertEquals("part", after.slurm().labelPartition());
    }

    @Test
    void theCheckSaysWhichSlurmNodesAreNotNodesOfTheTopology() {
        MappingCheck.Result r =
                MappingCheck.check(
                        Map.of("c[01-03]", "cn[01-03]", "g[1-2]", "gpu[01-03]"),
                        List.of("c01", "c02", "c03", "x9"),
                        List.of("cn01", "cn02", "cn03", "sw01"));
        assertEquals(4, r.slurmNodes());
        assertEquals(3, r.placed());
        assertEquals(List.of("x9 → x9"), r.notPlaced());
        assertEquals(List.of("'g[1-2]' names 2 nodes but 'gpu[01-03]' names 3"), r.problems());
        assertEquals(1, r.instancesWithoutSlurm());
        assertEquals(
                "4 Slurm nodes: 3 are nodes of the topology, 1 are not (x9 → x9).",
                r.lines().get(0));
    }
}
