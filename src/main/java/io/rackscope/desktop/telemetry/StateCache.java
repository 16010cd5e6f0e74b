package io.rackscope.desktop.telemetry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rackscope.desktop.prometheus.QueryStats;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The first cache layer ({@code cache.service_ttl_seconds}): state assembled from a snapshot for a
 * view (a room's racks, a site's tallies, the alert list, a tooltip), valid while the snapshot it
 * came from is the current one and dropped once no view has read it for the TTL, so that the many
 * reads of a view between two snapshots cost nothing and states nobody shows do not pile up. A read
 * counts once: a hit when this or the next layer answers, a miss only when it has to go on to
 * Prometheus; that is the ratio the status bar and {@code /api/stats/telemetry} report.
 */
public final class StateCache {
    private record Entry(long version, Object value) {}

    private final Cache<String, Entry> cache;
    private final QueryStats stats;

    public StateCache(Duration ttl, QueryStats stats, Clock clock) {
        this.cache =
                Caffeine.newBuilder()
                        .maximumSize(10_000)
                        .expireAfterAccess(ttl)
                        .ticker(() -> clock.millis() * 1_000_000)
                        .build();
        this.stats = stats;
    }

    /**
     * The state {@code key} of snapshot {@code version}: cached (a hit), or assembled and kept;
     * {@code assemble} reads the next layer, which counts the read as its hit or miss.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, long version, Supplier<T> assemble) {
        Entry e = cache.getIfPresent(key);
        if (e != null && e.version() == version) {
            stats.cacheHit();
            return (T) e.value();
        }
        T value = assemble.get();
        cache.put(key, new Entry(version, value));
        return value;
    }
}
