package io.rackscope.desktop.bench;

import com.sun.management.OperatingSystemMXBean;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.EngineSeconds;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What a planner cycle costs Prometheus, measured by Prometheus itself: the engine seconds ({@code
 * prometheus_engine_query_duration_seconds_sum}, slices inner_eval + prepare_time + result_sort)
 * read from its {@code /metrics} before and after each cycle, with queries, wire and decoded bytes,
 * wall time and client CPU; for the original's scheme (PLAIN) and the app's (FILTERED), in one run,
 * on the same Prometheus and the same data. The cycles replay the last {@code cycles × interval}
 * seconds of what Prometheus holds, one cycle per interval, so a run takes seconds rather than the
 * hour it covers; the app's states are compared with the full rule (REFERENCE) on every cycle.
 *
 * <p>{@code scripts/bench planner-cost CONFIG_DIR PROMETHEUS_URL [INTERVAL_S] [CYCLES]} on a
 * running Prometheus (the demo's, say), or {@code scripts/bench planner-cost generate NODES MINUTES
 * [INTERVAL_S]}: a generated estate with the typical check library, the simulator serving it, a
 * real Prometheus scraping it every 15 s for MINUTES, then the cycles replayed over the last
 * MINUTES − 1 minutes.
 */
public final class PlannerCostBenchmark {

    record Cycle(
            double engineSeconds,
            long queries,
            long wireBytes,
            long bytes,
            long wallMillis,
            long cpuMillis) {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            generated(
                    Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 60);
            return;
        }
        int interval = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        compare(
                new ConfigLoader().load(Path.of(args[0])),
                args[1],
                interval,
                args.length > 3 ? Integer.parseInt(args[3]) : 20);
    }

    static void generated(int nodes, int minutes, int interval) throws Exception {
        ScrapedEstate.measure(
                nodes,
                minutes,
                (config, url) -> compare(config, url, interval, (minutes - 1) * 60 / interval));
    }

    static void compare(RackscopeConfig config, String url, int interval, int cycles)
            throws Exception {
        Instant end = Instant.now().minusSeconds(30);
        List<HealthSnapshot> reference = new ArrayList<>();
        run(config, url, EvaluationMode.REFERENCE, interval, cycles, end, reference);
        for (EvaluationMode mode : List.of(EvaluationMode.PLAIN, EvaluationMode.FILTERED)) {
            List<HealthSnapshot> states = new ArrayList<>();
            List<Cycle> measured = run(config, url, mode, interval, cycles, end, states);
            int same = 0;
            for (int i = 0; i < cycles; i++) {
                if (new TreeMap<>(states.get(i).nodes())
                                .equals(new TreeMap<>(reference.get(i).nodes()))
                        && new TreeMap<>(states.get(i).racks())
                                .equals(new TreeMap<>(reference.get(i).racks()))) {
                    same++;
                }
            }
            List<Cycle> firsts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Instant at = end.minusSeconds((long) i * interval * cycles / 5);
                firsts.addAll(run(config, url, mode, interval, 1, at, new ArrayList<>()));
            }
            report(mode, measured, firsts, same, cycles);
        }
    }

    static List<Cycle> run(
            RackscopeConfig config,
            String url,
            EvaluationMode mode,
            int interval,
            int cycles,
            Instant end,
            List<HealthSnapshot> states)
            throws Exception {
        QueryStats stats = new QueryStats();
        List<Cycle> out = new ArrayList<>();
        try (PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(url), stats)) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(config, client, mode, Clock.systemUTC());
            planner.setCycleInterval(Duration.ofSeconds(interval));
            for (int i = 0; i < cycles; i++) {
                Instant at = end.minusSeconds((long) (cycles - 1 - i) * interval);
                double e0 = engine(url);
                long q0 = stats.queryCount();
                long w0 = stats.wireBytes();
                long b0 = stats.bytes();
                long cpu0 = processCpu();
                long t0 = System.nanoTime();
                HealthSnapshot s = planner.refreshAt(at);
                long wall = (System.nanoTime() - t0) / 1_000_000;
                long cpu = (processCpu() - cpu0) / 1_000_000;
                double e1 = engine(url);
                states.add(s);
                out.add(
                        new Cycle(
                                e1 - e0,
                                stats.queryCount() - q0,
                                stats.wireBytes() - w0,
                                stats.bytes() - b0,
                                wall,
                                cpu));
            }
        }
        return out;
    }

    static void report(
            EvaluationMode mode, List<Cycle> cycles, List<Cycle> firsts, int same, int total) {
        Cycle first = cycles.get(0);
        List<Cycle> steady = cycles.subList(Math.min(2, cycles.size() - 1), cycles.size());
        System.out.printf(
                Locale.ROOT,
                "%-8s first: engine %.4f s, %d queries, wire %d B, decoded %d B, %d ms, cpu %d ms%n",
                mode,
                first.engineSeconds(),
                first.queries(),
                first.wireBytes(),
                first.bytes(),
                first.wallMillis(),
                first.cpuMillis());
        System.out.printf(
                Locale.ROOT,
                "%-8s first cycle of 5 fresh planners: engine %.4f s mean, %.4f s median%n",
                mode,
                firsts.stream().mapToDouble(Cycle::engineSeconds).average().orElse(0),
                firsts.stream()
                        .mapToDouble(Cycle::engineSeconds)
                        .sorted()
                        .toArray()[firsts.size() / 2]);
        System.out.printf(
                Locale.ROOT,
                "%-8s steady (mean of %d): engine %.4f s, %.1f queries, wire %.0f B, decoded %.0f"
                        + " B, %.0f ms, cpu %.0f ms; states equal to the full rule on %d of %d"
                        + " cycles%n",
                mode,
                steady.size(),
                steady.stream().mapToDouble(Cycle::engineSeconds).average().orElse(0),
                steady.stream().mapToLong(Cycle::queries).average().orElse(0),
                steady.stream().mapToLong(Cycle::wireBytes).average().orElse(0),
                steady.stream().mapToLong(Cycle::bytes).average().orElse(0),
                steady.stream().mapToLong(Cycle::wallMillis).average().orElse(0),
                steady.stream().mapToLong(Cycle::cpuMillis).average().orElse(0),
                same,
                total);
    }

    static double engine(String url) throws IOException, InterruptedException {
        String text =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        return EngineSeconds.in(text).orElse(Double.NaN);
    }

    static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
