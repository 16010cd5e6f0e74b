package io.rackscope.desktop.telemetry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The estate at past moments, for the time control: a moment is rounded down to the cycle step and
 * evaluated once, then kept (the cache belongs to one loaded configuration). Evaluation goes
 * through a planner of its own, never the live one: moving forward reuses it (a planner carries
 * what it learnt from one cycle to the next, as playback and the step buttons do), moving back
 * starts a fresh one, since a planner's cycles must come in time order, which takes over what the
 * one before knew where it stands for the earlier moment ({@link TelemetryPlanner#adopt}). Not
 * thread-safe: one caller at a time.
 */
public final class LookBack implements AutoCloseable {
    /** What one lookup cost: whether it was cached, and whether a fresh planner was started. */
    public record Lookup(HealthSnapshot snapshot, boolean cached, boolean coldStart) {}

    private final RackscopeConfig config;
    private final PrometheusRouter router;
    private final EvaluationMode mode;
    private final Clock clock;
    private final long stepMillis;
    private final Duration span;
    private final Cache<Long, HealthSnapshot> snapshots;
    private TelemetryPlanner walker;
    private long walkerAt = Long.MIN_VALUE;

    /**
     * Past moments of {@code config} on {@code router}, {@code step} apart, no further back than
     * {@code span}; at most {@code keep} of them cached.
     */
    public LookBack(
            RackscopeConfig config,
            PrometheusRouter router,
            EvaluationMode mode,
            Clock clock,
            Duration step,
            Duration span,
            int keep) {
        this.config = config;
        this.router = router;
        this.mode = mode;
        this.clock = clock;
        this.stepMillis = Math.max(1000, step.toMillis());
        this.span = span;
        this.snapshots = Caffeine.newBuilder().maximumSize(Math.max(1, keep)).build();
    }

    /**
     * The window's past moments of {@code config}: one health cycle apart, back to {@code
     * history.max_hours}, as the live planner evaluates them; {@code keep} of them kept.
     */
    public static LookBack forWindow(
            RackscopeConfig config, PrometheusRouter router, Clock clock, int keep) {
        return new LookBack(
                config,
                router,
                EvaluationMode.FILTERED,
                clock,
                config.app().refresh().cycle(),
                Duration.ofHours(config.app().history().maxHours()),
                keep);
    }

    public Duration step() {
        return Duration.ofMillis(stepMillis);
    }

    public Duration span() {
        return span;
    }

    /** {@code t} brought within the span (not before now − span, not after now), on the step. */
    public Instant slot(Instant t) {
        long now = clock.millis();
        long earliest = now - span.toMillis();
        long ms = Math.max(earliest, Math.min(now, t.toEpochMilli()));
        return Instant.ofEpochMilli(Math.floorDiv(ms, stepMillis) * stepMillis);
    }

    /** The estate at {@link #slot}({@code t}); asks Prometheus only for a moment not yet seen. */
    public synchronized Lookup at(Instant t) {
        long slot = slot(t).toEpochMilli();
        HealthSnapshot known = snapshots.getIfPresent(slot);
        if (known != null) {
            return new Lookup(known, true, false);
        }
        boolean cold = walker == null || slot < walkerAt;
        if (cold) {
            TelemetryPlanner fresh = new TelemetryPlanner(config, router, mode, clock);
            fresh.lookBack();
            if (walker != null) {
                fresh.adopt(walker, Instant.ofEpochMilli(slot));
            }
            closeWalker();
            walker = fresh;
        }
        walkerAt = slot;
        HealthSnapshot s = walker.refreshAt(Instant.ofEpochMilli(slot));
        // a moment with errors (Prometheus down or a batch failed) is not kept: the next visit
        // asks again
        if (!s.errors().isEmpty()) {
            return new Lookup(s, false, cold);
        }
        snapshots.put(slot, s);
        return new Lookup(s, false, cold);
    }

    /** How many past moments are kept. */
    public long cached() {
        snapshots.cleanUp();
        return snapshots.estimatedSize();
    }

    private void closeWalker() {
        if (walker != null) {
            walker.close();
            walker = null;
        }
    }

    @Override
    public synchronized void close() {
        closeWalker();
        snapshots.invalidateAll();
    }
}
