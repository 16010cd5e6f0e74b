package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Aisle;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many moves in a row, each saved and the estate loaded again: every rack stays listed exactly
 * once, its file in its aisle's folder, no rack lost, and the loader finds no error.
 */
class MoveSequenceTest {
    @TempDir Path dir;

    @Test
    void racksMovedAtRandomStayListedOnceWithTheirFile() {
        Path root = dir.resolve("estate");
        assertEquals(
                0,
                CliRun.of("generate-topology", "--nodes", "400", "--out", root.toString()).code());
        RackscopeConfig cfg = new ConfigLoader().load(root);
        int racks = cfg.topology().racks().size();
        Random random = new Random(7);
        for (int step = 0; step < 60; step++) {
            Room room = cfg.topology().sites().get(0).rooms().get(0);
            List<Aisle> aisles = room.aisles();
            Aisle from = aisles.get(random.nextInt(aisles.size()));
            if (from.racks().isEmpty()) {
                continue;
            }
            Rack rack = from.racks().get(random.nextInt(from.racks().size()));
            Aisle to = aisles.get(random.nextInt(aisles.size()));
            int index = random.nextInt(to.racks().size() + 1);
            EditSession session = new EditSession(root);
            new EstateEdits(session, cfg).moveRack(rack.key(), to.key(), index);
            session.save();
            cfg = new ConfigLoader().load(root);
            String where = "step " + step + ": " + rack.id() + " to " + to.id() + " at " + index;
            assertFalse(cfg.hasErrors(), where + " " + cfg.diagnostics().errors());
            assertEquals(racks, cfg.topology().racks().size(), where);
            Map<String, Integer> listed = new HashMap<>();
            for (Aisle a : cfg.topology().sites().get(0).rooms().get(0).aisles()) {
                for (Rack r : a.racks()) {
                    listed.merge(r.id(), 1, Integer::sum);
                    assertTrue(
                            r.file().toString().contains("/aisles/" + a.id() + "/racks/"),
                            where + ": " + r.file());
                }
            }
            assertTrue(listed.values().stream().allMatch(n -> n == 1), where + " " + listed);
            Rack moved = cfg.topology().rack(rack.key()).orElseThrow();
            assertEquals(to.id(), moved.aisleId(), where);
        }
        List<Path> left = new ArrayList<>();
        try (var files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".tmp")).forEach(left::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(List.of(), left);
    }
}
