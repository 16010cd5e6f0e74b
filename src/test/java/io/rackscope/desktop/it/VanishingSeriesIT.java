package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.cli.SnapshotCommand;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real Prometheus scraping live series (a series that stops gets its staleness marker): one
 * running planner, while series of some checks stop with the node still up, every series of other
 * nodes stops, and they come back (one check's series stopping for one node as another's returns),
 * gives at every cycle the per-check states ({@code snapshot --json --checks}) of a fresh planner
 * at the same moment, and says "no sample" in the first cycle that cannot see a series.
 */
class VanishingSeriesIT {
    static final List<String> NODES = List.of("n01", "n02", "n03", "n04", "n05", "n06");

    /** A check without {@code for:}, one with, and another without. */
    static final String CHECKS =
            """
            checks:
              - id: node_up
                expr: node_ok{instance=~"$instances"}
                output: bool
                rules: [{op: "==", value: 0, severity: CRIT}]
              - id: temp
                expr: temp_celsius{instance=~"$instances"}
                for: 10m
                rules: [{op: ">", value: 75, severity: WARN}]
              - id: mem
                expr: memory_pressure_percent{instance=~"$instances"}
                rules: [{op: ">", value: 90, severity: WARN}]
            """;

    static Path dir;
    static RackscopeConfig config;
    static TestExporter exporter;
    static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-vanish-it");
        config = sixNodes(dir, CHECKS);
        exporter = new TestExporter();
        exporter.set(metrics(0, (n, m) -> true));
        prometheus = PrometheusServer.start(exporter.address(), null);
        prometheus.awaitSample("rackscope_it_step == 0");
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

