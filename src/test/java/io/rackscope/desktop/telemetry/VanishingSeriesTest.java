package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.CheckState;
import io.rackscope.desktop.health.HealthSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check whose series vanishes while the node stays up says "no sample" in the first cycle that
 * cannot see it, for a check with and without {@code for:}, and is OK again in the first cycle that
 * sees it back: one running planner's per-check states equal a fresh planner's at every cycle.
 */
class VanishingSeriesTest {
    static final long T0 = 1_800_000_000L / 15 * 15;
    @TempDir static Path dir;
    static RackscopeConfig config;

    @BeforeAll
    static void load() {
        config = load(dir, "");
    }

    static RackscopeConfig load(Path dir, String app) {
        return ConfigFixture.sixNodes(
                dir,
                "telemetry: {scrape_interval_seconds: 15}\n" + app,
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    output: bool
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: temp
                    expr: temp{instance=~"$instances"}
                    for: 2m
                    rules: [{op: ">", value: 75, severity: WARN}]
                  - id: mem
                    expr: memory_pressure_percent{instance=~"$instances"}
                    rules: [{op: ">", value: 90, severity: WARN}]
                """);
    }

    static boolean between(long t, long from, long to) {
        return t >= T0 + from && t < T0 + to;
    }

    /**
     * n02's temperature vanishes at +120 and returns at +300 (up stays 1); n03's memory series
     * vanishes at +180 and n04's at the same moment as n05's temperature returns (a swap); n06
     * vanishes whole (up too) at +240; n01 stays hot.
     */
    static HandBuiltPrometheus estate() {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (int i = 1; i <= 6; i++) {
            String n = "n%02d".formatted(i);
            LongToDoubleFunction alive = t -> n.equals("n06") && t >= T0 + 240 ? Double.NaN : 1;
            p.series("up", Map.of("instance", n), alive);
            LongToDoubleFunction temp =
                    switch (n) {
                        case "n01" -> t -> 80;
                        case "n02" -> t -> between(t, 120, 300) ? Double.NaN : 40;
                        case "n05" -> t -> between(t, 60, 180) ? Double.NaN : 40;
                        default -> t -> Double.isNaN(alive.applyAsDouble(t)) ? Double.NaN : 40;
                    };
            p.series("temp", Map.of("instance", n), temp);
            LongToDoubleFunction mem =
                    switch (n) {
                        case "n03" -> t -> t >= T0 + 180 ? Double.NaN : 50;
                        case "n04" -> t -> t >= T0 + 180 ? Double.NaN : 95;
                        default -> t -> Double.isNaN(alive.applyAsDouble(t)) ? Double.NaN : 50;
                    };
            p.series("memory_pressure_percent", Map.of("instance", n), mem);
        }
        return p;
    }

    /** Every check's state and reason for every target, as {@code snapshot --json --checks}. */
    static String checkStates(HealthSnapshot s) {
        return io.rackscope.desktop.cli.SnapshotCommand.checkStates(s, config).toString();
    }

    @Test
    void aVanishedSeriesIsNoSampleInTheFirstCycleWithoutItAsForAFreshPlanner() {
        HandBuiltPrometheus running = estate();
        List<HealthSnapshot> cycles = new ArrayList<>();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, running, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(30));
            for (long t = T0; t <= T0 + 360; t += 30) {
                cycles.add(planner.refreshAt(Instant.ofEpochSecond(t)));
            }
        }
        for (int i = 0; i < cycles.size(); i++) {
            long t = T0 + i * 30L;
            HealthSnapshot fresh;
            try (TelemetryPlanner planner =
                    new TelemetryPlanner(
                            config, estate(), EvaluationMode.FILTERED, Clock.systemUTC())) {
                fresh = planner.refreshAt(Instant.ofEpochSecond(t));
            }
            assertEquals(checkStates(fresh), checkStates(cycles.get(i)), "at T0+" + (t - T0));
        }
        HealthSnapshot at120 = cycles.get(4);
        assertEquals(CheckState.Reason.NO_SAMPLE, at120.checks().get("temp").state("n02").reason());
        assertEquals(Severity.OK, at120.node("n02"), "the node itself stays OK while up is 1");
        HealthSnapshot at180 = cycles.get(6);
        assertEquals(Severity.UNKNOWN, at180.checks().get("mem").stateOf("n03"));
        assertEquals(Severity.UNKNOWN, at180.checks().get("mem").stateOf("n04"));
        assertEquals(Severity.OK, at180.checks().get("temp").stateOf("n05"), "back at +180");
        HealthSnapshot at240 = cycles.get(8);
        assertEquals(Severity.UNKNOWN, at240.node("n06"));
        assertEquals(CheckState.Reason.NO_SAMPLE, at240.checks().get("mem").state("n06").reason());
        assertEquals(
                CheckState.Reason.OK, cycles.get(10).checks().get("temp").state("n02").reason());
        assertEquals(
                CheckState.Reason.FAILING,
                cycles.get(10).checks().get("temp").state("n01").reason());
    }

    /**
     * n03 goes down at +60 (its up 0, its temperature gone); with {@code alsoN05}, n05's
     * temperature vanishes at the same moment while its up stays 1.
     */
    static HandBuiltPrometheus n03Down(boolean alsoN05) {
        return n03Down(alsoN05 ? "n05" : null);
    }

    /** As above, {@code also} (when not null) losing its temperature with n03. */
    static HandBuiltPrometheus n03Down(String also) {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (int i = 1; i <= 6; i++) {
            String n = "n%02d".formatted(i);
            boolean down = n.equals("n03");
            boolean vanishes = down || n.equals(also);
            p.series("up", Map.of("instance", n), t -> down && t >= T0 + 60 ? 0 : 1);
            p.series(
                    "temp", Map.of("instance", n), t -> vanishes && t >= T0 + 60 ? Double.NaN : 40);
            p.series("memory_pressure_percent", Map.of("instance", n), t -> 50);
        }
        return p;
    }

    /** {@code running}'s per-check states at {@code t} are a fresh planner's on {@code estate}. */
    static void assertAsAFreshPlanner(
            RackscopeConfig config, HandBuiltPrometheus estate, HealthSnapshot running, long t) {
        try (TelemetryPlanner f =
                new TelemetryPlanner(config, estate, EvaluationMode.FILTERED, Clock.systemUTC())) {
            HealthSnapshot fresh = f.refreshAt(Instant.ofEpochSecond(t));
            assertEquals(checkStates(fresh), checkStates(running), "at T0+" + (t - T0));
        }
    }

    /** The temperature presence reads of the cycle at {@code T0 + offset} (after its cycles). */
    static List<String> presenceReadsAt(boolean alsoN05, long offset) {
        return presenceReadsAt(config, alsoN05 ? "n05" : null, offset);
    }

    static List<String> presenceReadsAt(RackscopeConfig config, String also, long offset) {
        HandBuiltPrometheus p = n03Down(also);
        List<String> reads = new ArrayList<>();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(30));
            for (long t = T0; t <= T0 + offset; t += 30) {
                p.asked.clear();
                HealthSnapshot s = planner.refreshAt(Instant.ofEpochSecond(t));
                assertAsAFreshPlanner(config, n03Down(also), s, t);
            }
            p.asked.stream()
                    .filter(q -> q.startsWith("count by (instance) (temp{"))
                    .forEach(reads::add);
        }
        return reads;
    }

    @Test
    void aProbeThatCountsFewerAsksFirstOfTheNodesWhoseSentinelMoved() {
        // n03's up fell to 0 in this cycle: its temperature is read, not the whole batch's
        assertEquals(
                List.of("count by (instance) (temp{instance=~\"n03\"})"),
                presenceReadsAt(false, 60));
        // n05's temperature went too, with its up still 1: n03 does not account for the count,
        // and the rest of the batch is read as well
        List<String> both = presenceReadsAt(true, 60);
        assertEquals(2, both.size(), both.toString());
        assertEquals("count by (instance) (temp{instance=~\"n03\"})", both.get(0));
        assertTrue(both.get(1).contains("n05"), both.toString());
    }

    @Test
    void theMovedNodesDeviceMatesAreAskedFirstToo(@TempDir Path chassisDir) throws Exception {
        // n03 and n04 are one chassis: n04's temperature goes as n03 goes down, its up still 1
        load(chassisDir, "");
        Path topology = chassisDir.resolve("topology.yaml");
        String text = Files.readString(topology);
        String n04 = "{id: c4, template_id: srv, u_position: 4, instance: n04}";
        assertTrue(text.contains(n04), text);
        Files.writeString(
                topology,
                text.replace(n04, "{id: c4, template_id: srv, u_position: 4, instance: x04}")
                        .replace("instance: n03}", "instance: {1: n03, 2: n04}}"));
        RackscopeConfig chassis = new ConfigLoader(Map.of()).load(chassisDir);
        assertEquals(List.of(), chassis.diagnostics().errors());
        assertEquals(
                List.of("count by (instance) (temp{instance=~\"n03|n04\"})"),
                presenceReadsAt(chassis, "n04", 60));
    }

    /**
     * Six nodes scraped as one target each, or through one federating target ({@code fed}, the
     * nodes' {@code up} being its scraped series): every count stands still, and n03's {@code up}
     * falls to 0 at +75.
     */
    static HandBuiltPrometheus upFalling(boolean federated) {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String n = "n%02d".formatted(i);
            boolean falls = n.equals("n03");
            p.series("up", Map.of("instance", n), t -> falls && t >= T0 + 75 ? 0 : 1);
            p.series("temp", Map.of("instance", n), t -> 40);
            p.series("memory_pressure_percent", Map.of("instance", n), t -> 50);
            targets.add(n);
        }
        List<String> counted = federated ? List.of("fed") : targets;
        return p.figures(
                t ->
                        counted.stream()
                                .map(
                                        n ->
                                                new io.rackscope.desktop.prometheus.Series(
                                                        Map.of(
                                                                ScrapeChanges.LABEL,
                                                                "count",
                                                                "instance",
                                                                n),
                                                        new double[] {t},
                                                        new double[] {3}))
                                .toList());
    }

    @Test
    void upIsKeptOnlyForATargetsOwnWhileItsFiguresStandStill() {
        for (boolean federated : List.of(false, true)) {
            HandBuiltPrometheus p = upFalling(federated);
            List<String> upReads = new ArrayList<>();
            try (TelemetryPlanner planner =
                    new TelemetryPlanner(config, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
                planner.setCycleInterval(Duration.ofSeconds(30));
                for (long t = T0; t <= T0 + 90; t += 30) {
                    p.asked.clear();
                    HealthSnapshot s = planner.refreshAt(Instant.ofEpochSecond(t));
                    if (t == T0 + 60) {
                        p.asked.stream().filter(q -> q.contains("up{")).forEach(upReads::add);
                    }
                    if (federated) {
                        assertAsAFreshPlanner(config, upFalling(true), s, t);
                    }
                }
            }
            // each node its own target, nothing moved: no node's up is asked; through one
            // federating target, up is a scraped value, read every cycle, and n03's fall is seen
            assertEquals(federated, !upReads.isEmpty(), federated + " " + upReads);
        }
    }

    @Test
    void aFailedReadOfTheLikelyNodesLeavesTheWholeBatchUnrefreshed() {
        // as a failed read of the whole batch did: the vanished series may be any of its nodes
        HandBuiltPrometheus p = n03Down(true);
        p.fail(
                q -> q.equals("count by (instance) (temp{instance=~\"n03\"})"),
                new io.rackscope.desktop.prometheus.PrometheusException(
                        io.rackscope.desktop.prometheus.PrometheusException.Kind.UNAVAILABLE,
                        503,
                        "overloaded"));
        HealthSnapshot s;
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(30));
            planner.refreshAt(Instant.ofEpochSecond(T0));
            planner.refreshAt(Instant.ofEpochSecond(T0 + 30));
            s = planner.refreshAt(Instant.ofEpochSecond(T0 + 60));
        }
        assertTrue(
                s.checks().get("temp").state("n05").stale(), "n05's vanished series not vouched");
        assertTrue(s.checks().get("temp").state("n01").stale(), "nor any other of the batch");
    }

    @Test
    void aSteadyCycleEvaluatesEachBatchOnce() {
        HandBuiltPrometheus p = estate();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(30));
            planner.refreshAt(Instant.ofEpochSecond(T0));
            p.asked.clear();
            planner.refreshAt(Instant.ofEpochSecond(T0 + 30));
        }
        // without for: every entity's worst sample, presence and states in one evaluation
        List<String> mem = p.asked.stream().filter(q -> q.contains("memory_pressure")).toList();
        assertEquals(
                List.of(
                        "max by (instance) (memory_pressure_percent{instance=~\"n01|n02|n03|n04|n05|n06\"})"),
                mem);
        // a for: check between its discoveries: only how many have a sample, one number (beside
        // the range over the one hot node it follows)
        List<String> temp =
                p.asked.stream()
                        .filter(q -> q.contains("temp{") && !q.startsWith("range"))
                        .toList();
        assertEquals(1, temp.size(), temp.toString());
        assertTrue(HandBuiltPrometheus.probe(temp.get(0)), temp.toString());
    }

    @Test
    void aNodeWithoutAnySampleIsANoDataAlert() {
        HandBuiltPrometheus p = estate();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(30));
            planner.refreshAt(Instant.ofEpochSecond(T0 + 210));
            HealthSnapshot s = planner.refreshAt(Instant.ofEpochSecond(T0 + 270));
            List<String> noData =
                    s.alerts().stream()
                            .filter(Alert::noData)
                            .map(a -> a.entity() + " " + a.severity() + " " + a.path())
                            .toList();
            // n02 lacks only its temperature, n03 and n04 only their memory: not "no data"
            assertEquals(List.of("n06 WARN s / r / a / rk / c6 / n06"), noData);
            assertTrue(
                    s.incidents().stream().anyMatch(i -> i.checks().containsKey(Check.NO_DATA)),
                    s.incidents().toString());
        }
    }

    @Test
    void aPrometheusOutageRaisesNoNoDataAndTheAlertsCanBeTurnedOff() {
        HandBuiltPrometheus p = estate();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, p, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.refreshAt(Instant.ofEpochSecond(T0));
            p.goDown(
                    new io.rackscope.desktop.prometheus.PrometheusException(
                            io.rackscope.desktop.prometheus.PrometheusException.Kind.UNREACHABLE,
                            0,
                            "connection refused"));
            HealthSnapshot down = planner.refreshAt(Instant.ofEpochSecond(T0 + 300));
            assertTrue(down.alerts().stream().noneMatch(Alert::noData), down.alerts().toString());
        }
        RackscopeConfig off = load(dir.resolve("off"), "alerts: {unknown_as_incident: false}\n");
        try (TelemetryPlanner planner =
                new TelemetryPlanner(off, estate(), EvaluationMode.FILTERED, Clock.systemUTC())) {
            HealthSnapshot s = planner.refreshAt(Instant.ofEpochSecond(T0 + 300));
            assertEquals(Severity.UNKNOWN, s.node("n06"));
            assertTrue(s.alerts().stream().noneMatch(Alert::noData), s.alerts().toString());
        }
        RackscopeConfig crit = load(dir.resolve("crit"), "alerts: {unknown_severity: CRIT}\n");
        try (TelemetryPlanner planner =
                new TelemetryPlanner(crit, estate(), EvaluationMode.FILTERED, Clock.systemUTC())) {
            HealthSnapshot s = planner.refreshAt(Instant.ofEpochSecond(T0 + 300));
            assertEquals(
                    List.of(Severity.CRIT),
                    s.alerts().stream().filter(Alert::noData).map(Alert::severity).toList());
        }
    }

    @Test
    void aPrometheusWhoseClockIsAheadIsAskedOnItsOwnTimeAndTheSkewIsSaid() {
        // samples exist only from the server's "now": T0 + 600 on its clock, T0 on the desk's
        HandBuiltPrometheus ahead = new HandBuiltPrometheus();
        for (int i = 1; i <= 6; i++) {
            String n = "n%02d".formatted(i);
            ahead.series("up", Map.of("instance", n), t -> t >= T0 + 590 ? 1 : Double.NaN);
            ahead.series("temp", Map.of("instance", n), t -> t >= T0 + 590 ? 40 : Double.NaN);
            ahead.series(
                    "memory_pressure_percent",
                    Map.of("instance", n),
                    t -> t >= T0 + 590 ? (n.equals("n01") ? 95 : 50) : Double.NaN);
        }
        ahead.skew = Duration.ofSeconds(600);
        io.rackscope.desktop.ui.HandClock desk =
                new io.rackscope.desktop.ui.HandClock(Instant.ofEpochSecond(T0));
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, ahead, EvaluationMode.FILTERED, desk)) {
            HealthSnapshot s = planner.refresh();
            assertEquals(Severity.OK, s.node("n02"), "judged on Prometheus' time, not UNKNOWN");
            assertEquals(Severity.WARN, s.checks().get("mem").stateOf("n01"));
            assertEquals(
                    "Prometheus reachable, clock skew of 600 s",
                    io.rackscope.desktop.health.ConnectionStatus.of(s).headline());
            assertEquals(
                    "clock skew of 600 s: Prometheus' clock is ahead of this desk's; health is"
                            + " judged on Prometheus' time",
                    io.rackscope.desktop.health.ConnectionStatus.of(s).reason());
        }
    }

    @Test
    void aForCheckFailingBeforeAnEmptyRestartIsNotClearedByTheShortHistory() throws Exception {
        // n01 hot all along; Prometheus loses its database at +600: no samples before +610
        HandBuiltPrometheus restarted = new HandBuiltPrometheus();
        for (int i = 1; i <= 6; i++) {
            String n = "n%02d".formatted(i);
            LongToDoubleFunction kept = t -> t >= T0 + 540 && t < T0 + 610 ? Double.NaN : 1;
            restarted.series("up", Map.of("instance", n), kept);
            restarted.series(
                    "temp",
                    Map.of("instance", n),
                    t ->
                            Double.isNaN(kept.applyAsDouble(t))
                                    ? Double.NaN
                                    : n.equals("n01") ? 80 : 40);
            restarted.series(
                    "memory_pressure_percent",
                    Map.of("instance", n),
                    t -> Double.isNaN(kept.applyAsDouble(t)) ? Double.NaN : 50);
        }
        io.rackscope.desktop.ui.HandClock desk =
                new io.rackscope.desktop.ui.HandClock(Instant.ofEpochSecond(T0 + 300));
        try (TelemetryPlanner planner =
                new TelemetryPlanner(config, restarted, EvaluationMode.FILTERED, desk)) {
            planner.setCycleInterval(Duration.ofSeconds(30));
            assertEquals(Severity.WARN, planner.refresh().checks().get("temp").stateOf("n01"));
            restarted.begins = Instant.ofEpochSecond(T0 + 610);
            desk.now = Instant.ofEpochSecond(T0 + 630);
            planner.refresh();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (planner.stats().historyStart().isEmpty()) {
                assertTrue(System.nanoTime() < until, "the planner asks where history starts");
                Thread.sleep(10);
            }
            planner.invalidateCaches();
            HealthSnapshot early = planner.refresh();
            assertEquals(
                    Severity.WARN,
                    early.checks().get("temp").stateOf("n01"),
                    "20 s of history cannot clear a 2 m for: that was failing");
            assertTrue(early.isStale("n01"), "kept as last known, stale");
            assertEquals(Severity.OK, early.checks().get("temp").stateOf("n02"));
            desk.now = Instant.ofEpochSecond(T0 + 750);
            HealthSnapshot covered = planner.refresh();
            assertEquals(Severity.WARN, covered.checks().get("temp").stateOf("n01"));
            assertTrue(!covered.isStale("n01"), "the window is whole again: fresh");
        }
    }
}
