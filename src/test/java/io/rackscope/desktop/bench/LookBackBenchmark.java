package io.rackscope.desktop.bench;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.LookBack;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What looking back costs, on a generated estate scraped by a real Prometheus: a live cycle (the
 * yardstick), then 60 past moments scrubbed backwards (each a fresh planner), played forwards (one
 * planner carried along) and scrubbed again (kept), each measured by Prometheus' engine seconds,
 * plus the heap the kept moments hold. {@code scripts/bench look-back NODES MINUTES STEP_S}: the
 * estate is scraped every 15 s for MINUTES, the moments are STEP_S apart over the last part of
 * that.
 */
public final class LookBackBenchmark {
    record Lookup(double engine, long queries, long wallMillis) {}

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        int minutes = Integer.parseInt(args[1]);
        int step = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        ScrapedEstate.measure(nodes, minutes, (config, url) -> measure(config, url, step));
    }

    static void measure(RackscopeConfig config, String url, int step) throws Exception {
        QueryStats stats = new QueryStats();
        try (PrometheusRouter router = new PrometheusRouter(config, url, stats)) {
            Instant end = Instant.now().minusSeconds(30);
            double live;
            try (TelemetryPlanner planner =
                    new TelemetryPlanner(
                            config, router, EvaluationMode.FILTERED, Clock.systemUTC())) {
                planner.setCycleInterval(Duration.ofSeconds(60));
                List<Lookup> cycles = new ArrayList<>();
                for (int i = 4; i >= 0; i--) {
                    Instant at = end.minusSeconds(60L * i);
                    cycles.add(time(url, stats, () -> planner.refreshAt(at)));
                }
                live =
                        cycles.subList(2, 5).stream()
                                .mapToDouble(Lookup::engine)
                                .average()
                                .orElse(0);
                System.out.printf(
                        Locale.ROOT,
                        "live cycle (60 s apart, steady mean of 3): engine %.4f s, %.0f queries; first"
                                + " %.4f s%n",
                        live,
                        cycles.subList(2, 5).stream()
                                .mapToLong(Lookup::queries)
                                .average()
                                .orElse(0),
                        cycles.get(0).engine());
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heap0 = rt.totalMemory() - rt.freeMemory();
            try (LookBack back =
                    new LookBack(
                            config,
                            router,
                            EvaluationMode.FILTERED,
                            Clock.systemUTC(),
                            Duration.ofSeconds(step),
                            Duration.ofHours(24),
                            120)) {
                Instant last = back.slot(end);
                List<Lookup> backwards = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    Instant at = last.minusSeconds((long) step * i);
                    backwards.add(time(url, stats, () -> back.at(at)));
                }
                report("scrubbed backwards (each a fresh planner)", backwards, live);
                List<Lookup> again = new ArrayList<>();
                for (int i = 59; i >= 0; i--) {
                    Instant at = last.minusSeconds((long) step * i);
                    again.add(time(url, stats, () -> back.at(at)));
                }
                report("the same 60 again (kept)", again, live);
                System.gc();
                long heap1 = rt.totalMemory() - rt.freeMemory();
                System.out.printf(
                        Locale.ROOT,
                        "heap held by 60 kept moments: %.1f MB%n",
                        (heap1 - heap0) / 1e6);
            }
            try (LookBack play =
                    new LookBack(
                            config,
                            router,
                            EvaluationMode.FILTERED,
                            Clock.systemUTC(),
                            Duration.ofSeconds(step),
                            Duration.ofHours(24),
                            120)) {
                Instant first = play.slot(end).minusSeconds(59L * step);
                List<Lookup> forwards = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    Instant at = first.plusSeconds((long) step * i);
                    forwards.add(time(url, stats, () -> play.at(at)));
                }
                report("played forwards (one planner carried along)", forwards, live);
            }
        }
    }

    interface Work {
        Object run() throws Exception;
    }

    static Lookup time(String url, QueryStats stats, Work w) throws Exception {
        double e0 = PlannerCostBenchmark.engine(url);
        long q0 = stats.queryCount();
        long t0 = System.nanoTime();
        w.run();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        return new Lookup(PlannerCostBenchmark.engine(url) - e0, stats.queryCount() - q0, wall);
    }

    static void report(String what, List<Lookup> lookups, double live) {
        double[] e = lookups.stream().mapToDouble(Lookup::engine).sorted().toArray();
        long[] w = lookups.stream().mapToLong(Lookup::wallMillis).sorted().toArray();
        double mean = lookups.stream().mapToDouble(Lookup::engine).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "%s: engine per moment mean %.4f s (%.2fx a live cycle), median %.4f, max %.4f;"
                        + " %.1f queries per moment; wall median %d ms, max %d ms%n",
                what,
                mean,
                live > 0 ? mean / live : Double.NaN,
                e[e.length / 2],
                e[e.length - 1],
                lookups.stream().mapToLong(Lookup::queries).average().orElse(0),
                w[w.length / 2],
                w[w.length - 1]);
    }
}
