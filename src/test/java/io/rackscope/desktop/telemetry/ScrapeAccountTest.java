package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rackscope.desktop.prometheus.Series;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScrapeAccountTest {
    // one target's scrapes, 15 s apart
    static final double[] SCRAPES = {1000.5, 1015.5, 1030.5};

    static List<Series> figures(double[] samples, double[] added) {
        return List.of(
                new Series(
                        Map.of("__name__", ScrapeChanges.SAMPLES, "instance", "sim:9100"),
                        SCRAPES.clone(),
                        samples),
                new Series(
                        Map.of("__name__", ScrapeAccount.ADDED, "instance", "sim:9100"),
                        SCRAPES.clone(),
                        added));
    }

    /** A candidate's series present at the scrapes {@code at} says (indexes into SCRAPES). */
    static Series candidate(String metric, int... at) {
        double[] t = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            t[i] = SCRAPES[at[i]];
        }
        return new Series(Map.of("__name__", metric, "instance", "n01"), t, new double[at.length]);
    }

    @Test
    void aCandidatesSeriesThatVanishedAccountsForTheTargetsLoss() {
        assertNotNull(
                ScrapeAccount.moved(
                        figures(new double[] {10, 9, 9}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0), candidate("up", 0, 1, 2))));
    }

    @Test
    void theEntitiesWhoseSeriesMovedAreNamedByTheirLabels() {
        Series chassis =
                new Series(
                        Map.of("__name__", "psu_ok", "chassis_id", "c7", "rack_id", "r1"),
                        new double[] {SCRAPES[0]},
                        new double[1]);
        assertEquals(
                Set.of("temp", "n01", "psu_ok", "c7", "r1"),
                ScrapeAccount.moved(
                        figures(new double[] {10, 8, 8}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0), candidate("up", 0, 1, 2), chassis)));
    }

    @Test
    void aLossBesideTheCandidatesDoesNot() {
        assertNull(
                ScrapeAccount.moved(
                        figures(new double[] {10, 8, 8}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0), candidate("up", 0, 1, 2))));
    }

    @Test
    void aSeriesComingWhileAnotherGoesIsToldByTheSeriesAdded() {
        // the count stands still: n01's temperature came back as another series went
        assertNull(
                ScrapeAccount.moved(
                        figures(new double[] {10, 10, 10}, new double[] {0, 1, 0}),
                        List.of(candidate("temp", 1, 2))));
        assertNotNull(
                ScrapeAccount.moved(
                        figures(new double[] {9, 10, 10}, new double[] {0, 1, 0}),
                        List.of(candidate("temp", 1, 2))));
    }

    @Test
    void aFlapBetweenTwoCyclesIsAccountedScrapeByScrape() {
        assertNotNull(
                ScrapeAccount.moved(
                        figures(new double[] {10, 9, 10}, new double[] {0, 0, 1}),
                        List.of(candidate("temp", 0, 2))));
        // the same counts, but the series that came back is not the candidate's
        assertNull(
                ScrapeAccount.moved(
                        figures(new double[] {10, 9, 10}, new double[] {0, 0, 1}),
                        List.of(candidate("temp", 0))));
    }

    @Test
    void aCandidateSeriesOfAnotherTargetIsLeftOut() {
        Series elsewhere =
                new Series(
                        Map.of("__name__", "ipmi", "instance", "n01"),
                        new double[] {1007},
                        new double[1]);
        assertNotNull(
                ScrapeAccount.moved(
                        figures(new double[] {10, 9, 9}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0), elsewhere)));
    }

    @Test
    void whatCannotBeToldDoesNotAccount() {
        // after a failed (empty) scrape Prometheus counts no series added
        assertNull(
                ScrapeAccount.moved(
                        figures(new double[] {10, 0, 10}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0, 2))));
        // two targets of one instance label
        List<Series> twice =
                new java.util.ArrayList<>(figures(new double[] {10, 9, 9}, new double[] {0, 0, 0}));
        twice.addAll(figures(new double[] {5, 5, 5}, new double[] {0, 0, 0}));
        assertNull(ScrapeAccount.moved(twice, List.of(candidate("temp", 0))));
        // one scrape only: nothing to compare
        assertNull(
                ScrapeAccount.moved(
                        List.of(
                                new Series(
                                        Map.of("__name__", ScrapeChanges.SAMPLES),
                                        new double[] {1000.5},
                                        new double[] {10}),
                                new Series(
                                        Map.of("__name__", ScrapeAccount.ADDED),
                                        new double[] {1000.5},
                                        new double[] {0})),
                        List.of()));
    }

    @Test
    void theQueriesReadTheTargetsFiguresAndTheCandidatesSeries() {
        assertEquals(
                "{__name__=~\"scrape_samples_post_metric_relabeling|scrape_series_added\","
                        + "instance=\"sim:9100\"}[45s]",
                ScrapeAccount.figuresQuery("sim:9100", 45));
        assertEquals(
                "{instance=~\"n\\\\.02|n01\"}[45s]",
                ScrapeAccount.candidatesQuery(
                        "instance", new java.util.TreeSet<>(Set.of("n01", "n.02")), 45));
    }
}
