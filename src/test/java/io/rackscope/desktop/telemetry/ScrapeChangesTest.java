package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        ScrapeChanges c = new ScrapeChanges(15);
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
}
