package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forecasts on a real Prometheus with planted temperatures (backfilled, every 15 s, with noise),
 * read at a moment T: n01 rises steadily towards WARN, n03 is WARN and rises towards CRIT, n02 is
 * as near but flat and noisy, n04 rose and turned back down, n05 is cool and n06 rises far below.
 * The true crossing is where the planted series (noise included) first passes the threshold after
 * T.
 */
class ForecastIT {
    static final long STEP = 15;
    static Path dir;
    static TestExporter exporter;
    static PrometheusServer prometheus;
    static long at;
    static final Map<String, DoubleUnaryOperator> PLANTED = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-forecast-it");
        long now = System.currentTimeMillis() / 1000 / STEP * STEP;
        at = now - 3600;
        // seconds after the moment read
        PLANTED.put("n01", s -> 76 + 0.01 * s);
        PLANTED.put("n02", s -> 76);
        PLANTED.put("n03", s -> 85 + 0.005 * s);
        PLANTED.put("n04", s -> s < -600 ? 79 + 0.01 * (s + 600) : 79 - 0.005 * (s + 600));
        PLANTED.put("n05", s -> 50);
        PLANTED.put("n06", s -> 40 + 0.01 * s);
        Random noise = new Random(7);
        StringBuilder history = new StringBuilder("# TYPE temp_celsius gauge\n");
        for (Map.Entry<String, DoubleUnaryOperator> e : PLANTED.entrySet()) {
            double spread = e.getKey().equals("n02") ? 1.5 : 0.2;
            for (long t = at - 7200; t <= now - 60; t += STEP) {
                history.append("temp_celsius{instance=\"")
                        .append(e.getKey())
                        .append("\",job=\"exporter\"} ")
                        .append(
                                String.format(
                                        Locale.ROOT,
                                        "%.3f",
                                        e.getValue().applyAsDouble(t - at)
                                                + noise.nextGaussian() * spread))
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
        }
        history.append("# EOF\n");
        exporter = new TestExporter();
        exporter.set("rackscope_it_up 1\n");
        prometheus = PrometheusServer.start(exporter.address(), history.toString(), 1, "2m");
        prometheus.awaitSample("rackscope_it_up == 1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    static RackscopeConfig config(String forecast) {
        return ConfigFixture.sixNodes(
                dir,
                "telemetry: {scrape_interval_seconds: " + STEP + "}\nplanner:\n" + forecast,
                """
                checks:
                  - id: node_up
                    expr: rackscope_it_up
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: temp
                    expr: temp_celsius{instance=~"$instances"}
                    rules:
                      - {op: ">", value: 80, severity: WARN}
                      - {op: ">", value: 90, severity: CRIT}
                  - id: mem
                    expr: rackscope_it_up
                    rules: [{op: ">", value: 90, severity: WARN}]
                """);
    }

    static HealthSnapshot cycle(RackscopeConfig cfg, QueryStats stats) throws Exception {
        try (PrometheusClient client =
                new PrometheusClient(cfg.app().telemetry().endpoint(prometheus.url()), stats)) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(cfg, client, EvaluationMode.FILTERED, Clock.systemUTC());
            try {
                return planner.refreshAt(Instant.ofEpochSecond(at));
            } finally {
                planner.close();
            }
        }
    }

