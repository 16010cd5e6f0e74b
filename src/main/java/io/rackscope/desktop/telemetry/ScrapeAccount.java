package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.promql.PromQL;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether the series that appeared and vanished in one target's scrapes since the last cycle are
 * all series of a few named entities ({@code candidates}), so that every other series of that
 * target is where it was. A target that serves many entities (an exporter for a whole estate, a
 * simulator) changes whenever any of them does, and its figures alone cannot say which; but they
 * say, scrape by scrape, how many series vanished and appeared: with {@code C} the samples kept and
 * {@code A} the series new to a scrape (new since the scrape before: Prometheus forgets a series
 * missing from a successful scrape), scrape {@code k} lost {@code C(k-1) - C(k) + A(k)} series.
 * Reading the candidates' own samples over the same scrapes counts how many of those were theirs.
 * When every scrape's losses and gains are all theirs, no other series of the target moved, and the
 * entities whose series moved are named by those series' labels.
 *
 * <p>A series of the target has a sample at each of its scrapes' timestamps while it is there; a
 * candidate series with samples at other times comes from another target and is left out (only one
 * target is accounted for at a time, the others' figures having stood still). Anything that cannot
 * be told (a scrape after an empty one, two targets of one name, a figure missing) does not
 * account: the probes then go as they would have.
 */
final class ScrapeAccount {
    static final String ADDED = "scrape_series_added";

    private ScrapeAccount() {}

    /** The target's figures, scrape by scrape, over {@code windowSeconds} before the moment. */
    static String figuresQuery(String target, long windowSeconds) {
        return "{__name__=~\""
                + ScrapeChanges.SAMPLES
                + "|"
                + ADDED
                + "\",instance=\""
                + PromQL.quoted(target)
                + "\"}["
                + windowSeconds
                + "s]";
    }

    /**
     * Every sample over the same window of the series whose {@code label} is one of {@code ids}.
     */
    static String candidatesQuery(String label, Collection<String> ids, long windowSeconds) {
        return candidatesQuery(null, label, ids, windowSeconds);
    }

    /**
     * As above, less the series of {@code notInstances} (a device's or a rack's own series, not its
     * nodes').
     */
    static String holdersQuery(
            String label,
            Collection<String> ids,
            Collection<String> notInstances,
            long windowSeconds) {
        return "{"
                + label
                + "=~\""
                + PromQL.alternation(ids)
                + (notInstances.isEmpty()
                        ? ""
                        : "\",instance!~\"" + PromQL.alternation(notInstances))
                + "\"}["
                + windowSeconds
                + "s]";
    }

    /** As above, of {@code metric}'s series only (null: every metric's). */
    static String candidatesQuery(
            String metric, String label, Collection<String> ids, long windowSeconds) {
        return "{"
                + (metric == null ? "" : "__name__=\"" + PromQL.quoted(metric) + "\",")
                + label
                + "=~\""
                + PromQL.alternation(ids)
                + "\"}["
                + windowSeconds
                + "s]";
    }

    /**
     * The series of {@code metric} with fewer samples over the window than {@code target} has
     * scrapes: those that came or went in it (or are another target's). A series present throughout
     * has a sample at every scrape.
     */
    static String changedQuery(String metric, String target, long windowSeconds) {
        return "count_over_time({__name__=\""
                + PromQL.quoted(metric)
                + "\"}["
                + windowSeconds
                + "s]) < scalar(count_over_time("
                + ScrapeChanges.SAMPLES
                + "{instance=\""
                + PromQL.quoted(target)
                + "\"}["
                + windowSeconds
                + "s]))";
    }

    /**
     * Every sample over the window of the series of {@code metric} that share a value of each label
     * with one of {@code changed} (the answer of {@link #changedQuery}): theirs and a few more;
     * null when {@code changed} is empty or the query would exceed {@code maxBytes}.
     */
    static String samplesQuery(
            String metric, List<Series> changed, long windowSeconds, int maxBytes) {
        if (changed.isEmpty()) {
            return null;
        }
        Map<String, Set<String>> values = new TreeMap<>();
        for (Series s : changed) {
            s.labels().forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        StringBuilder q = new StringBuilder("{__name__=\"" + PromQL.quoted(metric) + "\"");
        values.forEach(
                (label, vs) -> {
                    // a label some lack may be empty in the others: left unmatched
                    if (!label.equals("__name__")
                            && changed.stream().allMatch(s -> s.label(label) != null)) {
                        q.append(',').append(label).append("=~\"");
                        q.append(PromQL.alternation(vs)).append('"');
                    }
                });
        q.append("}[").append(windowSeconds).append("s]");
        return q.length() > maxBytes ? null : q.toString();
    }

    /**
     * Whether {@code candidates} (the matrices of {@link #candidatesQuery}, a series in several
     * counted once) and {@code free} (series no check reads, whose coming and going tells of no
     * entity: a Slurm job's) account for every series that vanished or appeared in the scrapes
     * {@code figures} (the matrix of {@link #figuresQuery}) describe: then the values of every
     * label of the candidates' series that did (the entities they are about), else null.
     */
    static Set<String> moved(List<Series> figures, List<Series> candidates, List<Series> free) {
        return moved(figures, candidates, free, Long.MIN_VALUE);
    }

    /**
     * As above, of the scrapes after {@code seenUpTo} only (epoch ms): the last scrape the cycle
     * before saw, whose moves it showed already (the window reaches further back, in case a scrape
     * was written after the cycle asked).
     */
    static Set<String> moved(
            List<Series> figures, List<Series> candidates, List<Series> free, long seenUpTo) {
        Series samples = only(figures, ScrapeChanges.SAMPLES);
        Series added = only(figures, ADDED);
        if (samples == null || added == null || samples.timestamps().length == 0) {
            return null;
        }
        if (millis(samples.timestamps()[samples.timestamps().length - 1]) <= seenUpTo) {
            // no scrape since the last one seen (a cycle quicker than the scrapes): nothing moved
            return new HashSet<>();
        }
        if (samples.timestamps().length < 2) {
            return null;
        }
        Map<Long, Double> addedAt = new TreeMap<>();
        for (int i = 0; i < added.timestamps().length; i++) {
            addedAt.put(millis(added.timestamps()[i]), added.values()[i]);
        }
        long[] scrapes = scrapeTimes(samples);
        Map<Map<String, String>, Set<Long>> mine = ofTarget(candidates, scrapes);
        // every series counted, a candidate's once
        Map<Map<String, String>, Set<Long>> counted = ofTarget(free, scrapes);
        counted.putAll(mine);
        Set<String> moved = new HashSet<>();
        for (int k = 1; k < scrapes.length; k++) {
            if (scrapes[k] <= seenUpTo) {
                continue;
            }
            double before = samples.values()[k - 1];
            double now = samples.values()[k];
            Double a = addedAt.get(scrapes[k]);
            if (a == null || before <= 0) {
                // after an empty scrape Prometheus counts no series added: it cannot be told
                return null;
            }
            long gone = 0;
            long come = 0;
            for (Set<Long> at : counted.values()) {
                boolean was = at.contains(scrapes[k - 1]);
                boolean is = at.contains(scrapes[k]);
                gone += was && !is ? 1 : 0;
                come += !was && is ? 1 : 0;
            }
            for (Map.Entry<Map<String, String>, Set<Long>> series : mine.entrySet()) {
                Set<Long> at = series.getValue();
                if (at.contains(scrapes[k - 1]) != at.contains(scrapes[k])) {
                    series.getKey().forEach((name, value) -> moved.add(value));
                }
            }
            if (come != a || gone != before - now + a) {
                return null;
            }
        }
        return moved;
    }

    /**
     * Of {@code series} (one answer of {@link #candidatesQuery} or {@link #samplesQuery}), those in
     * the last scrape {@code figures} describe; null when one has samples at other times (another
     * target's) or the figures say no scrape.
     */
    static List<Series> inLastScrape(List<Series> figures, List<Series> series) {
        Series samples = only(figures, ScrapeChanges.SAMPLES);
        if (samples == null || samples.timestamps().length == 0) {
            return null;
        }
        long[] scrapes = scrapeTimes(samples);
        Map<Map<String, String>, Set<Long>> theirs = ofTarget(series, scrapes);
        if (theirs.size() != series.size()) {
            return null;
        }
        long last = scrapes[scrapes.length - 1];
        return series.stream().filter(s -> theirs.get(s.labels()).contains(last)).toList();
    }

    /** The one series named {@code name}; null when none or several (two targets of one name). */
    private static Series only(List<Series> figures, String name) {
        Series found = null;
        for (Series s : figures) {
            if (name.equals(s.label("__name__"))) {
                if (found != null) {
                    return null;
                }
                found = s;
            }
        }
        return found;
    }

    /**
     * The scrapes each candidate series was in, for the series of the target whose scrapes are
     * {@code scrapes}: those with no sample at any other time.
     */
    private static Map<Map<String, String>, Set<Long>> ofTarget(
            List<Series> candidates, long[] scrapes) {
        Set<Long> times = new HashSet<>();
        for (long t : scrapes) {
            times.add(t);
        }
        Map<Map<String, String>, Set<Long>> out = new HashMap<>();
        for (Series s : candidates) {
            Set<Long> at = new HashSet<>();
            boolean elsewhere = false;
            for (double t : s.timestamps()) {
                long m = millis(t);
                elsewhere |= !times.contains(m) && m >= scrapes[0];
                at.add(m);
            }
            if (!elsewhere) {
                out.put(s.labels(), at);
            }
        }
        return out;
    }

    /** The time of the last scrape {@code figures} describe (epoch ms); MIN_VALUE when none. */
    static long lastScrape(List<Series> figures) {
        Series samples = only(figures, ScrapeChanges.SAMPLES);
        if (samples == null || samples.timestamps().length == 0) {
            return Long.MIN_VALUE;
        }
        long[] scrapes = scrapeTimes(samples);
        return scrapes[scrapes.length - 1];
    }

    private static long[] scrapeTimes(Series samples) {
        long[] scrapes = new long[samples.timestamps().length];
        for (int i = 0; i < scrapes.length; i++) {
            scrapes[i] = millis(samples.timestamps()[i]);
        }
        return scrapes;
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }
}
