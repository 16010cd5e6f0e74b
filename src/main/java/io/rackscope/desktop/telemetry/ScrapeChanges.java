package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
 * from a scrape. On a change, the server's figures also name the targets whose figures moved or
 * that added series; while no target went away, the series of the others are where they were, and
 * the probes of entities that are targets of their own ask only of those that changed.
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

    private static final String SAMPLES = "scrape_samples_post_metric_relabeling";

    private final long marginMillis;
    private final String tag;
    private final String matchers;
    private final boolean byTarget;
    private long lastAt = NONE;
    // the figure compared from cycle to cycle: the samples kept; by target, how many targets
    private double lastSamples = Double.NaN;
    private double lastTargetCount = Double.NaN;
    // the instance labels of the server's targets, read again when their count moves
    private Set<String> targets;
    private boolean targetsStale = true;

    /**
     * What a cycle's figures say: every scraped series where it was ({@code unchanged}), or else
     * the {@code instance} labels of the targets that changed since the last cycle, null when a
     * change cannot be put down to targets still there (a first cycle, a target gone, no figures).
     */
    record Seen(boolean unchanged, Set<String> changedTargets, Set<String> targets) {
        static final Seen NOTHING = new Seen(false, null, Set.of());
        static final Seen SAME = new Seen(true, Set.of(), Set.of());

        /**
         * Whether the series labelled {@code instance} may have changed: always, unless nothing did
         * or it is a target of its own (its series, by Prometheus' default labels, are its own)
         * that did not change.
         */
        boolean mayHaveChanged(String instance) {
            return !unchanged
                    && (changedTargets == null
                            || changedTargets.contains(instance)
                            || !targets.contains(instance));
        }
    }

    /**
     * Every target of the server. {@code scrapeIntervalSeconds}: the window of series added reaches
     * this far before the last cycle too (a scrape running while it was asked is counted, not
     * missed).
     */
    ScrapeChanges(int scrapeIntervalSeconds) {
        this(scrapeIntervalSeconds, "", "", true);
    }

    /**
     * The targets {@code matchers} select (such as {@code job=~"slurm"}), its figures told apart
     * from others' in one answer by {@code tag}.
     */
    ScrapeChanges(int scrapeIntervalSeconds, String tag, String matchers) {
        this(scrapeIntervalSeconds, tag, matchers, false);
    }

    /**
     * {@code byTarget}: the figures also name the targets that changed, so that a change on some
     * targets leaves the others' series vouched for.
     */
    private ScrapeChanges(
            int scrapeIntervalSeconds, String tag, String matchers, boolean byTarget) {
        this.marginMillis = Math.max(1, scrapeIntervalSeconds) * 1000L;
        this.tag = tag;
        this.matchers = matchers;
        this.byTarget = byTarget;
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

    /** The query at {@code atMillis}: the figures, told apart by {@link #LABEL}. */
    synchronized String query(long atMillis) {
        String of = matchers.isEmpty() ? "" : "{" + matchers + "}";
        String samples = SAMPLES + of;
        boolean since = lastAt != NONE && atMillis > lastAt;
        if (byTarget) {
            List<String> parts = new ArrayList<>();
            if (since) {
                // each part reads every target's series once (what costs Prometheus most here):
                // from one scrape before the last cycle (a scrape that ran while it was asked,
                // written after, is counted, never missed), and one more so that a change at the
                // window's first sample has the sample before it
                String window =
                        "["
                                + Math.floorDiv(atMillis - lastAt + 2 * marginMillis + 999, 1000)
                                + "s]";
                parts.add(
                        tagged(
                                "max by (instance) (changes(" + samples + window + ") > 0)",
                                "target"));
                parts.add(
                        tagged(
                                "max by (instance) (sum_over_time(scrape_series_added"
                                        + of
                                        + window
                                        + ") > 0)",
                                "target"));
            }
            // the targets themselves when not known (they also count them), else their count
            parts.add(
                    targetsStale
                            ? tagged("group by (instance) (" + samples + ")", "instance")
                            : tagged("count(group by (instance) (" + samples + "))", "targets"));
            return String.join(" or ", parts);
        }
        long seconds =
                since
                        ? Math.max(1, Math.floorDiv(atMillis - lastAt + marginMillis + 999, 1000))
                        : 60;
        return tagged("sum(" + samples + ")", "samples")
                + " or "
                + tagged(
                        "sum(sum_over_time(scrape_series_added" + of + "[" + seconds + "s]))",
                        "added");
    }

    private String tagged(String expr, String figure) {
        return "label_replace("
                + expr
                + ", \""
                + LABEL
                + "\", \""
                + tag
                + figure
                + "\", \"\", \"\")";
    }

    /**
     * Reads the answer at {@code atMillis}: whether every scraped series is known to be where it
     * was at the last cycle read.
     */
    synchronized boolean unchanged(QueryResult r, long atMillis) {
        return seen(r, atMillis).unchanged();
    }

    /**
     * Reads the answer at {@code atMillis}: whether every scraped series is where it was at the
     * last cycle read, and if not, which targets changed when that is known. A target counts as
     * known to be unchanged only while the targets of one scrape before the last cycle are all
     * still there: the series of one that went away vanish without any figure of its own saying so.
     */
    synchronized Seen seen(QueryResult r, long atMillis) {
        double samples = Double.NaN;
        double added = Double.NaN;
        double targetCount = Double.NaN;
        boolean anonymous = false;
        Set<String> changed = new TreeSet<>();
        Set<String> instances = new java.util.HashSet<>();
        boolean instancesAnswered = false;
        for (Series s : r.series()) {
            String figure = s.label(LABEL);
            if (figure == null || !figure.startsWith(tag)) {
                continue;
            }
            String instance = s.label("instance");
            switch (figure.substring(tag.length())) {
                case "samples" -> samples = s.value();
                case "added" -> added = s.value();
                case "targets" -> targetCount = s.value();
                case "instance" -> {
                    instancesAnswered = true;
                    if (instance != null) {
                        instances.add(instance);
                    }
                }
                case "target" -> {
                    // a target without an instance label cannot be told from the others
                    anonymous |= instance == null;
                    if (instance != null) {
                        changed.add(instance);
                    }
                }
                default -> {}
            }
        }
        // a step back in time compares with nothing: the same figures may be made of other series
        boolean known = lastAt != NONE && atMillis > lastAt;
        lastAt = atMillis;
        if (!byTarget) {
            boolean same = known && !Double.isNaN(samples) && samples == lastSamples && added == 0;
            lastSamples = samples;
            return same ? Seen.SAME : Seen.NOTHING;
        }
        Set<String> knownTargets = targets;
        if (instancesAnswered) {
            targets = Set.copyOf(instances);
            targetCount = instances.size();
        }
        double before = lastTargetCount;
        lastTargetCount = targetCount;
        targetsStale =
                targets == null
                        || targetCount != targets.size()
                        || !targets.containsAll(changed)
                        || anonymous;
        // the targets known before this cycle, all still there: as many as then and at the last
        // cycle, and none changed that they do not name (a target that went away took its series
        // without a figure of its own saying so; one new in its place added series)
        boolean current =
                known
                        && knownTargets != null
                        && !instancesAnswered
                        && !targetsStale
                        && targetCount == before;
        if (!current) {
            return Seen.NOTHING;
        }
        return changed.isEmpty() ? Seen.SAME : new Seen(false, Set.copyOf(changed), targets);
    }

    /** The figures could not be read: the next cycle cannot compare with this one. */
    synchronized void unknown() {
        lastAt = NONE;
        lastSamples = Double.NaN;
        lastTargetCount = Double.NaN;
        targetsStale = true;
    }
}
