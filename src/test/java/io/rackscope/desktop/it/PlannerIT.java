package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.TopologyGenerator;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.MetricsService;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planner against a real Prometheus scraping a generated 2,000-node estate with planted
 * failures.
 */
class PlannerIT {
    static final int NODES = 2000;
    static Path dir;
    static RackscopeConfig config;
    static TestExporter exporter;
    static PrometheusServer prometheus;
    static EstateMetrics metrics;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-planner-it");
        new TopologyGenerator(NODES, 2).write(dir);
        config = new ConfigLoader().load(dir);
        metrics = new EstateMetrics(config);
        metrics.down.add("n000007");
        metrics.temperature.put("n000010", 80.0);
        metrics.silent.add("n000020");
        metrics.psuFailed.add("site01-room01-aisle01-r02-c3");
        metrics.rackPower.put("site01-room01-aisle01-r03", 30000.0);
        exporter = new TestExporter();
        exporter.set(metrics.text());
        prometheus = PrometheusServer.start(exporter.address(), null);
        PrometheusServer.waitFor(
                () -> {
                    try {
                        return prometheus
                                .query("count(up{instance=~\"n.*\"})")
                                .contains("\"" + (NODES - 1) + "\"");
                    } catch (Exception e) {
                        return false;
                    }
                },
                Duration.ofSeconds(30),
                "the estate's series scraped");
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

    static HealthSnapshot cycle(EvaluationMode mode, QueryStats stats) {
        return cycles(mode, stats, 1, new long[1]).get(0);
    }

