package io.rackscope.desktop.bench;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.it.OriginalSchemeTool;
import io.rackscope.desktop.prometheus.EngineSeconds;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What a health cycle costs Prometheus, the app against the web original's real scheme ({@code
 * ../shared/tools/original-scheme.py}, run as it is), measured by Prometheus itself: engine seconds
 * ({@code prometheus_engine_query_duration_seconds_sum}, slices inner_eval + prepare_time +
 * result_sort) read from its {@code /metrics} around each side, with queries, wire bytes and wall
 * time. Live rounds at now, spaced by the refresh interval, the two sides alternately first; round
 * 1 is each side's first cycle, the others steady (medians and spread). Every round the app's
 * per-check states are compared with the original's judgement (a {@code --plain} planner at the
 * same moment: every sample, {@code for:} kept in process), the differences listed.
 *
 * <p>{@code scripts/bench planner-cost CONFIG_DIR PROMETHEUS_URL [INTERVAL_S] [ROUNDS]} on a
 * running Prometheus (the demo's, say), or {@code scripts/bench planner-cost generate NODES MINUTES
 * [INTERVAL_S] [ROUNDS] [churn]}: a generated estate with the typical check library, the simulator
 * serving it (with {@code churn}, series vanishing and failing as {@link ScrapedEstate#churn}
 * says), a real Prometheus scraping it every 15 s for MINUTES first. {@code -Dbench.firstCycles=N}
 * adds N rounds of new planners' first cycles ({@link #firstCycles}).
 */
public final class PlannerCostBenchmark {

    // one client for Prometheus' /metrics: a new one per reading started a selector thread (and
    // its compilation) around every cycle measured
    private static final HttpClient METRICS = HttpClient.newHttpClient();

    record Side(double engineSeconds, long queries, long wireBytes, double wallMillis) {}

    record Round(Side app, Side original, int differences) {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            int nodes = Integer.parseInt(args[1]);
            int interval = args.length > 3 ? Integer.parseInt(args[3]) : 30;
            int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 6;
            boolean churn = args.length > 5 && args[5].equals("churn");
            ScrapedEstate.measure(
                    nodes,
                    Integer.parseInt(args[2]),
                    churn,
                    (config, dir, url) -> compare(config, dir, url, interval, rounds));
            return;
        }
        Path dir = Path.of(args[0]);
        compare(
                new ConfigLoader().load(dir),
                dir,
                args[1],
                args.length > 2 ? Integer.parseInt(args[2]) : 30,
                args.length > 3 ? Integer.parseInt(args[3]) : 6);
    }

    static void compare(RackscopeConfig config, Path dir, String url, int interval, int rounds)
            throws Exception {
        QueryStats appStats = new QueryStats();
        List<Round> measured = new ArrayList<>();
        List<Map<String, Double>> clientCpu = new ArrayList<>();
        try (PrometheusClient appClient =
                        new PrometheusClient(config.app().telemetry().endpoint(url), appStats);
                PrometheusClient plainClient =
                        new PrometheusClient(
                                config.app().telemetry().endpoint(url), new QueryStats())) {
            TelemetryPlanner app = planner(config, appClient, EvaluationMode.FILTERED, interval);
            TelemetryPlanner judge = planner(config, plainClient, EvaluationMode.PLAIN, interval);
            Instant next = Instant.now();
            for (int k = 0; k < rounds; k++) {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
                next = next.plusSeconds(interval);
                Instant at = Instant.now();
                Side original = null;
                if (k % 2 == 1) {
                    original = original(dir, url);
                }
                // read before the engine's and the wall's windows open: /proc is the client's work
                var cpu0 = ThreadCpu.millisByKind();
                double e0 = engine(url);
                long q0 = appStats.queryCount();
                long w0 = appStats.wireBytes();
                long t0 = System.nanoTime();
                long from = System.currentTimeMillis();
                HealthSnapshot mine = app.refreshAt(at);
                var cpu = ThreadCpu.minus(ThreadCpu.millisByKind(), cpu0);
                if (k > 0) {
                    clientCpu.add(cpu);
                }
                // where the app's cycle falls in Prometheus' query log, for a breakdown by query
                System.err.printf(
                        "app cycle %d: %d-%d ms, client CPU %s%n",
                        k + 1, from, System.currentTimeMillis(), cpu);
                Side appSide =
                        new Side(
                                engine(url) - e0,
                                appStats.queryCount() - q0,
                                appStats.wireBytes() - w0,
                                (System.nanoTime() - t0) / 1e6);
                if (original == null) {
                    original = original(dir, url);
                }
                List<String> differences =
                        OriginalSchemeTool.differences(
                                OriginalSchemeTool.states(judge.refreshAt(at), config),
                                OriginalSchemeTool.states(mine, config));
                measured.add(new Round(appSide, original, differences.size()));
                System.out.printf(
                        Locale.ROOT,
                        "round %d: app %.4f s %d queries %d B %.0f ms | original %.4f s %d queries"
                                + " %d B %.0f ms | per-check states differing (judge vs app): %d %s%n",
                        k + 1,
                        appSide.engineSeconds(),
                        appSide.queries(),
                        appSide.wireBytes(),
                        appSide.wallMillis(),
                        original.engineSeconds(),
                        original.queries(),
                        original.wireBytes(),
                        original.wallMillis(),
                        differences.size(),
                        differences.subList(0, Math.min(5, differences.size())));
                if (k == 0) {
                    warmUp(config, appClient, interval, next);
                }
            }
            report(measured);
            System.out.println(
                    "steady client CPU (this JVM, the app's cycles): median "
                            + ThreadCpu.medians(clientCpu));
            firstCycles(config, dir, url, appClient, appStats, interval, next);
        }
    }

    /**
     * After round 1 (the first cycle, on a cold JVM), {@code -Dbench.warmUp=N} (default 20) cycles
     * of a throwaway planner, over a second apart, ending half an interval before the next round is
     * due ({@code next}; none when round 1 ran later than that), not counted: the app's JVM
     * compiling less on the cores Prometheus answers with while the steady cycles are measured, as
     * it does after its first minutes (cold, its compiler threads spent 90-430 ms of CPU in each
     * 0.3 s steady cycle of the hpc-cluster example here, warmed 20-250 ms).
     */
    static void warmUp(RackscopeConfig config, PrometheusClient client, int interval, Instant next)
            throws InterruptedException {
        int n = Integer.getInteger("bench.warmUp", 20);
        long t0 = System.nanoTime();
        long end = t0 + Duration.between(Instant.now(), next).toNanos() - interval * 500_000_000L;
        var cpu0 = ThreadCpu.millisByKind();
        int done = 0;
        try (TelemetryPlanner throwaway =
                planner(config, client, EvaluationMode.FILTERED, interval)) {
            for (long due = t0; done < n && System.nanoTime() < end; done++) {
                // over a second apart: answers are shared within one
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                due = System.nanoTime() + 1_100_000_000L;
                throwaway.refreshAt(Instant.now());
            }
        }
        System.err.printf(
                Locale.ROOT,
                "warm-up: %d cycles in %.1f s, client CPU %s%n",
                done,
                (System.nanoTime() - t0) / 1e9,
                ThreadCpu.minus(ThreadCpu.millisByKind(), cpu0));
    }

    /**
     * After the live rounds, {@code -Dbench.firstCycles=N} more: each a new planner's first cycle
     * against the original's cycle, the two sides alternately first, spaced by the interval. Round
     * 1 alone is one sample taken with Prometheus' caches cold (the app always asks first there).
     */
    static void firstCycles(
            RackscopeConfig config,
            Path dir,
            String url,
            PrometheusClient client,
            QueryStats stats,
            int interval,
            Instant next)
            throws Exception {
        int n = Integer.getInteger("bench.firstCycles", 0);
        double[] app = new double[n];
        double[] original = new double[n];
        for (int k = 0; k < n; k++) {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
            next = next.plusSeconds(interval);
            if (k % 2 == 1) {
                original[k] = original(dir, url).engineSeconds();
            }
            try (TelemetryPlanner fresh =
                    planner(config, client, EvaluationMode.FILTERED, interval)) {
                double e0 = engine(url);
                long q0 = stats.queryCount();
                fresh.refreshAt(Instant.now());
                app[k] = engine(url) - e0;
                if (k % 2 == 0) {
                    original[k] = original(dir, url).engineSeconds();
                }
                System.out.printf(
                        Locale.ROOT,
                        "first cycle %d (%s first): app %.4f s %d queries | original %.4f s%n",
                        k + 1,
                        k % 2 == 0 ? "app" : "original",
                        app[k],
                        stats.queryCount() - q0,
                        original[k]);
            }
        }
        if (n > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "first cycles of new planners (%d): app median %.4f s, original median %.4f s,"
                            + " ratio of medians %.2f%n",
                    n,
                    median(app),
                    median(original),
                    median(app) / median(original));
        }
    }

    static TelemetryPlanner planner(
            RackscopeConfig config, PrometheusClient client, EvaluationMode mode, int interval) {
        TelemetryPlanner p = new TelemetryPlanner(config, client, mode, Clock.systemUTC());
        p.setCycleInterval(Duration.ofSeconds(interval));
        return p;
    }

    static Side original(Path dir, String url) throws IOException, InterruptedException {
        double e0 = engine(url);
        OriginalSchemeTool.Run run = OriginalSchemeTool.run(dir, url);
        return new Side(engine(url) - e0, run.queries(), run.wireBytes(), run.millis());
    }

    static void report(List<Round> rounds) {
        Round first = rounds.get(0);
        List<Round> steady = rounds.subList(1, rounds.size());
        System.out.printf(
                Locale.ROOT,
                "first cycle: app %.4f s, original %.4f s (%.2fx)%n",
                first.app().engineSeconds(),
                first.original().engineSeconds(),
                first.app().engineSeconds() / first.original().engineSeconds());
        // the app's first cycle always asks first, after the pause between rounds, and the first
        // queries after a pause cost Prometheus more (its caches cold): the original's cycles that
        // asked first are the like-for-like yardstick
        double[] coldOriginal = new double[rounds.size() / 2];
        for (int k = 1; k < rounds.size(); k += 2) {
            coldOriginal[k / 2] = rounds.get(k).original().engineSeconds();
        }
        if (coldOriginal.length > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "first cycle against the original asking first too (median of %d rounds): %.4f"
                            + " s (%.2fx)%n",
                    coldOriginal.length,
                    median(coldOriginal),
                    first.app().engineSeconds() / median(coldOriginal));
        }
        for (String what : List.of("engine s", "queries", "wire B", "wall ms")) {
            ToDoubleFunction<Side> f =
                    switch (what) {
                        case "engine s" -> Side::engineSeconds;
                        case "queries" -> Side::queries;
                        case "wire B" -> Side::wireBytes;
                        default -> Side::wallMillis;
                    };
            double[] a = steady.stream().mapToDouble(r -> f.applyAsDouble(r.app())).toArray();
            double[] o = steady.stream().mapToDouble(r -> f.applyAsDouble(r.original())).toArray();
            String n = what.equals("engine s") ? "%.4f" : "%.0f";
            System.out.printf(
                    Locale.ROOT,
                    ("steady %-8s app median N (N-N), original median N (N-N), ratio of medians"
                                    + " %.2f%n")
                            .replace("N", n),
                    what,
                    median(a),
                    Arrays.stream(a).min().orElse(0),
                    Arrays.stream(a).max().orElse(0),
                    median(o),
                    Arrays.stream(o).min().orElse(0),
                    Arrays.stream(o).max().orElse(0),
                    median(a) / median(o));
        }
        System.out.printf(
                "rounds whose per-check states all equal the original's judgement: %d of %d%n",
                rounds.stream().filter(r -> r.differences() == 0).count(), rounds.size());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double engine(String url) throws IOException, InterruptedException {
        String text =
                METRICS.send(
                                HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        return EngineSeconds.in(text).orElse(Double.NaN);
    }
}
