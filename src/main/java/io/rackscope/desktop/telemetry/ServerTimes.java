package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.prometheus.PrometheusApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What the planner knows of each server's time: where its history begins (a Prometheus restarted
 * with an empty database holds minutes, not the look-back) and how far its clock is off this
 * desk's.
 */
final class ServerTimes {
    static final Duration HISTORY_START_EVERY = Duration.ofMinutes(5);

    /**
     * As above while a server's history is shorter than the look-back: such a store is young (just
     * started, being backfilled) and where it begins bounds the starts the app reads.
     */
    static final Duration YOUNG_HISTORY_START_EVERY = Duration.ofMinutes(1);

    static final Duration HISTORY_START_WAIT = Duration.ofSeconds(1);

    /** Where each server's history begins, as it last said. */
    private final Map<Route, Instant> historyStarts = new ConcurrentHashMap<>();

    private final Map<Route, Instant> historyAskedAt = new ConcurrentHashMap<>();

    /** How far back alerts' starts are read: a history shorter than this is young. */
    private final Duration lookback;

    ServerTimes(Duration lookback) {
        this.lookback = lookback;
    }

    /**
     * Asks {@code r} where its history begins (waiting {@link #HISTORY_START_WAIT} at most), at
     * most every {@link #HISTORY_START_EVERY} ({@link #YOUNG_HISTORY_START_EVERY} while its history
     * is young), and at each cycle after one it failed ({@code wasDown}): a server restarted with
     * an empty database says so.
     */
    void askHistoryStart(Route r, Instant now, boolean wasDown) {
        Instant last = historyAskedAt.get(r);
        Instant known = historyStarts.get(r);
        Duration every =
                known != null && known.isAfter(now.minus(lookback))
                        ? YOUNG_HISTORY_START_EVERY
                        : HISTORY_START_EVERY;
        if (!wasDown && last != null && Duration.between(last, now).compareTo(every) < 0) {
            return;
        }
        historyAskedAt.put(r, now);
        CompletableFuture<Void> answer =
                CompletableFuture.supplyAsync(() -> r.api().historyStart())
                        .thenAccept(
                                begins ->
                                        begins.ifPresentOrElse(
                                                b -> historyStarts.put(r, b),
                                                () -> historyStarts.remove(r)));
        try {
            // this cycle judges with it when it comes quickly; a slow server costs 1 s at most
            answer.get(HISTORY_START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the next cycle has it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where {@code r}'s history begins, if it said. */
    Optional<Instant> historyStart(Route r) {
        return Optional.ofNullable(historyStarts.get(r));
    }

    /** Where each server's history begins, by its name, as each last said. */
    Map<String, Instant> historyStarts() {
        Map<String, Instant> out = new HashMap<>();
        historyStarts.forEach((r, b) -> out.put(r.name(), b));
        return Map.copyOf(out);
    }

    /** The latest of the servers' history starts, epoch seconds (0: none said). */
    long latestHistoryStartSeconds() {
        return historyStarts.values().stream()
                .max(java.util.Comparator.naturalOrder())
                .map(Instant::getEpochSecond)
                .orElse(0L);
    }

    /**
     * The earliest start history can tell on {@code r}: the look-back's start, or where the
     * server's history begins when that is later (an alert failing since then may be older).
     */
    Instant notBefore(Route r, Instant windowStart) {
        Instant begins = historyStarts.get(r);
        return begins != null && begins.isAfter(windowStart) ? begins : windowStart;
    }

    /** The largest difference of any of {@code servers}, in seconds, with its sign. */
    static long widest(Collection<PrometheusApi> servers, Function<PrometheusApi, Duration> of) {
        long out = 0;
        for (PrometheusApi api : servers) {
            long s = of.apply(api).toSeconds();
            if (Math.abs(s) > Math.abs(out)) {
                out = s;
            }
        }
        return out;
    }

    /**
     * The time to ask {@code route} for "now": this desk's, or the server's when its clock is off
     * by {@link CycleStats#SKEW_SAID_FROM_SECONDS} or more (its samples carry its time, so asking
     * at ours would find none, or miss the newest).
     */
    static long nowOn(Route route, long t) {
        long skew = route.api().clockSkew().toMillis();
        return Math.abs(skew) >= CycleStats.SKEW_SAID_FROM_SECONDS * 1000 ? t + skew : t;
    }
}
