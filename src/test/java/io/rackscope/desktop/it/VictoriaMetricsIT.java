package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.TopologyGenerator;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The planner against VictoriaMetrics (speaks Prometheus' query API, refuses queries over 16 KiB):
 * the same planted failures are found, filtered and plain evaluation agree, and no query of the
 * byte budget is refused.
 */
class VictoriaMetricsIT {
    static final int NODES = 2000;

    @Test
    void plannerWorksAgainstVictoriaMetrics() throws Exception {
        // optional even in CI: .ci/run installs it where the distribution has it, and says so when
        // not
        Assumptions.assumeTrue(
                PrometheusServer.binary("victoria-metrics") != null,
                "*** 'victoria-metrics' is not on PATH: the VictoriaMetrics test did NOT run ***");
        Path dir = Files.createTempDirectory("rackscope-vm-it");
        new TopologyGenerator(NODES, 2).write(dir.resolve("config"));
        RackscopeConfig config = new ConfigLoader().load(dir.resolve("config"));
        EstateMetrics metrics = new EstateMetrics(config);
        metrics.down.add("n000007");
        metrics.temperature.put("n000010", 80.0);
        metrics.silent.add("n000020");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Process vm =
                new ProcessBuilder(
                                PrometheusServer.binary("victoria-metrics").toString(),
                                "-httpListenAddr=127.0.0.1:" + port,
                                "-storageDataPath=" + dir.resolve("data"),
                                "-search.latencyOffset=0s",
                                "-search.disableCache",
                                "-search.maxQueryLen=16384",
                                "-retentionPeriod=1d")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("vm.log").toFile())
                        .start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            PrometheusServer.waitFor(
                    () -> status(http, url + "/health") == 200,
                    Duration.ofSeconds(30),
                    "VictoriaMetrics up");
            HttpResponse<String> imported =
                    http.send(
                            HttpRequest.newBuilder(URI.create(url + "/api/v1/import/prometheus"))
                                    .POST(HttpRequest.BodyPublishers.ofString(metrics.text()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(204, imported.statusCode(), imported.body());
            PrometheusServer.waitFor(
                    () ->
                            body(http, url + "/api/v1/query?query=count(up)")
                                    .contains("\"" + (NODES - 1) + "\""),
                    Duration.ofSeconds(30),
                    "imported series searchable");
            QueryStats plainStats = new QueryStats();
            QueryStats filteredStats = new QueryStats();
            long[] plainBytes = new long[2];
            long[] filteredBytes = new long[2];
            HealthSnapshot plain =
                    cycles(config, url, EvaluationMode.PLAIN, plainStats, plainBytes);
            HealthSnapshot filtered =
                    cycles(config, url, EvaluationMode.FILTERED, filteredStats, filteredBytes);
            assertTrue(filtered.errors().isEmpty(), filtered.errors().toString());
            assertEquals(Set.of("n000007"), with(filtered, Severity.CRIT));
            assertEquals(Set.of("n000010"), with(filtered, Severity.WARN));
            assertEquals(Set.of("n000020"), with(filtered, Severity.UNKNOWN));
            assertEquals(new TreeMap<>(plain.nodes()), new TreeMap<>(filtered.nodes()));
            assertEquals(new TreeMap<>(plain.racks()), new TreeMap<>(filtered.racks()));
            assertEquals(0, filteredStats.failedQueries());
            System.out.printf(
                    "VictoriaMetrics bytes per steady cycle: plain %d, filtered %d%n",
                    plainBytes[1], filteredBytes[1]);
            // one worst sample per entity against every sample with its labels
            assertTrue(filteredBytes[1] * 4 <= plainBytes[1] * 3);
        } finally {
            vm.destroy();
            vm.waitFor();
        }
    }

    /** Two cycles of one planner, the states of the second; {@code bytes[i]} per cycle. */
    private static HealthSnapshot cycles(
            RackscopeConfig config,
            String url,
            EvaluationMode mode,
            QueryStats stats,
            long[] bytes) {
        try (PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(url), stats)) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(config, client, mode, Clock.systemUTC());
            HealthSnapshot s = null;
            for (int i = 0; i < bytes.length; i++) {
                long before = stats.bytes();
                planner.invalidateCaches();
                s = planner.refresh();
                bytes[i] = stats.bytes() - before;
            }
            return s;
        }
    }

    private static Set<String> with(HealthSnapshot s, Severity sev) {
        return s.nodes().entrySet().stream()
                .filter(e -> e.getValue() == sev)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String body(HttpClient http, String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }
}
