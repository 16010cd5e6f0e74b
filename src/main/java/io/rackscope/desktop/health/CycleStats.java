package io.rackscope.desktop.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The telemetry counters as of the end of a cycle (totals since start-up) and what this cycle sent:
 * how many batches it had and how many failed.
 */
public record CycleStats(
        long queryCount,
        long cacheHits,
        long cacheMisses,
        long inFlight,
        double avgLatencyMs,
        long bytes,
        long wireBytes,
        long cycleMs,
        long failedQueries,
        long queryCacheHits,
        long queryCacheMisses,
        int batches,
        int failedBatches,
        int servers,
        long clockSkewSeconds,
        long answerShiftSeconds,
        long historyStartSeconds,
        String standIns) {

    /**
     * How far a Prometheus' clock may be from this desk's before it is said (and health judged on
     * its time rather than this desk's).
     */
    public static final long SKEW_SAID_FROM_SECONDS = 10;

    /** Counters without a clock difference. */
    public CycleStats(
            long queryCount,
            long cacheHits,
            long cacheMisses,
            long inFlight,
            double avgLatencyMs,
            long bytes,
            long wireBytes,
            long cycleMs,
            long failedQueries,
            long queryCacheHits,
            long queryCacheMisses,
            int batches,
            int failedBatches,
            int servers) {
        this(
                queryCount,
                cacheHits,
                cacheMisses,
                inFlight,
                avgLatencyMs,
                bytes,
                wireBytes,
                cycleMs,
                failedQueries,
                queryCacheHits,
                queryCacheMisses,
                batches,
                failedBatches,
                servers,
                0,
                0,
                0,
                "");
    }

    /**
     * Where the servers' history begins (the latest of their oldest samples), if they say: a start
     * read back to it means "since before then", not "since then".
     */
    public java.util.Optional<java.time.Instant> historyStart() {
        return historyStartSeconds == 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(java.time.Instant.ofEpochSecond(historyStartSeconds));
    }

    /**
     * The servers of HA sets answering for the first of their set, which failed ("http://b answers
     * for http://a"), or empty.
     */
    public String standIns() {
        return standIns == null ? "" : standIns;
    }

    /** The status bar's short form of {@link #clockNote()}: "clock skew of 312 s", or empty. */
    public String clockHeadline() {
        if (Math.abs(clockSkewSeconds) >= SKEW_SAID_FROM_SECONDS) {
            return "clock skew of " + Math.abs(clockSkewSeconds) + " s";
        }
        return answerShiftSeconds == 0
                ? ""
                : "answers stamped " + Math.abs(answerShiftSeconds) + " s off the time asked";
    }

    /**
     * What the status bar adds about time ("clock skew of 312 s: ..."), or empty: a Prometheus
     * clock off by {@link #SKEW_SAID_FROM_SECONDS} or more, answers stamped off the time asked.
     */
    public String clockNote() {
        StringBuilder b = new StringBuilder();
        if (Math.abs(clockSkewSeconds) >= SKEW_SAID_FROM_SECONDS) {
            b.append("clock skew of ")
                    .append(Math.abs(clockSkewSeconds))
                    .append(" s: Prometheus' clock is ")
                    .append(clockSkewSeconds > 0 ? "ahead of" : "behind")
                    .append(" this desk's; health is judged on Prometheus' time");
        }
        if (answerShiftSeconds != 0) {
            b.append(b.length() == 0 ? "" : "; ")
                    .append("answers are stamped ")
                    .append(Math.abs(answerShiftSeconds))
                    .append(" s ")
                    .append(answerShiftSeconds > 0 ? "after" : "before")
                    .append(
                            " the time asked (a gateway rewriting them?); they are read at the time asked");
        }
        return b.toString();
    }

    public static final CycleStats NONE = new CycleStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

    /**
     * The seed's hit ratio, {@code cache_hits / (cache_hits + cache_misses)}: the share of the
     * views' reads (assembled state, snapshot, chart data) answered from a cache; -1 when nothing
     * was read yet. The raw health answers a cycle reuses are counted apart ({@code
     * query_cache_*}).
     */
    public double hitRatio() {
        long total = cacheHits + cacheMisses;
        return total == 0 ? -1 : (double) cacheHits / total;
    }

    /** The seed's {@code /api/stats/telemetry} keys, and the app's own after them. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query_count", queryCount);
        m.put("cache_hits", cacheHits);
        m.put("cache_misses", cacheMisses);
        m.put("in_flight", inFlight);
        m.put("avg_latency_ms", avgLatencyMs);
        m.put("bytes", bytes);
        m.put("wire_bytes", wireBytes);
        m.put("cycle_ms", cycleMs);
        m.put("failed_queries", failedQueries);
        m.put("query_cache_hits", queryCacheHits);
        m.put("query_cache_misses", queryCacheMisses);
        m.put("batches", batches);
        m.put("failed_batches", failedBatches);
        m.put("servers", servers);
        m.put("clock_skew_seconds", clockSkewSeconds);
        m.put("answer_shift_seconds", answerShiftSeconds);
        m.put("history_start_seconds", historyStartSeconds);
        return m;
    }
}
