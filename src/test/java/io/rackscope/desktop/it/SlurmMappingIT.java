package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.SettingsTestService;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.edit.SlurmEdits;
import io.rackscope.desktop.slurm.MappingCheck;
import io.rackscope.desktop.topology.InstancePath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The settings' Slurm mapping check on a real Prometheus scraping the simulated demo: the demo's
 * mapping places every Slurm node; a mapping with an entry taken out says which nodes it loses.
 */
class SlurmMappingIT {
    @Test
    void theDemosMappingPlacesEverySlurmNodeAndOneEntryLessIsSaid() throws Exception {
        try (SimulatedDemo demo = SimulatedDemo.start()) {
            List<String> nodes =
                    new SettingsTestService(Path.of("config").toAbsolutePath())
                            .slurmNodes(
                                    "telemetry:\n  prometheus_url: " + demo.url() + "\n",
                                    "slurm_node_status",
                                    "node")
                            .get(60, TimeUnit.SECONDS);
            List<String> instances =
                    demo.demo.topology().instances().stream()
                            .map(InstancePath::instanceId)
                            .toList();
            List<SlurmEdits.Pair> pairs =
                    new EstateEdits(new EditSession(Path.of("config").toAbsolutePath()), demo.demo)
                            .slurm()
                            .mapping();
            Map<String, String> entries = new LinkedHashMap<>();
            pairs.forEach(p -> entries.put(p.slurm(), p.instance()));
            MappingCheck.Result all = MappingCheck.check(entries, nodes, instances);
            assertTrue(all.slurmNodes() > 1000, all.lines().toString());
            assertEquals(all.slurmNodes(), all.placed(), all.lines().toString());
            entries.remove(pairs.get(1).slurm());
            MappingCheck.Result less = MappingCheck.check(entries, nodes, instances);
            assertTrue(less.notPlaced().size() > 0, less.lines().toString());
            assertTrue(less.lines().get(0).contains(" are not ("), less.lines().get(0));
        }
    }
}
