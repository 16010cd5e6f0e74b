package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prometheus' scrape figures vouching that no scraped series vanished or appeared. */
class ScrapeChangesTest {
    /** The queries at {@code atMillis}, as one text to look into. */
    static String query(ScrapeChanges c, long atMillis) {
        return String.join(
                " ; ", c.queries(atMillis).stream().map(ScrapeChanges.Part::expr).toList());
    }

    static QueryResult answer(Double samples, Double added) {
        List<Series> out = new ArrayList<>();
        if (samples != null) {
            out.add(series("samples", samples));
        }
        if (added != null) {
            out.add(series("added", added));
        }
        return new QueryResult("vector", out, List.of(), List.of(), 0);
    }

    static Series series(String kind, double v) {
        return new Series(Map.of(ScrapeChanges.LABEL, kind), new double[] {0}, new double[] {v});
    }

    @Test
    void onlyTheSameCountWithNothingAddedVouches() {
        ScrapeChanges c = new SummedScrapes(15, "", "");
        assertTrue(query(c, 0).contains("[60s]"), query(c, 0));
        assertFalse(c.unchanged(answer(1000.0, 0.0), 0), "a first cycle has nothing to compare");
        assertTrue(
                query(c, 30_000).contains("[45s]"),
                "since the last cycle and one scrape before it: " + query(c, 30_000));
        assertTrue(c.unchanged(answer(1000.0, 0.0), 30_000));
        assertFalse(c.unchanged(answer(999.0, 0.0), 60_000), "a series vanished");
        assertFalse(c.unchanged(answer(999.0, 1.0), 90_000), "one vanished and one appeared");
        assertTrue(c.unchanged(answer(999.0, 0.0), 120_000));
        assertFalse(c.unchanged(answer(999.0, null), 150_000), "no figure of series added");
        assertFalse(c.unchanged(answer(null, 0.0), 180_000), "no count: a server without them");
        assertFalse(
                c.unchanged(answer(999.0, 0.0), 100_000),
                "a step back in time: the same count may be made of other series");
        c.unknown();
        assertFalse(c.unchanged(answer(999.0, 0.0), 210_000), "after an error, nothing to compare");
    }

    @Test
    void aRecordingRulesSeriesIsNotVouchedForByScrapes() {
        assertTrue(
                ScrapeChanges.readsRecordedSeries(
                        "instance:node_cpu:rate5m{instance=~\"$instances\"} > 0.9"));
        assertTrue(ScrapeChanges.readsRecordedSeries("max by (instance) (job:up:sum)"));
        assertFalse(
                ScrapeChanges.readsRecordedSeries(
                        "node_temperature_celsius{instance=~\"$instances\"}"));
        assertFalse(
                ScrapeChanges.readsRecordedSeries(
                        "max_over_time(up{instance=\"host:9100\"}[5m:1m])"),
                "a colon in a label value or a subquery is not a rule's name");
    }

    @Test
    void aCheckOfScrapeOutcomesReadsNothingButUpAtItsMoment() {
        for (String e :
                List.of(
                        "up{instance=~\"$instances\"}",
                        "up{job=\"node\", instance=~\"$instances\"} == 0",
                        "min by (instance) (up{instance=~\"$instances\"}) < bool 1",
                        "up{instance=~\"$instances\", job=~\"rate|offset\"}")) {
            assertTrue(ScrapeChanges.readsOnlyScrapeOutcome(e), e);
        }
        for (String e :
                List.of(
                        "node_load1{instance=~\"$instances\"}",
                        "up{instance=~\"$instances\"} * on (instance) node_ok",
                        "changes(up{instance=~\"$instances\"}[5m]) > 3",
                        "up{instance=~\"$instances\"} offset 1m",
                        "up{instance=~\"$instances\"} @ 1700000000",
                        "absent(up{instance=~\"$instances\"})",
                        "up{instance=~\"$instances\"} and on () hour() > 8",
                        "up{instance=~\"$instances\"} > 1e0",
                        "upper{instance=~\"$instances\"}")) {
            assertFalse(ScrapeChanges.readsOnlyScrapeOutcome(e), e);
        }
    }

