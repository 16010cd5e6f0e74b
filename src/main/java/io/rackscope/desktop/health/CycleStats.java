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
        int servers) {

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
        return m;
    }
}
