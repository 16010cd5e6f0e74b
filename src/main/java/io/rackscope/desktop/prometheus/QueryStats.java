package io.rackscope.desktop.prometheus;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the telemetry path, shared by the client and the caches in front of it. Thread-safe.
 * {@code cache_hits}/{@code cache_misses} count requests at the layer they enter (a snapshot asked
 * for, a chart asked for); the raw-answer cache a cycle consults is counted apart in {@code
 * query_cache_*}.
 */
public final class QueryStats {
    private final LongAdder queries = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder wireBytes = new LongAdder();
    private final LongAdder latencyMillis = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final LongAdder queryCacheHits = new LongAdder();
    private final LongAdder queryCacheMisses = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong lastCycleMillis = new AtomicLong();

    void started() {
        inFlight.incrementAndGet();
    }

    void finished(long millis, long receivedBytes, boolean failed) {
        inFlight.decrementAndGet();
        queries.increment();
        latencyMillis.add(millis);
        bytes.add(receivedBytes);
        if (failed) {
            failures.increment();
        }
    }

    /** Bytes of answer bodies as they crossed the network (compressed when the server did). */
    void wire(long n) {
        wireBytes.add(n);
    }

    public long wireBytes() {
        return wireBytes.sum();
    }

    public void cacheHit() {
        cacheHits.increment();
    }

    public void cacheMiss() {
        cacheMisses.increment();
    }

    /** The raw-answer cache inside a cycle; kept apart so that one request is not counted twice. */
    public void queryCacheHit() {
        queryCacheHits.increment();
    }

    public void queryCacheMiss() {
        queryCacheMisses.increment();
    }

    public void cycleFinished(long millis) {
        lastCycleMillis.set(millis);
    }

    public long queryCount() {
        return queries.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    public long failedQueries() {
        return failures.sum();
    }

    public long cacheHits() {
        return cacheHits.sum();
    }

    public long cacheMisses() {
        return cacheMisses.sum();
    }

    public long inFlight() {
        return inFlight.get();
    }

    public long lastCycleMillis() {
        return lastCycleMillis.get();
    }

    public double avgLatencyMillis() {
        long n = queries.sum();
        return n == 0 ? 0 : (double) latencyMillis.sum() / n;
    }

    /** Hits over requests at the layers requests enter (snapshots and charts asked for). */
    public double cacheHitRatio() {
        long total = cacheHits.sum() + cacheMisses.sum();
        return total == 0 ? 0 : (double) cacheHits.sum() / total;
    }

    public long queryCacheHits() {
        return queryCacheHits.sum();
    }

    public long queryCacheMisses() {
        return queryCacheMisses.sum();
    }
}