    @Test
    void prometheusOwnSeriesOfEveryTargetAreToldFromAnExportersSamples() {
        assertTrue(ScrapeChanges.readsTargetSeries("up{instance=~\"$instances\"}"));
        assertTrue(ScrapeChanges.readsTargetSeries("scrape_samples_scraped{instance=\"a\"} == 0"));
        assertTrue(ScrapeChanges.readsTargetSeries("node_ok{instance=\"a\"} or up"));
        assertFalse(ScrapeChanges.readsTargetSeries("temp_celsius{instance=~\"$instances\"}"));
        assertFalse(ScrapeChanges.readsTargetSeries("node_ok{job=\"up\", instance=\"a\"}"));
    }

    /**
     * The figures of some targets only, in the same answer as the whole server's: each reads its
     * own series, told apart by its tag.
     */
    @Test
    void aTrackerOfSomeTargetsReadsOnlyItsOwnFigures() {
        ScrapeChanges slurm = new SummedScrapes(15, "slurm_", "job=~\"slurm\"");
        assertTrue(
                query(slurm, 0).contains("scrape_samples_post_metric_relabeling{job=~\"slurm\"}"),
                query(slurm, 0));
        assertTrue(query(slurm, 0).contains("scrape_series_added{job=~\"slurm\"}[60s]"));
        assertTrue(query(slurm, 0).contains("\"slurm_samples\""));
        List<Series> both = new ArrayList<>(answer(5000.0, 3.0).series());
        both.add(series("slurm_samples", 400));
        both.add(series("slurm_added", 0));
        QueryResult r = new QueryResult("vector", both, List.of(), List.of(), 0);
        slurm.unchanged(r, 0);
        ScrapeChanges all = new SummedScrapes(15, "", "");
        all.unchanged(r, 0);
        assertTrue(slurm.unchanged(r, 30_000), "Slurm's targets stood still");
        assertFalse(all.unchanged(r, 30_000), "while series appeared elsewhere");
    }

    static QueryResult figures(Series... all) {
        return new QueryResult("vector", List.of(all), List.of(), List.of(), 0);
    }

    static Series of(String kind, String instance, double v) {
        Map<String, String> labels =
                instance == null
                        ? Map.of(ScrapeChanges.LABEL, kind)
                        : Map.of(ScrapeChanges.LABEL, kind, "instance", instance);
        return new Series(labels, new double[] {0}, new double[] {v});
    }

    static QueryResult counts(Map<String, Double> byTarget, Series... more) {
        List<Series> out = new ArrayList<>(List.of(more));
        byTarget.forEach((instance, v) -> out.add(of("count", instance, v)));
        return new QueryResult("vector", out, List.of(), List.of(), 0);
    }

    /** Each query's answer, as Prometheus sends it, marked as its figure here before it is read. */
    @Test
    void theAnswersOfTheTwoQueriesAreMarkedAsTheirFiguresAndReadTogether() {
        ScrapeChanges c = new TargetScrapes(15);
        List<Series> first = new ArrayList<>();
        for (ScrapeChanges.Part p : c.queries(0)) {
            first.addAll(c.tagged(p, List.of(scraped("cn1", 6), scraped("cn2", 6))));
        }
        c.seen(new QueryResult("vector", first, List.of(), List.of(), 0), 0);
        List<ScrapeChanges.Part> parts = c.queries(30_000);
        assertEquals(2, parts.size(), parts.toString());
        List<Series> both = new ArrayList<>();
        for (ScrapeChanges.Part p : parts) {
            List<Series> answer =
                    p.figure().equals("target")
                            ? List.of(
                                    new Series(
                                            Map.of("instance", "cn2"),
                                            new double[] {0},
                                            new double[] {1}))
                            : List.of(scraped("cn1", 6), scraped("cn2", 6));
            both.addAll(c.tagged(p, answer));
        }
        ScrapeChanges.Seen seen =
                c.seen(new QueryResult("vector", both, List.of(), List.of(), 0), 30_000);
        assertEquals(
                Set.of("cn2"), seen.changedTargets(), "cn2 added a series, its count the same");
        assertTrue(seen.outcomeUnchanged("cn1"));
    }

