package io.rackscope.desktop.bench;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.LookBack;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What looking back costs, on a generated estate scraped by a real Prometheus: a live cycle (the
 * yardstick), then past moments scrubbed backwards (by a planner knowing nothing, and as the time
 * control does, with the states of both compared), played forwards (one planner carried along) and
 * scrubbed again (kept), each measured by Prometheus' engine seconds, plus the heap the kept
 * moments hold. {@code scripts/bench look-back NODES MINUTES STEP_S [MOMENTS]}: the estate is
 * scraped every 15 s for MINUTES, the MOMENTS (60) are STEP_S apart over the last part of that.
 */
public final class LookBackBenchmark {
    record Lookup(double engine, long queries, long wallMillis) {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("on")) {
            // an estate already scraped: on CONFIG URL [STEP_S] [MOMENTS]
            RackscopeConfig config = new ConfigLoader().load(Path.of(args[1]));
            measure(
                    config,
                    args[2],
                    args.length > 3 ? Integer.parseInt(args[3]) : 15,
                    args.length > 4 ? Integer.parseInt(args[4]) : 60);
            return;
        }
        int nodes = Integer.parseInt(args[0]);
        int minutes = Integer.parseInt(args[1]);
        int step = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int moments = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        ScrapedEstate.measure(
                nodes, minutes, false, (config, dir, url) -> measure(config, url, step, moments));
    }

    static void measure(RackscopeConfig config, String url, int step, int moments)
            throws Exception {
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
                List<Lookup> blank = new ArrayList<>();
                List<Lookup> backwards = new ArrayList<>();
                int equal = 0;
                for (int i = 0; i < moments; i++) {
                    Instant at = last.minusSeconds((long) step * i);
                    HealthSnapshot[] alone = new HealthSnapshot[1];
                    HealthSnapshot[] scrubbed = new HealthSnapshot[1];
                    Work asTimeControl = () -> scrubbed[0] = back.at(at).snapshot();
                    // alternately first, so that neither gains from the other's warm caches
                    if (i % 2 == 1) {
                        backwards.add(time(url, stats, asTimeControl));
                    }
                    blank.add(
                            time(
                                    url,
                                    stats,
                                    () -> {
                                        try (TelemetryPlanner p =
                                                new TelemetryPlanner(
                                                        config,
                                                        router,
                                                        EvaluationMode.FILTERED,
                                                        Clock.systemUTC())) {
                                            return alone[0] = p.refreshAt(at);
                                        }
                                    }));
                    if (i % 2 == 0) {
                        backwards.add(time(url, stats, asTimeControl));
                    }
                    if (sameStates(alone[0], scrubbed[0])) {
                        equal++;
                    }
                }
                report("scrubbed backwards, each a planner knowing nothing", blank, live);
                report("scrubbed backwards (as the time control does)", backwards, live);
                System.out.printf(
                        Locale.ROOT,
                        "states equal to a planner knowing nothing: %d of %d moments%n",
                        equal,
                        moments);
                List<Lookup> again = new ArrayList<>();
                for (int i = moments - 1; i >= 0; i--) {
                    Instant at = last.minusSeconds((long) step * i);
                    again.add(time(url, stats, () -> back.at(at)));
                }
                report("the same 60 again (kept)", again, live);
                System.gc();
                long heap1 = rt.totalMemory() - rt.freeMemory();
                System.out.printf(
                        Locale.ROOT,
                        "heap held by %d kept moments: %.1f MB%n",
                        moments,
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
                Instant first = play.slot(end).minusSeconds((moments - 1L) * step);
                List<Lookup> forwards = new ArrayList<>();
                for (int i = 0; i < moments; i++) {
                    Instant at = first.plusSeconds((long) step * i);
                    forwards.add(time(url, stats, () -> play.at(at)));
                }
                report("played forwards (one planner carried along)", forwards, live);
            }
        }
    }

    static boolean sameStates(HealthSnapshot a, HealthSnapshot b) {
        return new TreeMap<>(a.nodes()).equals(new TreeMap<>(b.nodes()))
                && new TreeMap<>(a.racks()).equals(new TreeMap<>(b.racks()));
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
