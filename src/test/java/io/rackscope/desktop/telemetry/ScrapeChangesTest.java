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
        assertTrue(c.query(0).contains("[60s]"), c.query(0));
        assertFalse(c.unchanged(answer(1000.0, 0.0), 0), "a first cycle has nothing to compare");
        assertTrue(
                c.query(30_000).contains("[45s]"),
                "since the last cycle and one scrape before it: " + c.query(30_000));
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
                slurm.query(0).contains("scrape_samples_post_metric_relabeling{job=~\"slurm\"}"),
                slurm.query(0));
        assertTrue(slurm.query(0).contains("scrape_series_added{job=~\"slurm\"}[60s]"));
        assertTrue(slurm.query(0).contains("\"slurm_samples\""));
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

    private static final String INSTANCES = "\"" + ScrapeChanges.LABEL + "\", \"instance\"";

    /**
     * The server's figures by target: the targets whose figures moved or that added series are
     * named, and the series of every other target of its own are vouched for; any doubt (a target
     * gone or new, the targets read again, one without an instance, no figures) vouches for none.
     */
    @Test
    void aChangeIsPutDownToTheTargetsThatMoved() {
        ScrapeChanges c = new TargetScrapes(15);
        String q = c.query(0);
        assertTrue(q.contains(INSTANCES), "the targets are not known yet: " + q);
        assertFalse(q.contains("changes("), "a first cycle has nothing to compare: " + q);
        Series three = of("targets", null, 3);
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(
                        figures(
                                three,
                                of("instance", "cn1", 1),
                                of("instance", "cn2", 1),
                                of("instance", "cn3", 1)),
                        0));
        q = c.query(30_000);
        assertTrue(
                q.contains("changes(scrape_samples_post_metric_relabeling[60s]) > 0"),
                "since one scrape before the last cycle, and one more: " + q);
        assertTrue(q.contains("sum_over_time(scrape_series_added[60s]) > 0"), q);
        assertFalse(q.contains(INSTANCES), "the targets are known: " + q);
        assertEquals(ScrapeChanges.Seen.SAME, c.seen(figures(three), 30_000));
        ScrapeChanges.Seen seen = c.seen(figures(of("target", "cn2", 1), three), 60_000);
        assertEquals(Set.of("cn2"), seen.changedTargets());
        assertFalse(seen.mayHaveChanged("cn1"), "a target of its own that did not move");
        assertTrue(seen.mayHaveChanged("cn2"));
        assertTrue(
                seen.mayHaveChanged("cn9"), "no target of its own: its series come from another");
        Series two = of("targets", null, 2);
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(figures(of("target", "cn3", 1), two), 90_000),
                "a target went away with its series");
        assertTrue(c.query(120_000).contains(INSTANCES), "read again when they count otherwise");
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(figures(two, of("instance", "cn1", 1), of("instance", "cn3", 1)), 120_000),
                "read again in this cycle: one may have gone since the last");
        assertEquals(ScrapeChanges.Seen.SAME, c.seen(figures(two), 150_000));
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(figures(of("target", "cn4", 1), two), 180_000),
                "a target not known changed: one new, maybe in the place of one gone");
        c.seen(figures(two, of("instance", "cn1", 1), of("instance", "cn3", 1)), 210_000);
        c.seen(figures(two), 240_000);
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(figures(of("target", null, 1), two), 270_000),
                "a target without an instance label");
        assertEquals(ScrapeChanges.Seen.NOTHING, c.seen(figures(), 300_000), "no figures at all");
        c.seen(figures(two), 330_000);
        assertEquals(ScrapeChanges.Seen.SAME, c.seen(figures(two), 360_000));
        assertEquals(
                ScrapeChanges.Seen.NOTHING,
                c.seen(figures(two), 200_000),
                "a step back in time compares with nothing");
        assertFalse(
                new SummedScrapes(15, "slurm_", "job=\"slurm\"").query(30_000).contains("changes("),
                "only the server's figures name targets");
    }
}