    private static Series scraped(String instance, double samples) {
        return new Series(
                Map.of(
                        "__name__",
                        "scrape_samples_post_metric_relabeling",
                        "instance",
                        instance,
                        "job",
                        "node"),
                new double[] {0},
                new double[] {samples});
    }

    /**
     * The server's figures by target: the targets whose count moved since the last cycle or that
     * added series are named, and the series of every other target of its own are vouched for; any
     * doubt (a target gone or new, one without an instance, no counts) vouches for none.
     */
    @Test
    void aChangeIsPutDownToTheTargetsThatMoved() {
        ScrapeChanges c = new TargetScrapes(15);
        assertEquals(
                List.of(new ScrapeChanges.Part("scrape_samples_post_metric_relabeling", "count")),
                c.queries(0),
                "the counts as they are, marked here");
        String q = query(c, 0);
        assertFalse(q.contains("scrape_series_added"), "a first read has nothing to compare: " + q);
        Map<String, Double> three = Map.of("cn1", 6.0, "cn2", 6.0, "cn3", 1.0);
        assertEquals(ScrapeChanges.Seen.NOTHING, c.seen(counts(three), 0));
        q = query(c, 30_000);
        assertTrue(
                q.contains("sum_over_time(scrape_series_added[45s]) > 0"),
                "since one scrape before the last cycle: " + q);
        assertFalse(q.contains("changes("), "the counts are compared here: " + q);
        assertTrue(c.seen(counts(three), 30_000).unchanged());
        ScrapeChanges.Seen same = c.seen(counts(three), 45_000);
        assertTrue(same.outcomeUnchanged("cn1"), "a target whose figures stood still");
        assertFalse(
                same.outcomeUnchanged("cn9"),
                "no target of its own: its up is another target's scraped series");
        ScrapeChanges.Seen seen =
                c.seen(counts(Map.of("cn1", 6.0, "cn2", 5.0, "cn3", 1.0)), 60_000);
        assertTrue(seen.outcomeUnchanged("cn1"));
        assertFalse(seen.outcomeUnchanged("cn2"), "its count fell");
        assertEquals(Set.of("cn2"), seen.changedTargets(), "cn2's count fell");
        assertFalse(seen.mayHaveChanged("cn1"), "a target of its own that did not move");
        assertTrue(seen.mayHaveChanged("cn2"));
        assertTrue(
                seen.mayHaveChanged("cn9"), "no target of its own: its series come from another");
        Map<String, Double> back = Map.of("cn1", 6.0, "cn2", 5.0, "cn3", 1.0);
        assertEquals(
                Set.of("cn3"),
                c.seen(counts(back, of("target", "cn3", 1)), 90_000).changedTargets(),
                "the same count, with a series added: one vanished as another came");
        assertTrue(c.seen(counts(back), 120_000).unchanged());
        Map<String, Double> two = Map.of("cn1", 6.0, "cn3", 1.0);
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(counts(two), 150_000),
                "a target went away with its series");
        assertTrue(c.seen(counts(two), 180_000).unchanged());
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(counts(Map.of("cn1", 6.0, "cn4", 1.0)), 210_000),
                "one new in the place of one gone");
        c.seen(counts(two), 240_000);
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(counts(two, of("target", "cn5", 1)), 270_000),
                "a target that added series without a count");
        c.seen(counts(two), 300_000);
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(counts(two, of("count", null, 3)), 330_000),
                "a target without an instance label");
        c.seen(counts(two), 360_000);
        assertEquals(ScrapeChanges.Seen.NOTHING, c.seen(figures(), 390_000), "no figures at all");
        c.seen(counts(two), 420_000);
        assertTrue(c.seen(counts(two), 450_000).unchanged());
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(counts(two), 200_000),
                "a step back in time compares with nothing");
        c.seen(counts(Map.of(), of("count", "cn1", 6), of("count", "cn1", 1)), 480_000);
        assertTrue(
                c.seen(counts(Map.of("cn1", 7.0)), 510_000).unchanged(),
                "two targets of one instance (two jobs on a host) count together");
        assertFalse(
                query(new SummedScrapes(15, "slurm_", "job=\"slurm\""), 30_000)
                        .contains("instance"),
                "only the server's figures name targets");
    }
}
