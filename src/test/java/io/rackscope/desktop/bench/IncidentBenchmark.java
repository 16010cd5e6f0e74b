package io.rackscope.desktop.bench;

import io.rackscope.desktop.alerting.IncidentGrouper;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.simulator.TopologyGenerator;
import io.rackscope.desktop.topology.InstancePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What grouping costs per snapshot: {@code scripts/bench incidents NODES FAILING}, a generated
 * estate with FAILING failing nodes (whole racks, and scattered nodes), median and worst of 200
 * groupings after 50 warm-ups.
 */
public final class IncidentBenchmark {
    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        int failing = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("rackscope-incidents-" + nodes);
        new TopologyGenerator(nodes, 3).typicalChecks().write(dir);
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        List<InstancePath> all = new ArrayList<>(cfg.topology().instances());
        List<Alert> alerts = new ArrayList<>();
        // half of them as whole racks (80 nodes each), the rest scattered
        int i = 0;
        while (alerts.size() < failing / 2 && i < all.size()) {
            alerts.add(alert(all.get(i++)));
        }
        Random random = new Random(1);
        while (alerts.size() < failing) {
            alerts.add(alert(all.get(i + random.nextInt(all.size() - i))));
        }
        IncidentGrouper grouper =
                new IncidentGrouper(
                        cfg.topology(),
                        cfg.app().alerts().groupMinNodes(),
                        cfg.app().alerts().groupFraction());
        List<Incident> out = List.of();
        for (int w = 0; w < 50; w++) {
            out = grouper.group(alerts);
        }
        long[] nanos = new long[200];
        for (int r = 0; r < nanos.length; r++) {
            long t0 = System.nanoTime();
            out = grouper.group(alerts);
            nanos[r] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%d nodes, %d failing: %d incidents; grouping median %.2f ms, p90 %.2f ms, max %.2f ms%n",
                nodes,
                alerts.size(),
                out.size(),
                nanos[100] / 1e6,
                nanos[180] / 1e6,
                nanos[199] / 1e6);
    }

    private static Alert alert(InstancePath p) {
        return new Alert(
                Severity.CRIT,
                "node_up",
                p.instanceId(),
                p.describe(),
                0,
                false,
                p.rack().id(),
                p.device().id(),
                null);
    }
}
