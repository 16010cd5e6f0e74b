package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An account that does not balance, read wider: only what it had not read is asked again. */
class TargetAccountTest {
    @TempDir Path dir;

    /** The target lost n03's two series at its last scrape; n01 (unsteady) did not move. */
    static QueryResult answer(String q) {
        List<Series> series = new ArrayList<>();
        if (q.startsWith("{__name__=~\"scrape_samples")) {
            series.addAll(ScrapeAccountTest.figures(new double[] {12, 12, 10}, new double[3]));
        } else if (q.contains("n01")) {
            series.add(
                    ScrapeAccountTest.scraped(
                            Map.of("__name__", "up", "instance", "n01"), 0, 1, 2));
        } else if (q.contains("n03")) {
            series.add(
                    ScrapeAccountTest.scraped(Map.of("__name__", "up", "instance", "n03"), 0, 1));
            series.add(
                    ScrapeAccountTest.scraped(Map.of("__name__", "temp", "instance", "n03"), 0, 1));
        }
        return new QueryResult("matrix", series, List.of(), List.of(), 0);
    }

    @Test
    void aWiderReadAsksOnlyTheNewNodesAndBalances() {
        RackscopeConfig config = VanishingSeriesTest.load(dir, "");
        List<String> sent = new ArrayList<>();
        TargetAccount first = account(config, List.of(), sent, TargetAccountTest::answer);
        assertEquals(2, sent.size(), "the figures and n01's series " + sent);
        assertNull(first.moved(), "n01 does not account for the two series lost");
        assertTrue(first.widens());
        sent.clear();
        TargetAccount wider = first.widened(Set.of("n01", "n03")).join();
        assertEquals(List.of("{instance=~\"n03\"}[45s]"), sent, "only n03 is asked");
        assertEquals(Set.of("n01", "n03"), wider.nodes());
        assertTrue(wider.moved().contains("n03"), "n03's series account for the loss");
    }

    @Test
    void theMetricsOfEachNodeReadAreThoseOfTheTargetsLastScrape() {
        RackscopeConfig config = VanishingSeriesTest.load(dir, "");
        TargetAccount wider =
                account(config, List.of(), new ArrayList<>(), TargetAccountTest::answer)
                        .widened(Set.of("n01", "n03"))
                        .join();
        // n01's up is in the last scrape; n03's two series were lost at it (stale from then)
        assertEquals(Map.of("n01", Set.of("up"), "n03", Set.of()), wider.metricsInLastScrape());
        TargetAccount elsewhere =
                account(
                        config,
                        List.of(),
                        new ArrayList<>(),
                        q ->
                                q.contains("n01")
                                        ? new QueryResult(
                                                "matrix",
                                                List.of(
                                                        new Series(
                                                                Map.of(
                                                                        "__name__", "up",
                                                                        "instance", "n01"),
                                                                new double[] {1007.5},
                                                                new double[] {1})),
                                                List.of(),
                                                List.of(),
                                                0)
                                        : answer(q));
        assertNull(
                elsewhere.metricsInLastScrape(),
                "a series sampled between the target's scrapes is another target's: not told");
    }

    /** Six nodes in one rack, a node check and a rack check. */
    RackscopeConfig rackConfig() {
        return ConfigFixture.sixNodes(
                dir,
                "telemetry: {scrape_interval_seconds: 15}\n",
                """
                        checks:
                          - id: node_up
                            expr: up{instance=~"$instances"}
                            output: bool
                            rules: [{op: "==", value: 0, severity: CRIT}]
                          - id: pdu
                            scope: rack
                            expr: pdu_watts{rack_id=~"$racks"}
                            rules: [{op: ">", value: 9000, severity: WARN}]
                        """,
                "[node_up]");
    }

    /** The planner's units of {@code config}'s checks. */
    static List<CheckUnit> units(RackscopeConfig config) {
        CheckTargets targets = new CheckTargets(config);
        CheckQueries queries = new CheckQueries(config.app(), true, targets, false);
        List<CheckUnit> units = new ArrayList<>();
        for (Check c : config.checks().values()) {
            units.add(
                    new CheckUnit(
                            c,
                            new Route(null, "p"),
                            EvaluationMode.FILTERED,
                            queries,
                            targets.of(c),
                            Duration.ofSeconds(15),
                            1800,
                            0,
                            config.app().planner().forecast()));
        }
        return units;
    }

    /**
     * The target lost one series at its last scrape: the PDU's when {@code neighbour} is false,
     * else n02's temperature (n02: no candidate).
     */
    static QueryResult rackAnswer(String q, boolean neighbour) {
        List<Series> series = new ArrayList<>();
        if (q.startsWith("{__name__=~\"scrape_samples")) {
            series.addAll(ScrapeAccountTest.figures(new double[] {12, 12, 11}, new double[3]));
        } else if (q.startsWith("{rack_id")) {
            series.add(
                    ScrapeAccountTest.scraped(
                            Map.of("__name__", "pdu_watts", "rack_id", "rk"),
                            0,
                            1,
                            neighbour ? 2 : 1));
            if (neighbour && !q.contains("instance!~")) {
                series.add(
                        ScrapeAccountTest.scraped(
                                Map.of("__name__", "temp", "instance", "n02", "rack_id", "rk"),
                                0,
                                1));
            }
        }
        return new QueryResult("matrix", series, List.of(), List.of(), 0);
    }

    TargetAccount rackAccount(List<String> sent, boolean neighbour) {
        RackscopeConfig config = rackConfig();
        return account(config, units(config), sent, q -> rackAnswer(q, neighbour));
    }

    /** The account of the target sim:9100 over 45 s with n01 as candidate, its queries sent. */
    static TargetAccount account(
            RackscopeConfig config,
            List<CheckUnit> units,
            List<String> sent,
            java.util.function.Function<String, QueryResult> answers) {
        return TargetAccount.read(
                        config,
                        units,
                        "sim:9100",
                        45,
                        Long.MIN_VALUE,
                        Set.of("n01"),
                        Set.of(),
                        q -> {
                            sent.add(q);
                            return CompletableFuture.completedFuture(answers.apply(q));
                        })
                .join();
    }

    /**
     * A candidate's rack is read without its nodes' series (the candidate's come with it, the
     * others' are no candidates'), and the PDU's series lost at the last scrape is counted as the
     * rack's.
     */
    @Test
    void aRackIsReadWithoutItsNodesSeriesAndItsOwnSeriesAccountForTheLoss() {
        List<String> sent = new ArrayList<>();
        TargetAccount account = rackAccount(sent, false);
        assertTrue(
                sent.contains("{rack_id=~\"rk\",instance!~\"n01|n02|n03|n04|n05|n06\"}[45s]"),
                "the rack's own series only " + sent);
        assertTrue(account.moved().contains("rk"), "the PDU's series accounts for the loss");
    }

    /**
     * A neighbour's series that went (n02, no candidate, no sentinel saw it) leaves the account
     * unbalanced until the rack is read whole, its other nodes' series too.
     */
    @Test
    void aNeighbourMovingUnseenIsFoundByReadingItsRackWhole() {
        List<String> sent = new ArrayList<>();
        TargetAccount account = rackAccount(sent, true);
        assertNull(account.moved(), "the rack's own series did not move");
        sent.clear();
        TargetAccount whole = account.withNeighbours().join();
        assertEquals(List.of("{rack_id=~\"rk\"}[45s]"), sent);
        assertTrue(whole.moved().contains("n02"), "n02's temperature accounts for the loss");
    }
}
