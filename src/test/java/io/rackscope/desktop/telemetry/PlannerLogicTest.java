package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.ConnectionStatus;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.PrometheusException;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.QueryStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's logic from hand-built answers, no Prometheus at all: query building, answer
 * reading, the app's scheme against the original's, stale carry-over, presence.
 */
class PlannerLogicTest {
    static final long T0 = 1_800_000_000L / 15 * 15;
    @TempDir static Path dir;
    static RackscopeConfig config;

    @BeforeAll
    static void load() {
        config = load(dir, "telemetry: {scrape_interval_seconds: 15}\n");
    }

    static RackscopeConfig load(Path dir, String app) {
        ConfigFixture.write(dir.resolve("app.yaml"), app);
        ConfigFixture.write(
                dir.resolve("topology.yaml"),
                """
                sites:
                  - id: s
                    rooms:
                      - id: r
                        aisles:
                          - id: a
                            racks:
                              - id: rk
                                devices:
                                  - {id: c1, template_id: srv, u_position: 1, instance: n01}
                                  - {id: c2, template_id: srv, u_position: 2, instance: n02}
                                  - {id: c3, template_id: srv, u_position: 3, instance: n03}
                                  - {id: c4, template_id: srv, u_position: 4, instance: n04}
                """);
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: [node_up, temp]}\n");
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    output: bool
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: temp
                    expr: temp{instance=~"$instances"}
                    for: 2m
                    rules:
                      - {op: ">", value: 75, severity: WARN}
                      - {op: ">", value: 90, severity: CRIT}
                """);
        RackscopeConfig loaded = new ConfigLoader(Map.of()).load(dir);
        assertEquals(List.of(), loaded.diagnostics().errors());
        return loaded;
    }

    /** n01 down from T0+60; n02 hot from T0+30; n03 sends no temperature; n04 healthy. */
    static HandBuiltPrometheus estate() {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (String n : List.of("n01", "n02", "n03", "n04")) {
            p.series("up", Map.of("instance", n), t -> n.equals("n01") && t >= T0 + 60 ? 0 : 1);
        }
        p.series("temp", Map.of("instance", "n01"), t -> 40);
        p.series("temp", Map.of("instance", "n02"), t -> t >= T0 + 30 ? 80 : 40);
        p.series("temp", Map.of("instance", "n04"), t -> 40);
        return p;
    }

    static List<HealthSnapshot> run(
            HandBuiltPrometheus p, EvaluationMode mode, long every, int cycles) {
        try (TelemetryPlanner planner = new TelemetryPlanner(config, p, mode, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(every));
            List<HealthSnapshot> out = new ArrayList<>();
            for (int i = 0; i < cycles; i++) {
                out.add(planner.refreshAt(Instant.ofEpochSecond(T0 + i * every)));
            }
            return out;
        }
    }

    @Test
    void queriesAreWrittenCompactlyInTheFormTheyNeed() {
        try (TelemetryPlanner planner =
                new TelemetryPlanner(
                        config, estate(), EvaluationMode.FILTERED, Clock.systemUTC())) {
            assertEquals(
                    List.of(
                            "temp{instance=~\"n01|n02|n03|n04\"}",
                            "up{instance=~\"n01|n02|n03|n04\"}"),
                    planner.plannedQueries().stream().sorted().toList(),
                    "literal alternatives: Prometheus answers them by set lookups");
        }
        RackscopeConfig ranges =
                load(
                        dir.resolve("ranges"),
                        "telemetry: {scrape_interval_seconds: 15}\nplanner: {id_matcher: ranges}\n");
        try (TelemetryPlanner planner =
                new TelemetryPlanner(
                        ranges, estate(), EvaluationMode.FILTERED, Clock.systemUTC())) {
            assertEquals(
                    List.of("temp{instance=~\"n0[1-4]\"}", "up{instance=~\"n0[1-4]\"}"),
                    planner.plannedQueries().stream().sorted().toList());
        }
        var temp = config.check("temp").orElseThrow();
        var up = config.check("node_up").orElseThrow();
        assertEquals("(e) > 75", CheckQueries.failing("e", temp).orElseThrow());
        assertEquals("max by (instance) (e)", CheckQueries.values("e", temp, "instance"));
        assertEquals("min by (instance) (e)", CheckQueries.values("e", up, "instance"));
        assertEquals("count by (instance) (e)", CheckQueries.presence("e", "instance"));
    }

    @Test
    void aCycleBegunAheadIsTakenByTheFirstToAskEvenWhenItFinishedMeanwhile() throws Exception {
        HandBuiltPrometheus p = estate();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.refreshAhead();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (planner.cycling() || planner.latest().version() == 0) {
                assertTrue(System.nanoTime() < deadline, "the cycle begun ahead finished");
                Thread.sleep(10);
            }
            int asked = p.asked.size();
            assertTrue(asked > 0);
            HealthSnapshot first = planner.refresh();
            assertEquals(1, first.version(), "the cycle begun ahead, not another");
            assertEquals(asked, p.asked.size(), "nothing asked again");
            assertEquals(2, planner.refresh().version(), "then cycles as ever");
            assertTrue(p.asked.size() > asked);
        }
    }

    @Test
    void literalBatchesAreFilledUpToTheByteBudget() {
        RackscopeConfig tight =
                load(
                        dir.resolve("tight"),
                        "telemetry: {scrape_interval_seconds: 15}\nplanner: {max_query_bytes: 28}\n");
        try (TelemetryPlanner planner =
                new TelemetryPlanner(tight, estate(), EvaluationMode.FILTERED, Clock.systemUTC())) {
            assertEquals(
                    List.of("temp{}", "up{}"),
                    planner.plannedQueries().stream().sorted().toList(),
                    "checks of several batches whose entities' series stay apart: read whole");
        }
        // too few series allowed in one answer for a whole read: batch by batch
        RackscopeConfig narrow =
                load(
                        dir.resolve("narrow"),
                        "telemetry: {scrape_interval_seconds: 15}\n"
                                + "planner: {max_query_bytes: 28, max_series_per_query: 100}\n");
        try (TelemetryPlanner planner =
                new TelemetryPlanner(
                        narrow, estate(), EvaluationMode.FILTERED, Clock.systemUTC())) {
            List<String> planned = planner.plannedQueries().stream().sorted().toList();
            assertEquals(
                    List.of(
                            "temp{instance=~\"n01|n02\"}",
                            "temp{instance=~\"n03|n04\"}",
                            "up{instance=~\"n01|n02|n03\"}",
                            "up{instance=~\"n04\"}"),
                    planned);
            planned.forEach(q -> assertTrue(q.length() <= 28, q));
        }
    }

    @Test
    void theAppsSchemeMatchesTheOriginalsWhenBothCycleAtTheResolution() {
        List<HealthSnapshot> app = run(estate(), EvaluationMode.FILTERED, 15, 24);
        List<HealthSnapshot> original = run(estate(), EvaluationMode.PLAIN, 15, 24);
        for (int i = 0; i < app.size(); i++) {
            assertEquals(
                    new TreeMap<>(original.get(i).nodes()),
                    new TreeMap<>(app.get(i).nodes()),
                    "cycle " + i);
        }
        // n02 hot from T0+30 is WARN once 2 minutes have held: from T0+150
        assertEquals(Severity.OK, app.get(9).node("n02"));
        assertEquals(Severity.WARN, app.get(10).node("n02"));
        assertEquals(Severity.CRIT, app.get(4).node("n01"));
        assertEquals(Severity.OK, app.get(23).node("n03"), "up answers for n03: it has data");
    }

    @Test
    void aForCheckIsAskedForNewFailuresOncePerFor() {
        HandBuiltPrometheus p = estate();
        run(p, EvaluationMode.FILTERED, 60, 10);
        List<String> temp =
                p.asked.stream()
                        .filter(q -> !q.startsWith("range") && q.contains("temp{"))
                        // n02's forecast: its value and its window's points
                        .filter(q -> !q.contains(TrendFollower.PART_LABEL) && !q.endsWith("s]"))
                        .toList();
        // the first cycle, then every other one (for: 2m, cycles every 60 s)
        assertEquals(
                5,
                temp.stream().filter(q -> !HandBuiltPrometheus.probe(q)).count(),
                p.asked.toString());
        // the other cycles ask only how many nodes have a temperature (and whether n03 has one)
        assertEquals(5, temp.stream().filter(HandBuiltPrometheus::probe).count(), temp.toString());
        assertTrue(
                p.asked.stream().anyMatch(q -> q.startsWith("range temp{instance=~\"n02\"}")),
                "the failing node is followed by a range over it alone: " + p.asked);
    }

    @Test
    void whoeverSeesACycleFinishedCanStartTheNextOne() throws Exception {
        // waiting for a cycle once returned before the planner marked itself idle, so the next
        // refresh joined the finished cycle and showed the moment before (one cycle late)
        HandBuiltPrometheus real = estate();
        CountDownLatch watched = new CountDownLatch(1);
        PrometheusApi gated =
                new PrometheusApi() {
                    @Override
                    public CompletableFuture<QueryResult> query(String promql, Instant time) {
                        awaitQuietly(watched);
                        return real.query(promql, time);
                    }

                    @Override
                    public CompletableFuture<QueryResult> queryRange(
                            String promql, Instant start, Instant end, Duration step) {
                        return real.queryRange(promql, start, end, step);
                    }

                    @Override
                    public QueryStats stats() {
                        return real.stats();
                    }

                    @Override
                    public String displayUrl() {
                        return real.displayUrl();
                    }
                };
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, gated, EvaluationMode.FILTERED, Clock.systemUTC())) {
            CompletableFuture<HealthSnapshot> first = planner.refreshAsync();
            // runs on completion, before anything the planner itself registered afterwards
            CompletableFuture<CompletableFuture<HealthSnapshot>> next =
                    first.thenApply(s -> planner.refreshAsync());
            watched.countDown();
            CompletableFuture<HealthSnapshot> second = next.get(30, TimeUnit.SECONDS);
            assertTrue(second != first, "the finished cycle was handed out as the next one");
            assertTrue(second.get(30, TimeUnit.SECONDS).version() > first.get().version());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailedBatchKeepsItsLastKnownStatesMarkedStaleAndRecovers() {
        HandBuiltPrometheus p = estate();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(60));
            planner.refreshAt(Instant.ofEpochSecond(T0 + 600));
            HealthSnapshot good = planner.refreshAt(Instant.ofEpochSecond(T0 + 660));
            assertEquals(Severity.WARN, good.node("n02"));
            p.fail(
                    "temp",
                    new PrometheusException(
                            PrometheusException.Kind.UNAVAILABLE, 503, "overloaded"));
            HealthSnapshot down = planner.refreshAt(Instant.ofEpochSecond(T0 + 720));
            assertEquals(Severity.WARN, down.node("n02"), "last known state kept");
            assertTrue(down.isStale("n02"));
            assertEquals(good.takenAt(), down.staleSince().get("n02"));
            assertFalse(
                    down.checks().get("node_up").problems().get("n01").stale(),
                    "the other check still answers");
            assertTrue(down.checks().get("temp").problems().get("n02").stale());
            assertEquals(CycleError.Kind.UNAVAILABLE, down.errors().get(0).kind());
            assertEquals("temp", down.errors().get(0).source());
            p.heal("temp");
            HealthSnapshot back = planner.refreshAt(Instant.ofEpochSecond(T0 + 780));
            assertTrue(back.errors().isEmpty());
            assertFalse(back.isStale("n02"));
            assertEquals(Severity.WARN, back.node("n02"));
        }
    }

    @Test
    void whatWasNeverKnownIsUnknownNotLastKnown() {
        HandBuiltPrometheus p = estate();
        p.fail("temp", new PrometheusException(PrometheusException.Kind.UNREACHABLE, 0, "refused"));
        p.fail("up", new PrometheusException(PrometheusException.Kind.UNREACHABLE, 0, "refused"));
        HealthSnapshot first = run(p, EvaluationMode.FILTERED, 60, 1).get(0);
        assertTrue(first.staleEntities().isEmpty(), first.staleSince().toString());
        assertEquals(Severity.UNKNOWN, first.node("n04"));
    }

    @Test
    void anEntityThatVanishesIsUnknownAtOnce() {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        LongToDoubleFunction gone = t -> t >= T0 + 120 ? Double.NaN : 1;
        p.series("up", Map.of("instance", "n04"), gone);
        p.series("temp", Map.of("instance", "n04"), t -> t >= T0 + 120 ? Double.NaN : 40);
        for (String n : List.of("n01", "n02", "n03")) {
            p.series("up", Map.of("instance", n), t -> 1);
            p.series("temp", Map.of("instance", n), t -> 40);
        }
        List<HealthSnapshot> app = run(p, EvaluationMode.FILTERED, 60, 4);
        assertEquals(Severity.OK, app.get(1).node("n04"));
        assertEquals(Severity.UNKNOWN, app.get(2).node("n04"), "gone at T0+120");
        assertTrue(app.get(2).checks().get("temp").absent().contains("n04"));
    }

    @Test
    void aStalledBatchEndsAtTheCycleDeadlineStaleWithItsReasonAndIsSaidSlowWhileItRuns(
            @TempDir Path other) throws Exception {
        RackscopeConfig tight =
                load(
                        other,
                        "telemetry: {scrape_interval_seconds: 15}\n"
                                + "planner: {cycle_timeout_seconds: 3, forecast: {enabled:"
                                + " false}}\n");
        HandBuiltPrometheus p = estate();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(tight, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(1));
            planner.refreshAt(Instant.ofEpochSecond(T0 + 600));
            HealthSnapshot good = planner.refreshAt(Instant.ofEpochSecond(T0 + 601));
            assertEquals(Severity.CRIT, good.node("n01"));
            p.hang("up");
            CompletableFuture<HealthSnapshot> cycle =
                    CompletableFuture.supplyAsync(
                            () -> planner.refreshAt(Instant.ofEpochSecond(T0 + 602)));
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (planner.liveness().state() != Liveness.State.SLOW && !cycle.isDone()) {
                assertTrue(System.nanoTime() < waitUntil, "never said slow");
                Thread.onSpinWait();
            }
            assertFalse(cycle.isDone(), "said slow while the cycle still runs");
            HealthSnapshot stalled = cycle.get(10, TimeUnit.SECONDS);
            assertTrue(stalled.isStale("n01"), "the stalled check's targets are stale");
            assertEquals(Severity.CRIT, stalled.node("n01"), "with their last known state");
            assertEquals(CycleError.Kind.DEADLINE, stalled.errors().get(0).kind());
            assertEquals("node_up", stalled.errors().get(0).source());
            assertFalse(stalled.checks().get("temp").problems().get("n02").stale());
            ConnectionStatus status = ConnectionStatus.of(stalled);
            // the stalled batch and the for: check's presence probe, which was answered
            assertEquals("1 of 2 batches failed", status.headline());
            assertTrue(status.reason().contains("cycle's deadline"), status.reason());
            p.heal("up");
            HealthSnapshot back = planner.refreshAt(Instant.ofEpochSecond(T0 + 603));
            assertTrue(back.errors().isEmpty() && !back.isStale("n01"), back.errors().toString());
        }
    }
}
