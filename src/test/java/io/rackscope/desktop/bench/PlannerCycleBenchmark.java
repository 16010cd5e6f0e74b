package io.rackscope.desktop.bench;

import com.sun.management.OperatingSystemMXBean;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.it.EstateMetrics;
import io.rackscope.desktop.it.PrometheusServer;
import io.rackscope.desktop.it.TestExporter;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.TopologyGenerator;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One full health cycle against a real Prometheus holding a healthy generated estate (a few planted
 * failures): queries, bytes, wall time and client CPU for the original scheme (PLAIN) and the app's
 * (FILTERED), and the same HTTP queries sent raw (read, not parsed) as the baseline. Run with
 * {@code scripts/bench planner-cycle}.
 */
public final class PlannerCycleBenchmark {
    public static void main(String[] args) throws Exception {
        int[] sizes =
                args.length == 0
                        ? new int[] {1_900, 14_000, 100_000}
                        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int nodes : sizes) {
            run(nodes);
        }
    }

    /**
     * Cycles per mode; the first warms the JIT up and is not counted. Override with
     * -Dbench.rounds=N.
     */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 4);

    static void run(int nodes) throws Exception {
        Path dir = Files.createTempDirectory("rackscope-cycle-" + nodes);
        new TopologyGenerator(nodes, 3).write(dir);
        RackscopeConfig config = new ConfigLoader().load(dir);
        EstateMetrics metrics = new EstateMetrics(config);
        metrics.down.add("n000007");
        try (TestExporter exporter = new TestExporter()) {
            exporter.set(metrics.text());
            try (PrometheusServer prometheus =
                    PrometheusServer.start(exporter.address(), null, 10)) {
                PrometheusServer.waitFor(
                        () -> {
                            try {
                                return prometheus
                                        .query("count(up{instance=~\"n.*\"})")
                                        .contains("\"" + nodes + "\"");
                            } catch (Exception e) {
                                return false;
                            }
                        },
                        Duration.ofSeconds(120),
                        "series scraped");
                for (EvaluationMode mode : EvaluationMode.values()) {
                    measure(config, prometheus, mode, nodes);
                }
            }
        }
    }

    static void measure(
            RackscopeConfig config, PrometheusServer prometheus, EvaluationMode mode, int nodes)
            throws Exception {
        long best = Long.MAX_VALUE;
        long cpu = 0;
        long queries = 0;
        long bytes = 0;
        HealthSnapshot s = null;
        List<String> planned = null;
        QueryStats stats = new QueryStats();
        try (PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(prometheus.url()), stats)) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(config, client, mode, Clock.systemUTC());
            planned = planner.plannedQueries();
            for (int i = 0; i < ROUNDS; i++) {
                planner.invalidateCaches();
                long q0 = stats.queryCount();
                long b0 = stats.bytes();
                long cpu0 = processCpu();
                long t0 = System.nanoTime();
                s = planner.refresh();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (i > 0 && ms < best) {
                    best = ms;
                    cpu = (processCpu() - cpu0) / 1_000_000;
                    queries = stats.queryCount() - q0;
                    bytes = stats.bytes() - b0;
                }
            }
        }
        long raw = raw(prometheus.url(), planned);
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "nodes=%d mode=%s queries=%d bytes=%d cycle_ms=%d raw_http_ms=%d client_cpu_ms=%d heap_after_mb=%.1f crit_nodes=%d errors=%d%n",
                nodes,
                mode,
                queries,
                bytes,
                best,
                raw,
                cpu,
                heap / 1048576.0,
                s.nodes().values().stream().filter(v -> v == Severity.CRIT).count(),
                s.errors().size());
    }

    /** The same queries as plain POSTs, 4 in flight, bodies read and dropped: best of three. */
    static long raw(String url, List<String> queries) throws Exception {
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(4);
        d.setMaxRequestsPerHost(4);
        OkHttpClient http =
                new OkHttpClient.Builder()
                        .dispatcher(d)
                        .readTimeout(Duration.ofSeconds(60))
                        .build();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            List<CompletableFuture<Long>> all = new ArrayList<>();
            for (String q : queries) {
                CompletableFuture<Long> f = new CompletableFuture<>();
                all.add(f);
                http.newCall(
                                new Request.Builder()
                                        .url(url + "/api/v1/query")
                                        .post(new FormBody.Builder().add("query", q).build())
                                        .build())
                        .enqueue(
                                new Callback() {
                                    @Override
                                    public void onFailure(Call call, IOException e) {
                                        f.completeExceptionally(e);
                                    }

                                    @Override
                                    public void onResponse(Call call, Response response)
                                            throws IOException {
                                        try (response) {
                                            f.complete((long) response.body().bytes().length);
                                        }
                                    }
                                });
            }
            AtomicLong bytes = new AtomicLong();
            all.forEach(f -> bytes.addAndGet(f.join()));
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        http.dispatcher().executorService().shutdown();
        return best;
    }

    static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
