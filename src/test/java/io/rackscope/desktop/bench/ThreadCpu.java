package io.rackscope.desktop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by kind (name with its digits dropped), from {@code
 * /proc/self/task}: what the client itself spends during a cycle, compiler and collector threads
 * included, which the JVM's own beans do not show; in nanoseconds from {@code schedstat} where the
 * kernel keeps it, else in 10 ms ticks from {@code stat}. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {
    private static final double TICK_MS = 10.0;

    private ThreadCpu() {}

    static Map<String, Double> millisByKind() {
        Map<String, Double> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> add(t, out));
        } catch (IOException e) {
            // no /proc: nothing to tell
        }
        return out;
    }

    static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach(
                (k, v) -> {
                    double d = v - before.getOrDefault(k, 0.0);
                    if (d > 0) {
                        out.put(k, d);
                    }
                });
        return out;
    }

    /**
     * The calling thread's time on a core and its time runnable but waiting for one, in ms, from
     * {@code /proc/thread-self/schedstat}; NaN where the kernel does not keep it.
     */
    static double[] self() {
        try {
            String[] f = Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ");
            return new double[] {Long.parseLong(f[0]) / 1e6, Long.parseLong(f[1]) / 1e6};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** The task's time on a core from its {@code schedstat}, or -1 where there is none. */
    private static double onCpuMillis(Path task) {
        try {
            String sched = Files.readString(task.resolve("schedstat")).trim();
            return Long.parseLong(sched.substring(0, sched.indexOf(' '))) / 1e6;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void add(Path task, Map<String, Double> out) {
        try {
            String s = Files.readString(task.resolve("stat"));
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String kind = s.substring(open + 1, close).replaceAll("\\d+", "N").trim();
            String[] rest = s.substring(close + 2).split(" ");
            double ms = onCpuMillis(task);
            if (ms < 0) {
                // after the name: state is field 3, utime 14 and stime 15 (1-based in proc(5))
                ms = (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) * TICK_MS;
            }
            out.merge(kind, ms, Double::sum);
        } catch (IOException | RuntimeException e) {
            // a thread ended between the listing and the read
        }
    }

    /**
     * Medians over {@code cycles} of the client's CPU: in all, in its collector's threads, in its
     * compiler's, and in the rest (answers read, the planner's own work).
     */
    static String medians(List<Map<String, Double>> cycles) {
        return String.format(
                Locale.ROOT,
                "%.0f ms (collector %.0f, compiler %.0f, the rest %.0f)",
                median(cycles, k -> true),
                median(cycles, ThreadCpu::collector),
                median(cycles, ThreadCpu::compiler),
                median(cycles, k -> !collector(k) && !compiler(k)));
    }

    /** Of {@code cpu} (by kind), what the collector's threads and the compiler's spent, in ms. */
    static double[] collectorAndCompiler(Map<String, Double> cpu) {
        double[] out = new double[2];
        cpu.forEach(
                (k, v) -> {
                    if (collector(k)) {
                        out[0] += v;
                    } else if (compiler(k)) {
                        out[1] += v;
                    }
                });
        return out;
    }

    private static boolean collector(String kind) {
        // HotSpot names G1's threads "GC Thread#0", "G1 Conc#0", "G1 Refine#0", "G1 Service"
        return kind.startsWith("GC ") || kind.startsWith("GN ");
    }

    private static boolean compiler(String kind) {
        return kind.contains("CompilerThre");
    }

    private static double median(List<Map<String, Double>> cycles, Predicate<String> kinds) {
        if (cycles.isEmpty()) {
            return Double.NaN;
        }
        return PlannerCostBenchmark.median(
                cycles.stream()
                        .mapToDouble(
                                m ->
                                        m.entrySet().stream()
                                                .filter(e -> kinds.test(e.getKey()))
                                                .mapToDouble(Map.Entry::getValue)
                                                .sum())
                        .toArray());
    }
}
