package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;

/**
 * Whether any scrape of a Prometheus changed the set of series it holds since the last cycle, from
 * Prometheus' own figures for each target: the samples it kept ({@code
 * scrape_samples_post_metric_relabeling}, summed) and the series new to it ({@code
 * scrape_series_added}, summed over the time since). A series that vanishes from a scrape lowers
 * its target's count (a target that stops or goes away takes its count with it); one that appears
 * is added; so the same sum and nothing added means every scraped series is where it was. Then the
 * presence probes of {@code for:} checks have nothing to find and are not sent. Anything else (a
 * change, a first cycle, a server without these series, an error) says "changed", and the probes
 * are sent as always: this only ever saves queries, it never hides a vanished series that comes
 * from a scrape.
 */
final class ScrapeChanges {
    static final String LABEL = "rackscope_scrapes";
    private static final long NONE = Long.MIN_VALUE;

    private static final java.util.regex.Pattern QUOTED =
            java.util.regex.Pattern.compile(
                    "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final java.util.regex.Pattern RANGE =
            java.util.regex.Pattern.compile("\\[[^\\]]*]");
    private static final java.util.regex.Pattern RECORDED =
            java.util.regex.Pattern.compile("(?<![\\w:])[a-zA-Z_][\\w]*:[\\w:]*");

    private final long marginMillis;
    private final String tag;
    private final String matchers;
    private long lastAt = NONE;
    private double lastSamples = Double.NaN;

    /**
     * Every target of the server. {@code scrapeIntervalSeconds}: the window of series added reaches
     * this far before the last cycle too (a scrape running while it was asked is counted, not
     * missed).
     */
    ScrapeChanges(int scrapeIntervalSeconds) {
        this(scrapeIntervalSeconds, "", "");
    }

    /**
     * The targets {@code matchers} select (such as {@code job=~"slurm"}), its figures told apart
     * from others' in one answer by {@code tag}.
     */
    ScrapeChanges(int scrapeIntervalSeconds, String tag, String matchers) {
        this.marginMillis = Math.max(1, scrapeIntervalSeconds) * 1000L;
        this.tag = tag;
        this.matchers = matchers;
    }

    String matchers() {
        return matchers;
    }

    /**
     * Whether {@code expr} reads a recording rule's series (a metric name with a colon, by
     * Prometheus' convention): a rule's output can vanish without any scrape changing.
     */
    static boolean readsRecordedSeries(String expr) {
        String bare = QUOTED.matcher(expr).replaceAll("\"\"");
        bare = RANGE.matcher(bare).replaceAll("[]");
        return RECORDED.matcher(bare).find();
    }

    /** The query at {@code atMillis}: both figures, told apart by {@link #LABEL}. */
    synchronized String query(long atMillis) {
        long since =
                lastAt == NONE || atMillis <= lastAt
                        ? 60
                        : Math.max(1, Math.floorDiv(atMillis - lastAt + marginMillis + 999, 1000));
        String of = matchers.isEmpty() ? "" : "{" + matchers + "}";
        return "label_replace(sum(scrape_samples_post_metric_relabeling"
                + of
                + "), \""
                + LABEL
                + "\", \""
                + tag
                + "samples\", \"\", \"\") or label_replace(sum(sum_over_time(scrape_series_added"
                + of
                + "["
                + since
                + "s])), \""
                + LABEL
                + "\", \""
                + tag
                + "added\", \"\", \"\")";
    }

    /**
     * Reads the answer at {@code atMillis}: whether every scraped series is known to be where it
     * was at the last cycle read.
     */
    synchronized boolean unchanged(QueryResult r, long atMillis) {
        double samples = Double.NaN;
        double added = Double.NaN;
        for (Series s : r.series()) {
            if ((tag + "samples").equals(s.label(LABEL))) {
                samples = s.value();
            } else if ((tag + "added").equals(s.label(LABEL))) {
                added = s.value();
            }
        }
        boolean same =
                lastAt != NONE && !Double.isNaN(samples) && samples == lastSamples && added == 0;
        lastSamples = samples;
        lastAt = atMillis;
        return same;
    }

    /** The figures could not be read: the next cycle cannot compare with this one. */
    synchronized void unknown() {
        lastAt = NONE;
        lastSamples = Double.NaN;
    }
}
