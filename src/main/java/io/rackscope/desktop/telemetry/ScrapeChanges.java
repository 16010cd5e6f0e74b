package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether any scrape of a Prometheus changed the set of series it holds since the last cycle, from
 * Prometheus' own figures for each target: the samples it kept ({@code
 * scrape_samples_post_metric_relabeling}) and the series new to it ({@code scrape_series_added}). A
 * series that vanishes from a scrape lowers its target's count (a target that stops or goes away
 * takes its count with it); one that appears is added; so the same counts and nothing added means
 * every scraped series is where it was. Then the presence probes of {@code for:} checks have
 * nothing to find and are not sent. Anything else (a change, a first cycle, a server without these
 * series, an error) says "changed", and the probes are sent as always: this only ever saves
 * queries, it never hides a vanished series that comes from a scrape. {@link SummedScrapes} reads
 * the figures summed (Slurm's targets), {@link TargetScrapes} by target (the server's).
 */
abstract sealed class ScrapeChanges permits SummedScrapes, TargetScrapes {
    static final String LABEL = "rackscope_scrapes";
    static final String SAMPLES = "scrape_samples_post_metric_relabeling";
    private static final long NONE = Long.MIN_VALUE;

    private static final java.util.regex.Pattern QUOTED =
            java.util.regex.Pattern.compile(
                    "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final java.util.regex.Pattern RANGE =
            java.util.regex.Pattern.compile("\\[[^\\]]*]");
    private static final java.util.regex.Pattern RECORDED =
            java.util.regex.Pattern.compile("(?<![\\w:])[a-zA-Z_][\\w]*:[\\w:]*");

    /** A scrape interval, in milliseconds: how far before the last cycle the windows reach. */
    final long marginMillis;

    private final String tag;
    private final String matchers;
    private long lastAt = NONE;
    private long sinceMillis = -1;

    /**
     * What a cycle's figures say: every scraped series where it was ({@code unchanged}), or else
     * the {@code instance} labels of the targets that changed since the last cycle, null when a
     * change cannot be put down to targets still there (a first cycle, a target gone, no figures).
     */
    record Seen(
            boolean unchanged,
            Set<String> changedTargets,
            Set<String> targets,
            Set<String> moved,
            Map<String, Set<String>> metricsAtLastScrape) {
        static final Seen NOTHING = new Seen(false, null, Set.of(), null, null);
        static final Seen SAME = new Seen(true, Set.of(), Set.of(), null, null);

        Seen(boolean unchanged, Set<String> changedTargets, Set<String> targets) {
            this(unchanged, changedTargets, targets, null, null);
        }

        /**
         * The same, knowing that the series of no entity but those {@code moved} (of any scope) may
         * have vanished or appeared: the targets that changed are all accounted for.
         */
        Seen narrowedTo(Set<String> moved) {
            return narrowedTo(moved, null);
        }

        /**
         * As above, knowing too which metrics some nodes had in the last scrape of the target that
         * serves them ({@code metricsAtLastScrape}, by instance; null when not known): their
         * presence needs no probe (see {@link TargetAccount#metricsInLastScrape}).
         */
        Seen narrowedTo(Set<String> moved, Map<String, Set<String>> metricsAtLastScrape) {
            return new Seen(
                    unchanged,
                    changedTargets,
                    targets,
                    Set.copyOf(moved),
                    metricsAtLastScrape == null ? null : Map.copyOf(metricsAtLastScrape));
        }

        /** Whether entities of every scope can be told apart ({@link #narrowedTo}). */
        boolean narrowsEveryScope() {
            return !unchanged && moved != null;
        }

        /**
         * Whether the series labelled {@code instance} may have changed: always, unless nothing
         * did, or it is a target of its own (its series, by Prometheus' default labels, are its
         * own) that did not change, or the changes are accounted for elsewhere.
         */
        boolean mayHaveChanged(String instance) {
            if (!unchanged && moved != null) {
                return moved.contains(instance);
            }
            return !unchanged
                    && (changedTargets == null
                            || changedTargets.contains(instance)
                            || !targets.contains(instance));
        }

        /**
         * Whether {@code instance} is a target of the server whose figures did not move: then its
         * own {@code up}, which Prometheus writes, did not either. An {@code up} series of another
         * name (a federated one, say, under {@code honor_labels}) is a scraped value like any
         * other, and may move while every count stays still.
         */
        boolean outcomeUnchanged(String instance) {
            return targets.contains(instance)
                    && (unchanged || changedTargets != null && !changedTargets.contains(instance));
        }
    }

    /**
     * One answer's figures, by kind: summed, or by target ({@code changed}: the targets that added
     * series; {@code counts}: each target's samples kept now, by instance label, null when not
     * asked).
     */
    record Figures(
            double samples,
            double added,
            Set<String> changed,
            boolean anonymous,
            Map<String, Double> counts) {}

    /**
     * The targets {@code matchers} select (all when empty), their figures told apart from others'
     * in one answer by {@code tag}; {@code scrapeIntervalSeconds}: the windows reach this far
     * before the last cycle too (a scrape running while it was asked is counted, not missed).
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

    /**
     * Whether {@code expr} gives labels values of other labels ({@code label_replace}, {@code
     * label_join}): a series' own labels may then not name the entity it is read for.
     */
    static boolean renamesLabels(String expr) {
        String bare = QUOTED.matcher(expr).replaceAll("\"\"");
        return bare.contains("label_replace") || bare.contains("label_join");
    }

    /**
     * Whether {@code expr} reads nothing but {@code up} at the moment it is asked: no range, no
     * offset, no other series, no function of time, only comparisons and the aggregations that keep
     * the instance. {@code up} is the outcome of its target's last scrape, and a scrape that fails
     * keeps no sample, one that succeeds again keeps them: its value moves only when its target's
     * figures do (see {@link CheckUnit} for the target that keeps none either way).
     */
    static boolean readsOnlyScrapeOutcome(String expr) {
        String bare = QUOTED.matcher(expr).replaceAll("\"\"");
        if (bare.contains("[") || bare.contains("@")) {
            return false;
        }
        bare = MATCHERS.matcher(bare).replaceAll("");
        bare = GROUPING.matcher(bare).replaceAll("");
        java.util.regex.Matcher words = WORD.matcher(bare);
        boolean up = false;
        while (words.find()) {
            String w = words.group();
            if (w.equals("up")) {
                up = true;
            } else if (!OUTCOME_WORDS.contains(w)) {
                return false;
            }
        }
        return up;
    }

    /**
     * Whether {@code expr} reads a series Prometheus writes for every target itself ({@code up},
     * {@code scrape_*}): those are there whether or not the target keeps any sample.
     */
    static boolean readsTargetSeries(String expr) {
        String bare = MATCHERS.matcher(QUOTED.matcher(expr).replaceAll("\"\"")).replaceAll("");
        java.util.regex.Matcher words = WORD.matcher(bare);
        while (words.find()) {
            if (words.group().equals("up") || words.group().startsWith("scrape_")) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern MATCHERS =
            java.util.regex.Pattern.compile("\\{[^}]*}");
    private static final java.util.regex.Pattern GROUPING =
            java.util.regex.Pattern.compile(
                    "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final java.util.regex.Pattern WORD =
            java.util.regex.Pattern.compile("[a-zA-Z_:][\\w:]*");
    private static final Set<String> OUTCOME_WORDS =
            Set.of("min", "max", "sum", "avg", "count", "group", "bool", "and", "or", "unless");

    /**
     * One query of the figures: its answer is the figure {@code figure} (marked here, {@link
     * #tagged(Part, List)}), or, when null, figures the query marks itself ({@link #tagged(String,
     * String)}).
     */
    record Part(String expr, String figure) {}

    /**
     * The queries at {@code atMillis}: the figures, told apart by {@link #LABEL} once each answer
     * is {@linkplain #tagged(Part, List) tagged}.
     */
    final synchronized List<Part> queries(long atMillis) {
        String of = matchers.isEmpty() ? "" : "{" + matchers + "}";
        return parts(lastAt != NONE && atMillis > lastAt ? atMillis - lastAt : -1, of);
    }

    /**
     * The figures' queries, {@code sinceMillis} after the last cycle read (-1: none to compare
     * with), of the series {@code of} selects.
     */
    abstract List<Part> parts(long sinceMillis, String of);

    /** {@code answer}, the answer of {@code part}, marked as its figure. */
    final List<Series> tagged(Part part, List<Series> answer) {
        if (part.figure() == null) {
            return answer;
        }
        List<Series> out = new ArrayList<>(answer.size());
        for (Series s : answer) {
            Map<String, String> labels = new HashMap<>(s.labels());
            labels.put(LABEL, tag + part.figure());
            out.add(new Series(labels, s.timestamps(), s.values()));
        }
        return out;
    }

    /** {@code expr}'s answer marked as {@code figure} by Prometheus. */
    final String tagged(String expr, String figure) {
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
    final synchronized boolean unchanged(QueryResult r, long atMillis) {
        return seen(r, atMillis).unchanged();
    }

    /**
     * Reads the answer at {@code atMillis}: whether every scraped series is where it was at the
     * last cycle read, and if not, which targets changed when that is known.
     */
    final synchronized Seen seen(QueryResult r, long atMillis) {
        double samples = Double.NaN;
        double added = Double.NaN;
        boolean anonymous = false;
        Set<String> changed = new TreeSet<>();
        Map<String, Double> counts = null;
        for (Series s : r.series()) {
            String figure = s.label(LABEL);
            if (figure == null || !figure.startsWith(tag)) {
                continue;
            }
            String instance = s.label("instance");
            switch (figure.substring(tag.length())) {
                case "samples" -> samples = s.value();
                case "added" -> added = s.value();
                case "count" -> {
                    counts = counts == null ? new HashMap<>() : counts;
                    anonymous |= instance == null;
                    if (instance != null) {
                        // two targets of one instance label (two jobs on one host) count together
                        counts.merge(instance, s.value(), Double::sum);
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
        sinceMillis = known ? atMillis - lastAt : -1;
        lastAt = atMillis;
        return judge(new Figures(samples, added, changed, anonymous, counts), known);
    }

    /**
     * What {@code f} says against the last cycle's figures ({@code known}: there are some to
     * compare with), which it then keeps.
     */
    abstract Seen judge(Figures f, boolean known);

    /** How long before the last figures read the ones before them were (-1: none). */
    final synchronized long sinceMillis() {
        return sinceMillis;
    }

    /** The figures could not be read: the next cycle cannot compare with this one. */
    final synchronized void unknown() {
        lastAt = NONE;
        sinceMillis = -1;
        forget();
    }

    /** Drops what the last figures said. */
    abstract void forget();
}