    /** {@code n} cycles of one planner; {@code bytes[i]} is what cycle i received. */
    static List<HealthSnapshot> cycles(EvaluationMode mode, QueryStats stats, int n, long[] bytes) {
        try (PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(prometheus.url()), stats)) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(config, client, mode, Clock.systemUTC());
            List<HealthSnapshot> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long before = stats.bytes();
                planner.invalidateCaches();
                out.add(planner.refresh());
                bytes[i] = stats.bytes() - before;
            }
            return out;
        }
    }

    static Set<String> with(Map<String, Severity> states, Severity s) {
        return states.entrySet().stream()
                .filter(e -> e.getValue() == s)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void plantedFailuresAreFoundAndNothingElse() {
        HealthSnapshot s = cycle(EvaluationMode.FILTERED, new QueryStats());
        assertEquals(Set.of("n000007"), with(s.nodes(), Severity.CRIT));
        assertEquals(Set.of("n000010"), with(s.nodes(), Severity.WARN));
        assertEquals(Set.of("n000020"), with(s.nodes(), Severity.UNKNOWN));
        assertEquals(NODES - 3, with(s.nodes(), Severity.OK).size());
        assertEquals(
                Set.of("site01-room01-aisle01-r01-c2", "site01-room01-aisle01-r02-c3"),
                with(s.devices(), Severity.CRIT));
        assertEquals(
                Set.of(
                        "site01-room01-aisle01-r01",
                        "site01-room01-aisle01-r02",
                        "site01-room01-aisle01-r03"),
                with(s.racks(), Severity.CRIT));
        assertEquals(Severity.CRIT, s.sites().get("site01"));
        assertEquals(Severity.OK, s.sites().get("site02"));
        // the four planted failures, and the silent node as a "no data" alert
        assertEquals(5, s.alerts().size(), s.alerts().toString());
        assertEquals(
                List.of("n000020"),
                s.alerts().stream()
                        .filter(io.rackscope.desktop.health.Alert::noData)
                        .map(io.rackscope.desktop.health.Alert::entity)
                        .toList());
        assertEquals(
                "site01 / room01 / aisle01 / site01-room01-aisle01-r01 / site01-room01-aisle01-r01-c2 / n000007",
                s.alerts().stream()
                        .filter(a -> a.entity().equals("n000007"))
                        .findFirst()
                        .orElseThrow()
                        .path());
        assertTrue(s.errors().isEmpty(), s.errors().toString());
    }

    @Test
    void filteredEvaluationMatchesPlainOnEveryCycleWithFewerBytesOnceSteady() {
        QueryStats plainStats = new QueryStats();
        QueryStats filteredStats = new QueryStats();
        long[] plainBytes = new long[3];
        long[] filteredBytes = new long[3];
        List<HealthSnapshot> plain = cycles(EvaluationMode.PLAIN, plainStats, 3, plainBytes);
        List<HealthSnapshot> filtered =
                cycles(EvaluationMode.FILTERED, filteredStats, 3, filteredBytes);
        for (int i = 0; i < 3; i++) {
            HealthSnapshot p = plain.get(i);
            HealthSnapshot f = filtered.get(i);
            assertEquals(new TreeMap<>(p.nodes()), new TreeMap<>(f.nodes()), "cycle " + i);
            assertEquals(new TreeMap<>(p.devices()), new TreeMap<>(f.devices()), "cycle " + i);
            assertEquals(new TreeMap<>(p.racks()), new TreeMap<>(f.racks()), "cycle " + i);
            assertEquals(
                    p.alerts().stream().map(a -> a.check() + a.entity() + a.severity()).toList(),
                    f.alerts().stream().map(a -> a.check() + a.entity() + a.severity()).toList(),
                    "cycle " + i);
        }
        System.out.printf(
                "bytes per cycle: plain %s, filtered %s%n",
                Arrays.toString(plainBytes), Arrays.toString(filteredBytes));
        // every check without for: is read each cycle as one worst sample per entity (its states
        // and presence in one evaluation: a vanished series is seen at once); the original's scheme
        // sends every sample with all its labels
        assertTrue(
                filteredBytes[2] * 4 <= plainBytes[2] * 3,
                "steady cycle: filtered " + filteredBytes[2] + " bytes vs plain " + plainBytes[2]);
    }

    @Test
    void queriesPerCycleFollowTheBatchingRulesAndACacheHitSendsNone() {
        QueryStats stats = new QueryStats();
        try (PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(prometheus.url()), stats)) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(
                            config, client, EvaluationMode.FILTERED, Clock.systemUTC());
            for (String q : planner.plannedQueries()) {
                assertTrue(
                        q.length() <= config.app().planner().maxQueryBytes(),
                        "query of " + q.length() + " bytes");
            }
            // 2,000 node ids written literally would fill the 8 KiB budget twice: two batches per
            // node check; each of these checks keeps its entities' series apart and is read whole
            List<String> up =
                    planner.plannedQueries().stream().filter(q -> q.startsWith("up{")).toList();
            assertEquals(List.of("up{}"), up);
            assertTrue(
                    planner.plannedQueries().stream().noneMatch(q -> q.contains("instance=~")),
                    planner.plannedQueries().toString());
            planner.snapshot();
            assertEquals(
                    planner.plannedQueries().size() + 4,
                    stats.queryCount(),
                    "the planned queries, two for the trend of n000010 (80 °C, near its"
                            + " threshold: forecasts): its value and its window's points, the"
                            + " scrape figures the next cycle compares with and the last scrape"
                            + " of the target serving every node that this cycle sees");
            long before = stats.queryCount();
            planner.snapshot();
            assertEquals(before, stats.queryCount(), "a cached snapshot sends no query");
            assertEquals(1, stats.cacheHits());
        }
    }

    @Test
    void cacheHitRatioOverTenMinutesOfUiRefreshes() {
        QueryStats stats = new QueryStats();
        MutableClock clock = new MutableClock();
        try (PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(prometheus.url()), stats)) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(config, client, EvaluationMode.FILTERED, clock);
            for (int second = 0; second < 600; second++) {
                planner.snapshot();
                clock.advance(Duration.ofSeconds(1));
            }
            assertEquals(10, stats.cacheMisses(), "one cycle per planner TTL (60 s)");
            assertTrue(stats.cacheHitRatio() > 0.95, "hit ratio " + stats.cacheHitRatio());
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void chartDataForANodeAndARackComesFromRangeQueriesAndIsCached() throws Exception {
        QueryStats stats = new QueryStats();
        try (PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(prometheus.url()), stats)) {
            MetricsService metricsService = new MetricsService(client, config.app());
            // this Prometheus has seconds of data: align past now so the last step is after the
            // first scrape
            Instant now = Instant.now().plusSeconds(15);
            ChartData node =
                    metricsService
                            .range(
                                    config.metric("node_temperature").orElseThrow(),
                                    "n000010",
                                    Duration.ofMinutes(10),
                                    600,
                                    now)
                            .join();
            assertEquals(Duration.ofSeconds(15), node.step());
            assertEquals(0, node.start().getEpochSecond() % 15);
            assertEquals(80.0, lastValue(node.values()));
            assertEquals(85.0, node.crit());
            ChartData rack =
                    metricsService
                            .range(
                                    config.metric("rack_power").orElseThrow(),
                                    "site01-room01-aisle01-r03",
                                    Duration.ofMinutes(10),
                                    600,
                                    now)
                            .join();
            assertEquals(30000.0, lastValue(rack.values()));
            long queries = stats.queryCount();
            metricsService
                    .range(
                            config.metric("node_temperature").orElseThrow(),
                            "n000010",
                            Duration.ofMinutes(10),
                            600,
                            now)
                    .join();
            assertEquals(queries, stats.queryCount(), "a cached chart sends no query");
        }
    }

    static double lastValue(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    @Test
    void statesGoStaleWhenPrometheusStopsAndRecoverWhenItReturns() throws Exception {
        try (PrometheusClient client =
                new PrometheusClient(
                        config.app().telemetry().endpoint(prometheus.url()), new QueryStats())) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(
                            config, client, EvaluationMode.FILTERED, Clock.systemUTC());
            HealthSnapshot live = planner.refresh();
            assertTrue(live.staleEntities().isEmpty());
            prometheus.stop();
            try {
                planner.invalidateCaches();
                HealthSnapshot down = planner.refresh();
                assertEquals(live.nodes(), down.nodes(), "last known states are kept");
                assertEquals(Severity.CRIT, down.node("n000007"));
                assertTrue(down.isStale("n000001") && down.isStale("site01-room01-aisle01-r03"));
                assertTrue(down.alerts().stream().allMatch(a -> a.stale()));
                assertFalse(down.errors().isEmpty());
                assertEquals(CycleError.Kind.UNREACHABLE, down.errors().get(0).kind());
                assertTrue(
                        down.errors()
                                .get(0)
                                .message()
                                .contains("cannot connect to Prometheus at " + prometheus.url()),
                        down.errors().get(0).toString());
            } finally {
                prometheus.restart();
            }
            PrometheusServer.waitFor(
                    () -> {
                        planner.invalidateCaches();
                        HealthSnapshot s = planner.refresh();
                        return s.errors().isEmpty()
                                && s.staleEntities().isEmpty()
                                && s.node("n000007") == Severity.CRIT;
                    },
                    Duration.ofSeconds(30),
                    "recovery after Prometheus returns");
        }
    }

    @Test
    void anAnswerOverTheSeriesBoundFailsItsBatchAndNothingElse() {
        try (PrometheusClient client =
                new PrometheusClient(
                        config.app().telemetry().endpoint(prometheus.url()),
                        new QueryStats(),
                        500,
                        Long.MAX_VALUE)) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(
                            config, client, EvaluationMode.FILTERED, Clock.systemUTC());
            HealthSnapshot s = planner.refresh();
            List<CycleError> tooLarge =
                    s.errors().stream().filter(e -> e.kind() == CycleError.Kind.TOO_LARGE).toList();
            assertFalse(tooLarge.isEmpty(), s.errors().toString());
            assertTrue(
                    tooLarge.get(0).message().contains("more than 500 series")
                            && tooLarge.get(0).message().contains("narrow its expr"),
                    tooLarge.get(0).message());
            assertTrue(
                    s.errors().stream().allMatch(e -> e.kind() == CycleError.Kind.TOO_LARGE),
                    "only the oversized batches fail: " + s.errors());
            assertFalse(s.isStale("n000001"), "nothing was known, so nothing is last known");
            assertEquals(Severity.UNKNOWN, s.node("n000001"), "unevaluated is not OK");
            assertTrue(s.unevaluated().containsKey("n000001"), "and marked so");
            assertFalse(s.isStale("site01-room01-aisle01-r03"), "rack checks still ran");
            assertEquals(Severity.CRIT, s.rack("site01-room01-aisle01-r03"));
        }
    }
}