    /**
     * The exporter's text at {@code step}: the series {@code has} keeps, n01 hot, n04's memory
     * high.
     */
    static String metrics(int step, BiFunction<String, String, Boolean> has) {
        StringBuilder b = new StringBuilder("rackscope_it_step " + step + "\n");
        for (String n : NODES) {
            if (has.apply(n, "node_ok")) {
                b.append("node_ok{instance=\"").append(n).append("\"} 1\n");
            }
            if (has.apply(n, "temp")) {
                b.append("temp_celsius{instance=\"")
                        .append(n)
                        .append("\"} ")
                        .append(n.equals("n01") ? 80 : 40)
                        .append('\n');
            }
            if (has.apply(n, "mem")) {
                b.append("memory_pressure_percent{instance=\"")
                        .append(n)
                        .append("\"} ")
                        .append(n.equals("n04") ? 95 : 50)
                        .append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Shows step {@code step} and returns a moment at which Prometheus holds it and every scrape up
     * to that moment is stored, so that two planners asking at it see the same data.
     */
    static Instant show(int step, BiFunction<String, String, Boolean> has) throws Exception {
        return show(step, metrics(step, has));
    }

    /** As above, the exporter serving {@code text} (whose step is {@code step}). */
    static Instant show(int step, String text) throws Exception {
        exporter.set(text);
        prometheus.awaitSample("rackscope_it_step == " + step);
        // the next whole second: the planner asks at whole seconds, and the one before may precede
        // the scrape that showed the step
        Instant at = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
        prometheus.awaitSample("timestamp(rackscope_it_step) > " + (at.getEpochSecond() + 1));
        return at;
    }

    /**
     * Six nodes scraped every second with {@code checks}, no forecasts: their trend queries, asked
     * by the refresh, would blur the probes' count.
     */
    static RackscopeConfig sixNodes(Path dir, String checks) {
        return sixNodes(dir, checks, "");
    }

    /** As above, with {@code app} added to app.yaml. */
    static RackscopeConfig sixNodes(Path dir, String checks, String app) {
        return ConfigFixture.sixNodes(
                dir,
                "telemetry: {scrape_interval_seconds: 1}\n"
                        + "planner: {forecast: {enabled: false}}\n"
                        + app,
                checks);
    }

    static Object states(HealthSnapshot s) {
        return SnapshotCommand.checkStates(s, config);
    }

    static HealthSnapshot fresh(Instant at) {
        return fresh(config, prometheus.url(), at);
    }

    /** A fresh planner's snapshot at {@code at}: what a running one must agree with. */
    static HealthSnapshot fresh(RackscopeConfig cfg, String url, Instant at) {
        try (PrometheusClient client =
                        new PrometheusClient(
                                cfg.app().telemetry().endpoint(url), new QueryStats());
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                cfg, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
            return planner.refreshAt(at);
        }
    }

    @Test
    void aRunningPlannerSeesEveryVanishedSeriesInItsFirstCycleWithoutIt() throws Exception {
        List<BiFunction<String, String, Boolean>> steps =
                List.of(
                        (n, m) -> true,
                        // n02's temperature and n03's memory stop; the nodes stay up
                        (n, m) ->
                                !(n.equals("n02") && m.equals("temp")
                                        || n.equals("n03") && m.equals("mem")),
                        // every series of n05 and n06 stops too
                        (n, m) ->
                                !(n.equals("n02") && m.equals("temp")
                                        || n.equals("n03") && m.equals("mem")
                                        || Set.of("n05", "n06").contains(n)),
                        // n02's temperature returns; n03's memory returns as n04's stops
                        (n, m) ->
                                !(n.equals("n04") && m.equals("mem")
                                        || Set.of("n05", "n06").contains(n)),
                        // n05 returns whole
                        (n, m) -> !(n.equals("n04") && m.equals("mem") || n.equals("n06")));
        try (LivePlanner live = LivePlanner.of(config, prometheus.url(), Duration.ofSeconds(5))) {
            TelemetryPlanner running = live.planner();
            HealthSnapshot[] seen = new HealthSnapshot[steps.size()];
            for (int i = 0; i < steps.size(); i++) {
                Instant at = show(i, steps.get(i));
                seen[i] = running.refreshAt(at);
                assertTrue(seen[i].errors().isEmpty(), seen[i].errors().toString());
                assertEquals(states(fresh(at)), states(seen[i]), "step " + i);
            }
            assertEquals("failing", reason(seen[0], "n04", "mem"));
            assertEquals("no_sample", reason(seen[1], "n02", "temp"));
            assertEquals("no_sample", reason(seen[1], "n03", "mem"));
            assertEquals(Severity.OK, seen[1].node("n02"), "up = 1: the node stays OK");
            assertEquals("no_sample", reason(seen[2], "n05", "node_up"));
            // n05 and n06 lost every series: "no data", since their last sample
            assertEquals(
                    List.of("n05", "n06"),
                    seen[2].alerts().stream()
                            .filter(Alert::noData)
                            .map(Alert::entity)
                            .sorted()
                            .toList());
            Map<String, Instant> since =
                    running.failingSince(
                                    Check.NO_DATA,
                                    List.of("n05", "n06"),
                                    seen[2].takenAt(),
                                    Duration.ofHours(1))
                            .get();
            for (String n : List.of("n05", "n06")) {
                long behind = Duration.between(since.get(n), seen[2].takenAt()).toSeconds();
                assertTrue(behind >= 0 && behind <= 120, n + " no sample since " + since);
            }
            assertEquals(Severity.UNKNOWN, seen[2].node("n06"));
            assertEquals("ok", reason(seen[3], "n02", "temp"));
            assertEquals("ok", reason(seen[3], "n03", "mem"));
            assertEquals("no_sample", reason(seen[3], "n04", "mem"));
            assertEquals("ok", reason(seen[4], "n01", "temp"), "hot for less than its for: 10m");
            assertEquals("ok", reason(seen[4], "n05", "mem"));
        }
        CliRun json =
                CliRun.of(
                        "snapshot",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--json",
                        "--checks");
        assertEquals(0, json.code(), json.err());
        JsonNode checks = new ObjectMapper().readTree(json.out()).get("checks");
        assertEquals("no_sample", checks.at("/n06/mem/reason").asText(), json.out());
        assertEquals("UNKNOWN", checks.at("/n06/mem/state").asText());
        assertTrue(checks.at("/n06/mem/value").isNull());
        assertEquals("no_sample", checks.at("/n04/mem/reason").asText());
        assertEquals("ok", checks.at("/n02/temp/reason").asText());
        assertEquals("OK", checks.at("/n01/mem/state").asText());
    }

    /**
     * While Prometheus' scrape figures say no series vanished or appeared, a {@code for:} check's
     * presence probe is not sent; the first cycle after one vanishes sends it and sees it.
     */
    @Test
    void scrapeFiguresSpareTheProbesOnlyWhileNothingVanished() throws Exception {
        try (LivePlanner live = LivePlanner.of(config, prometheus.url(), Duration.ofSeconds(5))) {
            TelemetryPlanner running = live.planner();
            long[] asked = new long[4];
            HealthSnapshot last = null;
            for (int i = 0; i < 4; i++) {
                // the same series each time (only the step's value moves); the last without n02's
                // temperature, n02 still up
                Instant at =
                        show(
                                20 + i,
                                i < 3
                                        ? (n, m) -> true
                                        : (n, m) -> !(n.equals("n02") && m.equals("temp")));
                long before = live.client().stats().queryCount();
                last = running.refreshAt(at);
                asked[i] = live.client().stats().queryCount() - before;
                assertEquals(states(fresh(at)), states(last), "cycle " + i);
            }
            assertTrue(
                    asked[2] < asked[1],
                    "nothing changed: the probe is spared " + java.util.Arrays.toString(asked));
            assertTrue(
                    asked[3] > asked[2],
                    "a series vanished: the probe is sent " + java.util.Arrays.toString(asked));
            assertEquals("no_sample", reason(last, "n02", "temp"));
        }
    }

    /**
     * One target serving every node, as an exporter for a whole estate: when its series that came
     * and went are all of nodes seen moving (n03, whose series all went: its sentinel sees it in
     * the same cycle, and in the next it is a node seen moving lately), their presence is read with
     * the account and no node is probed; a series of another node vanishing that no sentinel sees
     * is not theirs, and the probe then asks of every node and sees it.
     */
    @Test
    void aTargetServingEveryNodeIsAccountedForByTheNodesSeenMoving() throws Exception {
        Run run = run(config, 40, List.of(ALL, ALL, ALL, N03_GONE, ALL, N05_WITHOUT_TEMP), NOTHING);
        assertEquals(List.of(), run.tempProbes().get(2), "nothing changed: no probe");
        assertNoneProbed(run, 3);
        assertNoneProbed(run, 4);
        assertEveryNodeProbedAndN05Unsampled(run, 5);
    }

    /**
     * A series that went just before the planner's first cycle (n05's temperature, its up
     * unchanged) is one that cycle showed. In the second cycle the target changed anyway (Slurm's
     * jobs), and its account, whose window reaches back past the first cycle (three scrape
     * intervals are claimed, for a window surely holding the loss and the scrape before it), counts
     * only the scrapes after the last the first cycle saw: it balances with the jobs alone, and no
     * probe is sent.
     */
    @Test
    void aMoveTheFirstCycleShowedIsNotCountedAgainInTheSecond() throws Exception {
        RackscopeConfig wideMargin =
                ConfigFixture.sixNodes(
                        Files.createTempDirectory("rackscope-vanish-margin-it"),
                        "telemetry: {scrape_interval_seconds: 3}\n"
                                + "planner: {forecast: {enabled: false}}\n"
                                + "plugins: {slurm: {enabled: true, metric: slurm_node_status}}\n",
                        CHECKS);
        show(70, metrics(70, ALL) + slurm(0, ALL));
        Run run =
                run(
                        wideMargin,
                        71,
                        List.of(N05_WITHOUT_TEMP, N05_WITHOUT_TEMP),
                        (i, has) -> slurm(i + 1, has));
        assertEquals(
                List.of(),
                run.tempProbes().get(1),
                "cycle 1: n05's loss was shown by cycle 0, the jobs alone moved since");
        // the account's window reaches from the last scrape cycle 0 saw (a scrape a second), not
        // two claimed intervals (6 s) before cycle 0
        String figures = run.accountFigures().get(1).get(0);
        long window =
                Long.parseLong(
                        figures.substring(figures.lastIndexOf('[') + 1, figures.length() - 2));
        long since = Duration.between(run.moments().get(0), run.moments().get(1)).toSeconds();
        assertTrue(window <= since + 4, figures + ", " + since + " s after cycle 0");
    }

    /**
     * With Slurm on, its jobs starting and ending on the one target at every step (their series
     * read by no check) and a node's Slurm state changing with it: the account stands, and the
     * probe asks only of the node seen moving; a series of another node vanishing beside the jobs
     * is still seen.
     */
    @Test
    void slurmJobsComingAndGoingLeaveTheAccountStanding() throws Exception {
        RackscopeConfig slurmConfig =
                sixNodes(
                        Files.createTempDirectory("rackscope-vanish-slurm-it"),
                        CHECKS,
                        "plugins: {slurm: {enabled: true, metric: slurm_node_status}}\n");
        Run run =
                run(
                        slurmConfig,
                        60,
                        List.of(ALL, ALL, N03_GONE, ALL, ALL, N05_WITHOUT_TEMP),
                        VanishingSeriesIT::slurm);
        assertNoneProbed(run, 2);
        assertNoneProbed(run, 3);
        assertNoneProbed(run, 4);
        assertEveryNodeProbedAndN05Unsampled(run, 5);
        // n03's state and the jobs that moved were read with the account: Slurm is not read again
        assertEquals(List.of(), run.slurmReads().get(2), "cycle 2: Slurm patched, not read");
        assertEquals(List.of(), run.slurmReads().get(3), "cycle 3: Slurm patched, not read");
        assertEquals(List.of(), run.slurmReads().get(4), "cycle 4: Slurm patched, not read");
        assertEquals(
                List.of("slurm_job_nodes", "slurm_node_status"),
                run.slurmReads().get(5).stream().sorted().toList(),
                "cycle 5: n05's series moved unaccounted for, Slurm read in full");
    }

    static final BiFunction<String, String, Boolean> ALL = (n, m) -> true;
    static final BiFunction<String, String, Boolean> N03_GONE = (n, m) -> !n.equals("n03");
    static final BiFunction<String, String, Boolean> N05_WITHOUT_TEMP =
            (n, m) -> !(n.equals("n05") && m.equals("temp"));
    static final BiFunction<Integer, BiFunction<String, String, Boolean>, String> NOTHING =
            (i, has) -> "";

    /** Each cycle's temperature probes and full Slurm reads, and the last cycle's snapshot. */
    record Run(
            List<List<String>> tempProbes,
            List<List<String>> slurmReads,
            List<List<String>> accountFigures,
            List<Instant> moments,
            HealthSnapshot last,
            RackscopeConfig config) {}

    /**
     * A running planner of {@code cfg} through {@code steps} (numbered from {@code first}, {@code
     * extra} served beside each step's series), each cycle's states and Slurm's view a fresh
     * planner's.
     */
    static Run run(
            RackscopeConfig cfg,
            int first,
            List<BiFunction<String, String, Boolean>> steps,
            BiFunction<Integer, BiFunction<String, String, Boolean>, String> extra)
            throws Exception {
        List<List<String>> probes = new java.util.ArrayList<>();
        List<List<String>> slurmReads = new java.util.ArrayList<>();
        List<List<String>> accountFigures = new java.util.ArrayList<>();
        List<Instant> moments = new java.util.ArrayList<>();
        HealthSnapshot last = null;
        try (LivePlanner live = LivePlanner.of(cfg, prometheus.url(), Duration.ofSeconds(5))) {
            for (int i = 0; i < steps.size(); i++) {
                BiFunction<String, String, Boolean> has = steps.get(i);
                Instant at = show(first + i, metrics(first + i, has) + extra.apply(i, has));
                int before = live.asked().size();
                last = live.planner().refreshAt(at);
                List<String> asked = live.askedFrom(before);
                moments.add(at);
                accountFigures.add(
                        asked.stream()
                                .filter(q -> q.startsWith("{__name__=~\"scrape_samples"))
                                .toList());
                probes.add(
                        asked.stream()
                                .filter(q -> q.contains("count(count by (instance) (temp_celsius"))
                                .toList());
                slurmReads.add(
                        asked.stream()
                                .filter(
                                        q ->
                                                q.equals("slurm_node_status")
                                                        || q.equals("slurm_job_nodes"))
                                .toList());
                HealthSnapshot expected = fresh(cfg, prometheus.url(), at);
                assertEquals(
                        SnapshotCommand.checkStates(expected, cfg),
                        SnapshotCommand.checkStates(last, cfg),
                        "cycle " + i);
                assertEquals(expected.slurm().nodes(), last.slurm().nodes(), "Slurm, cycle " + i);
                assertEquals(expected.slurm().jobs(), last.slurm().jobs(), "jobs, cycle " + i);
            }
        }
        return new Run(probes, slurmReads, accountFigures, moments, last, cfg);
    }

    /**
     * n03's moves accounted for: only n03 could have moved, and its presence is read with the
     * account (its series in the target's last scrape): no node is probed.
     */
    static void assertNoneProbed(Run run, int cycle) {
        assertEquals(List.of(), run.tempProbes().get(cycle), "cycle " + cycle);
    }

    static void assertEveryNodeProbedAndN05Unsampled(Run run, int cycle) {
        assertTrue(
                run.tempProbes().get(cycle).stream().anyMatch(q -> q.contains("n05")),
                "n05's temperature is no series of n03: every node is probed "
                        + run.tempProbes().get(cycle));
        assertEquals(
                "no_sample",
                reason(SnapshotCommand.checkStates(run.last(), run.config()), "n05", "temp"));
    }

    /**
     * Slurm's view of the nodes at {@code step}: each node's state (n03 down while its series are
     * gone), and two jobs whose ids change at every step.
     */
    static String slurm(int step, BiFunction<String, String, Boolean> has) {
        StringBuilder b = new StringBuilder();
        for (String n : NODES) {
            b.append("slurm_node_status{node=\"")
                    .append(n)
                    .append("\",status=\"")
                    .append(has.apply(n, "node_ok") ? "allocated" : "down")
                    .append("\",partition=\"p\"} 1\n");
        }
        for (int j = 0; j < 2; j++) {
            b.append("slurm_job_nodes{job_id=\"")
                    .append(1000 + 2 * step + j)
                    .append("\",node=\"")
                    .append(NODES.get(j))
                    .append("\"} 1\n");
        }
        return b.toString();
    }

    static String reason(HealthSnapshot s, String entity, String check) {
        return reason(states(s), entity, check);
    }

    /** The reason {@code snapshot --json --checks} gives for {@code check} on {@code entity}. */
    @SuppressWarnings("unchecked")
    static String reason(Object states, String entity, String check) {
        Map<String, Object> byEntity = (Map<String, Object>) states;
        Map<String, Object> byCheck = (Map<String, Object>) byEntity.get(entity);
        return (String) ((Map<String, Object>) byCheck.get(check)).get("reason");
    }
}
