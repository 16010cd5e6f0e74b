package io.rackscope.desktop.bench;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.simulator.TopologyGenerator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Load-and-index time and heap after load for generated trees. Run with {@code scripts/bench
 * config-load}. Each size is loaded five times after two warm-up loads; the best and the median are
 * printed. {@code scripts/bench config-load repeated N} loads, in the same run, an N-node tree of
 * three sites and the same tree whose sites reuse their rack and device ids.
 */
public final class ConfigLoadBenchmark {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("repeated")) {
            int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 14_000;
            Path plain = Files.createTempDirectory("rackscope-bench-plain");
            new TopologyGenerator(nodes, 3).write(plain);
            Path reused = Files.createTempDirectory("rackscope-bench-reused");
            new TopologyGenerator(nodes, 3).reuseIds().write(reused);
            // alternated, so that both see the same JIT and the same disk cache; the first two
            // rounds warm up
            List<Long> unique = new ArrayList<>();
            List<Long> repeated = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                long u = measure(plain, "unique ids");
                long r = measure(reused, "repeated ids");
                if (round >= 2) {
                    unique.add(u);
                    repeated.add(r);
                }
            }
            Collections.sort(unique);
            Collections.sort(repeated);
            long mu = unique.get(unique.size() / 2);
            long mr = repeated.get(repeated.size() / 2);
            System.out.printf(
                    "median of the rounds' medians: unique ids %d ms, repeated ids %d ms: %.2fx%n",
                    mu, mr, (double) mr / mu);
            return;
        }
        int[] sizes =
                args.length == 0
                        ? new int[] {14_000, 100_000}
                        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int nodes : sizes) {
            Path dir = Files.createTempDirectory("rackscope-bench-" + nodes);
            new TopologyGenerator(nodes, 3).write(dir);
            measure(dir, "");
        }
    }

    /** Loads {@code dir} five times after two warm-up loads; prints and returns the median. */
    private static long measure(Path dir, String what) {
        for (int i = 0; i < 2; i++) {
            new ConfigLoader().load(dir);
        }
        long[] ms = new long[5];
        RackscopeConfig kept = null;
        for (int i = 0; i < ms.length; i++) {
            kept = null;
            System.gc();
            long t0 = System.nanoTime();
            kept = new ConfigLoader().load(dir);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "%snodes=%d racks=%d load_best_ms=%d load_median_ms=%d heap_after_load_mb=%.1f errors=%d warnings=%d%n",
                what.isEmpty() ? "" : what + ": ",
                kept.topology().instances().size(),
                kept.topology().racks().size(),
                ms[0],
                ms[2],
                heap / 1048576.0,
                kept.diagnostics().errors().size(),
                kept.diagnostics().warnings().size());
        return ms[2];
    }
}
