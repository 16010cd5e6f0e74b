package io.rackscope.desktop.bench;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditCheck;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.edit.EstateEdits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one edit costs on a large estate, step by step: the move of one rack to another aisle (the
 * text patches), the loader's check of the edited files, the save, and the load the window's reload
 * does. Run: {@code java -cp ... EditBenchmark CONFIG_DIR RACK SITE/ROOM/AISLE ROUNDS} on a copy
 * (it saves, and moves the rack back).
 */
public final class EditBenchmark {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        String rack = args[1];
        String to = args[2];
        int rounds = Integer.parseInt(args[3]);
        List<Double> load = new ArrayList<>();
        List<Double> edit = new ArrayList<>();
        List<Double> check = new ArrayList<>();
        List<Double> save = new ArrayList<>();
        // there and back: where the rack is at the start
        String from =
                new ConfigLoader()
                        .load(root)
                        .topology()
                        .rack(rack)
                        .map(r -> r.siteId() + "/" + r.roomId() + "/" + r.aisleId())
                        .orElseThrow();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            RackscopeConfig cfg = new ConfigLoader().load(root);
            long t1 = System.nanoTime();
            EditSession session = new EditSession(root);
            new EstateEdits(session, cfg).moveRack(rack, i % 2 == 0 ? to : from, null);
            long t2 = System.nanoTime();
            try (EditCheck c = EditCheck.of(session, cfg)) {
                if (!c.errors().isEmpty()) {
                    throw new IllegalStateException(c.errors().toString());
                }
            }
            long t3 = System.nanoTime();
            List<Path> written = session.save();
            if (written.size() != 4) {
                throw new IllegalStateException(
                        "a move writes two lists, the rack's file, and removes the old: "
                                + written);
            }
            long t4 = System.nanoTime();
            load.add((t1 - t0) / 1e6);
            edit.add((t2 - t1) / 1e6);
            check.add((t3 - t2) / 1e6);
            save.add((t4 - t3) / 1e6);
        }
        System.out.printf(
                "%d rounds, median (max) ms: load %s, edit %s, check %s, save %s%n",
                rounds, med(load), med(edit), med(check), med(save));
    }

    private static String med(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs.subList(1, xs.size()));
        Collections.sort(s);
        return String.format(
                java.util.Locale.ROOT, "%.1f (%.1f)", s.get(s.size() / 2), s.get(s.size() - 1));
    }
}
