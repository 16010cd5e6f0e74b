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
        return scraped(Map.of("__name__", metric, "instance", "n01"), at);
    }

    /** A series of {@code labels} present at the scrapes {@code at} says. */
    static Series scraped(Map<String, String> labels, int... at) {
        double[] t = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            t[i] = SCRAPES[at[i]];
        }
        return new Series(labels, t, new double[at.length]);
    }

    static Set<String> moved(List<Series> figures, List<Series> candidates) {
        return ScrapeAccount.moved(figures, candidates, List.of());
    }

    /** A Slurm job's series on {@code node} present at the scrapes {@code at} says. */
    static Series job(String id, String node, int... at) {
        return scraped(Map.of("__name__", "slurm_job_nodes", "job_id", id, "node", node), at);
    }

    /** Job 9 on c03 with a sample at a time none of the target's scrapes has. */
    static Series jobOfAnotherTarget() {
        return new Series(
                Map.of("__name__", "slurm_job_nodes", "job_id", "9", "node", "c03"),
                new double[] {1031},
                new double[1]);
    }

    @Test
    void scrapesTheCycleBeforeSawAreNotCountedAgain() {
        // scrape 1: a series no candidate has went (a move the cycle before showed, if it saw it);
        // scrape 2: n01's temperature went
        List<Series> figures = figures(new double[] {12, 11, 10}, new double[3]);
        List<Series> candidates = List.of(candidate("temp", 0, 1), candidate("up", 0, 1, 2));
        assertNull(moved(figures, candidates), "scrape 1's loss is no candidate's");
        long second = Math.round(SCRAPES[1] * 1000);
        assertEquals(
                Set.of("temp", "n01"),
                ScrapeAccount.moved(figures, candidates, List.of(), second),
                "the cycle before saw scrape 1: only scrape 2 is counted");
        assertNull(
                ScrapeAccount.moved(figures, candidates, List.of(), second - 1),
                "a cycle before that saw only scrape 0 did not show scrape 1's loss");
        assertEquals(second + 15_000, ScrapeAccount.lastScrape(figures));
        assertEquals(
                Set.of(),
                ScrapeAccount.moved(figures, candidates, List.of(), second + 15_000),
                "no scrape since the last one seen: nothing moved");
    }

    @Test
    void jobsComingAndGoingAreCountedButNameNoEntity() {
        // scrape 1: n01's temperature and job 7 went, job 8 came; scrape 2: job 9 came
        List<Series> figures = figures(new double[] {10, 9, 10}, new double[] {0, 1, 1});
        List<Series> candidates = List.of(candidate("temp", 0), candidate("up", 0, 1, 2));
        List<Series> jobs = List.of(job("7", "c01", 0), job("8", "c02", 1, 2), job("9", "c03", 2));
        assertEquals(Set.of("temp", "n01"), ScrapeAccount.moved(figures, candidates, jobs));
        assertNull(moved(figures, candidates), "without the jobs, the moves are not all told");
        // a job series of another target (samples at other times) counts for nothing
        Series elsewhere = jobOfAnotherTarget();
        assertNull(
                ScrapeAccount.moved(
                        figures,
                        candidates,
                        List.of(job("7", "c01", 0), job("8", "c02", 1, 2), elsewhere)));
    }

    @Test
    void theSeriesInTheLastScrapeAreThoseWithASampleAtIt() {
        List<Series> figures = figures(new double[] {10, 9, 10}, new double[] {0, 1, 1});
        Series gone = job("7", "c01", 0, 1);
        Series come = job("9", "c03", 2);
        Series stays = job("8", "c02", 0, 1, 2);
        assertEquals(
                List.of(come, stays),
                ScrapeAccount.inLastScrape(figures, List.of(gone, come, stays)));
        Series elsewhere = jobOfAnotherTarget();
        assertNull(
                ScrapeAccount.inLastScrape(figures, List.of(stays, elsewhere)),
                "a series of another target: what is in its last scrape cannot be told");
    }

    @Test
    void theJobsThatMovedAreFoundByTheirSampleCountsThenRead() {
        assertEquals(
                "count_over_time({__name__=\"slurm_job_nodes\"}[45s])"
                        + " < scalar(count_over_time(scrape_samples_post_metric_relabeling"
                        + "{instance=\"sim:9100\"}[45s]))",
                ScrapeAccount.changedQuery("slurm_job_nodes", "sim:9100", 45));
        List<Series> changed =
                List.of(
                        new Series(
                                Map.of("job_id", "7", "node", "c01"), new double[1], new double[1]),
                        new Series(
                                Map.of("job_id", "8", "node", "c02", "partition", "gpu"),
                                new double[1],
                                new double[1]));
        assertEquals(
                "{__name__=\"slurm_job_nodes\",job_id=~\"7|8\",node=~\"c01|c02\"}[45s]",
                ScrapeAccount.samplesQuery("slurm_job_nodes", changed, 45, 1000));
        assertNull(ScrapeAccount.samplesQuery("slurm_job_nodes", changed, 45, 40), "too long");
        assertNull(ScrapeAccount.samplesQuery("slurm_job_nodes", List.of(), 45, 1000));
    }

    @Test
    void aCandidatesSeriesThatVanishedAccountsForTheTargetsLoss() {
        assertNotNull(
                moved(
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
                moved(
                        figures(new double[] {10, 8, 8}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0), candidate("up", 0, 1, 2), chassis)));
    }

    @Test
    void aLossBesideTheCandidatesDoesNot() {
        assertNull(
                moved(
                        figures(new double[] {10, 8, 8}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0), candidate("up", 0, 1, 2))));
    }

    @Test
    void aSeriesComingWhileAnotherGoesIsToldByTheSeriesAdded() {
        // the count stands still: n01's temperature came back as another series went
        assertNull(
                moved(
                        figures(new double[] {10, 10, 10}, new double[] {0, 1, 0}),
                        List.of(candidate("temp", 1, 2))));
        assertNotNull(
                moved(
                        figures(new double[] {9, 10, 10}, new double[] {0, 1, 0}),
                        List.of(candidate("temp", 1, 2))));
    }

    @Test
    void aFlapBetweenTwoCyclesIsAccountedScrapeByScrape() {
        assertNotNull(
                moved(
                        figures(new double[] {10, 9, 10}, new double[] {0, 0, 1}),
                        List.of(candidate("temp", 0, 2))));
        // the same counts, but the series that came back is not the candidate's
        assertNull(
                moved(
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
                moved(
                        figures(new double[] {10, 9, 9}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0), elsewhere)));
    }

    @Test
    void whatCannotBeToldDoesNotAccount() {
        // after a failed (empty) scrape Prometheus counts no series added
        assertNull(
                moved(
                        figures(new double[] {10, 0, 10}, new double[] {0, 0, 0}),
                        List.of(candidate("temp", 0, 2))));
        // two targets of one instance label
        List<Series> twice =
                new java.util.ArrayList<>(figures(new double[] {10, 9, 9}, new double[] {0, 0, 0}));
        twice.addAll(figures(new double[] {5, 5, 5}, new double[] {0, 0, 0}));
        assertNull(moved(twice, List.of(candidate("temp", 0))));
        // one scrape only: nothing to compare
        assertNull(
                moved(
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
