package io.rackscope.desktop.telemetry;

import java.util.List;

/**
 * The scrape figures of some targets summed (Slurm's): the same sum of samples kept and nothing
 * added since the last cycle means none of their series vanished or appeared. It cannot say which
 * target changed.
 */
final class SummedScrapes extends ScrapeChanges {
    private double lastSamples = Double.NaN;

    /**
     * The targets {@code matchers} select, told apart from others' in one answer by {@code tag}.
     */
    SummedScrapes(int scrapeIntervalSeconds, String tag, String matchers) {
        super(scrapeIntervalSeconds, tag, matchers);
    }

    @Override
    List<Part> parts(long sinceMillis, String of) {
        long seconds =
                sinceMillis >= 0
                        ? Math.max(1, Math.floorDiv(sinceMillis + marginMillis + 999, 1000))
                        : 60;
        // two sums, one series each: marked in the query, asked as one
        return List.of(
                new Part(
                        tagged("sum(" + SAMPLES + of + ")", "samples")
                                + " or "
                                + tagged(
                                        "sum(sum_over_time(scrape_series_added"
                                                + of
                                                + "["
                                                + seconds
                                                + "s]))",
                                        "added"),
                        null));
    }

    @Override
    Seen judge(Figures f, boolean known) {
        boolean same =
                known && !Double.isNaN(f.samples()) && f.samples() == lastSamples && f.added() == 0;
        lastSamples = f.samples();
        return same ? Seen.SAME : Seen.NOTHING;
    }

    @Override
    void forget() {
        lastSamples = Double.NaN;
    }
}