    static double engineSeconds() throws Exception {
        String body =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(prometheus.url() + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        double sum = 0;
        Matcher m =
                Pattern.compile(
                                "(?m)^prometheus_engine_query_duration_seconds_sum\\{[^}]*\\} (\\S+)$")
                        .matcher(body);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    void aSteadyRiseIsForecastWithinAFifthOfTheTrueCrossingAndNoiseIsNot() throws Exception {
        HealthSnapshot s = cycle(config(""), new QueryStats());
        assertTrue(s.errors().isEmpty(), s.errors().toString());
        Map<String, Forecast> byNode = new TreeMap<>();
        s.forecasts().forEach(f -> byNode.put(f.entity(), f));
        assertEquals(
                java.util.Set.of("n01", "n03"),
                byNode.keySet(),
                "only the steady rises near a threshold: " + s.forecasts());
        Forecast n01 = byNode.get("n01");
        assertEquals(Severity.WARN, n01.severity());
        assertEquals(80, n01.threshold());
        long truth01 = crossing("n01", 80);
        assertTrue(
                Math.abs(n01.etaSeconds() - truth01) <= 0.2 * truth01,
                "n01: forecast " + n01.etaSeconds() + " s, crossed after " + truth01 + " s");
        assertEquals(0.01, n01.ratePerSecond(), 0.002);
        Forecast n03 = byNode.get("n03");
        assertEquals(Severity.CRIT, n03.severity());
        long truth03 = crossing("n03", 90);
        assertTrue(
                Math.abs(n03.etaSeconds() - truth03) <= 0.2 * truth03,
                "n03: forecast " + n03.etaSeconds() + " s, crossed after " + truth03 + " s");
        assertEquals("rk", n03.rack(), "placed on its rack");
        assertEquals(Severity.WARN, s.node("n03"), "a forecast changes no state");
        assertEquals(Severity.OK, s.node("n01"));
    }

    /** The first moment after the one read when the planted series is above {@code threshold}. */
    static long crossing(String node, double threshold) throws Exception {
        String q =
                "min_over_time((timestamp(temp_celsius{instance=\""
                        + node
                        + "\"} > "
                        + threshold
                        + "))[3h:15s])";
        JsonNode r = ask(q, at + 7200);
        long first = (long) r.at("/data/result/0/value/1").asDouble();
        assertTrue(first > at, node + " crossed " + threshold + " only after the moment read");
        return first - at;
    }

    static JsonNode ask(String q, long time) throws Exception {
        String url =
                prometheus.url()
                        + "/api/v1/query?time="
                        + time
                        + "&query="
                        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        return new ObjectMapper()
                .readTree(
                        HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(URI.create(url)).build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body());
    }

    /**
     * The trend reckoned here from the window's points, read once, is what Prometheus' own {@code
     * deriv}, {@code predict_linear(…, 0)}, {@code stddev_over_time} and {@code count_over_time}
     * say over the same window, for every planted series, whole window and its last third.
     */
    @Test
    void theLineThroughTheWindowsPointsIsPrometheusOwn() throws Exception {
        for (String node : PLANTED.keySet()) {
            for (int seconds : new int[] {900, 300}) {
                String sel = "temp_celsius{instance=\"" + node + "\"}[" + seconds + "s]";
                JsonNode points = ask(sel, at).at("/data/result/0/values");
                double[] ts = new double[points.size()];
                double[] vs = new double[points.size()];
                for (int i = 0; i < ts.length; i++) {
                    ts[i] = points.get(i).get(0).asDouble();
                    vs[i] = points.get(i).get(1).asDouble();
                }
                io.rackscope.desktop.checks.Trends.Line line =
                        io.rackscope.desktop.checks.Trends.Line.through(ts, vs, 0, at);
                String what = node + " over " + seconds + " s";
                assertEquals(number("count_over_time(" + sel + ")"), line.points(), what);
                assertEquals(number("deriv(" + sel + ")"), line.slope(), 1e-9, what);
                assertEquals(number("predict_linear(" + sel + ", 0)"), line.level(), 1e-6, what);
                assertEquals(number("stddev_over_time(" + sel + ")"), line.stddev(), 1e-9, what);
            }
        }
    }

    static double number(String q) throws Exception {
        return ask(q, at).at("/data/result/0/value/1").asDouble();
    }

    @Test
    void theTrendIsAskedOnlyOfEntitiesNearAThresholdInOneQueryAndItsCostIsReported()
            throws Exception {
        QueryStats off = new QueryStats();
        double e0 = engineSeconds();
        HealthSnapshot without = cycle(config("  forecast: {enabled: false}\n"), off);
        double e1 = engineSeconds();
        QueryStats on = new QueryStats();
        HealthSnapshot with = cycle(config(""), on);
        double e2 = engineSeconds();
        assertTrue(without.forecasts().isEmpty());
        assertEquals(2, with.forecasts().size());
        assertEquals(
                off.queryCount() + 2,
                on.queryCount(),
                "the four near nodes' (n01-n04) values and window, none for n05 and n06");
        System.out.printf(
                Locale.ROOT,
                "ForecastIT cost: cycle without forecasts %.4f engine s (%d queries), with %.4f (%d)%n",
                e1 - e0,
                off.queryCount(),
                e2 - e1,
                on.queryCount());
    }

    @Test
    void snapshotJsonAtAMomentSaysWhatWasForecastThen() throws Exception {
        config("");
        CliRun r =
                CliRun.of(
                        "snapshot",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--json",
                        "--at",
                        Instant.ofEpochSecond(at).toString());
        assertEquals(0, r.code(), r.err());
        JsonNode forecasts = new ObjectMapper().readTree(r.out()).get("forecasts");
        assertEquals(2, forecasts.size(), r.out());
        JsonNode first = forecasts.get(0);
        assertEquals("n01", first.get("entity").asText(), "soonest first");
        assertEquals("temp", first.get("check").asText());
        assertEquals("WARN", first.get("severity").asText());
        assertTrue(first.get("eta_seconds").asLong() > 0);
        assertEquals(76, first.get("value").asDouble(), 1.0);
        assertEquals(0.01, first.get("rate_per_second").asDouble(), 0.002);
        assertEquals("CRIT", forecasts.get(1).get("severity").asText());
    }
}
