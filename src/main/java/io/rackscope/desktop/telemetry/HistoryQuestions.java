package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Rack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The questions asked of Prometheus' history between cycles, for one entity or a few: current and
 * past values, when a series last had a sample, since when an alert really fails. Each is one
 * subquery per batch and server, only for the entities asked, through the planner's cache.
 */
final class HistoryQuestions {
    /** How a question is sent: the planner's cache and deadline. */
    interface Asker {
        CompletableFuture<QueryResult> ask(Route r, CheckUnit.Request req);
    }

    private final RackscopeConfig config;
    private final CheckQueries queries;
    private final Duration step;
    private final ServerTimes times;
    private final List<CheckUnit> units;
    private final EvaluationMode mode;
    private final BiFunction<CheckScope, String, Route> routeOf;
    private final Asker asker;

    HistoryQuestions(
            RackscopeConfig config,
            CheckQueries queries,
            Duration step,
            ServerTimes times,
            List<CheckUnit> units,
            EvaluationMode mode,
            BiFunction<CheckScope, String, Route> routeOf,
            Asker asker) {
        this.config = config;
        this.queries = queries;
        this.step = step;
        this.times = times;
        this.units = units;
        this.mode = mode;
        this.routeOf = routeOf;
        this.asker = asker;
    }

    /** The values of {@code check} for {@code ids} at {@code at} (rounded down to the grid). */
    CompletableFuture<Map<String, Double>> valuesAt(Check check, List<String> ids, Instant at) {
        return perEntity(check, ids, at, e -> e);
    }

    /**
     * When each of {@code ids} last had a sample of {@code check}, looking back {@code within} from
     * {@code at}, to the scrape interval (coarser only past 5,000 points); an entity without one in
     * that time is left out. For the UNKNOWN that says "no sample": since when. One subquery per
     * Prometheus, only for the entities asked.
     */
    CompletableFuture<Map<String, Instant>> lastSampleAt(
            Check check, List<String> ids, Instant at, Duration within) {
        long seconds = Math.max(60, within.toSeconds());
        // at the scrape interval, at most 5,000 points a series: a short life is not missed
        long resolution = Math.max(step.toSeconds(), (seconds + 4999) / 5000);
        String window = seconds + "s:" + resolution + "s";
        return perEntity(check, ids, at, e -> "max_over_time(timestamp(" + e + ")[" + window + "])")
                .thenApply(
                        m -> {
                            Map<String, Instant> out = new HashMap<>();
                            m.forEach((id, t) -> out.put(id, Instant.ofEpochSecond(t.longValue())));
                            return Map.copyOf(out);
                        });
    }

    /**
     * {@code around} the check's expression for {@code ids}, asked at {@code at} (rounded down to
     * the grid) of each Prometheus that holds some of them: the greatest value per entity.
     */
    private CompletableFuture<Map<String, Double>> perEntity(
            Check check, List<String> ids, Instant at, Function<String, String> around) {
        String label = queries.entityLabel(check);
        long grid = step.toSeconds() * 1000;
        long t = Math.floorDiv(at.toEpochMilli(), grid) * grid;
        Map<String, Double> out = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> asked = new ArrayList<>();
        byRoute(check.scope(), ids, routeOf)
                .forEach(
                        (r, some) ->
                                asked.add(
                                        asker.ask(
                                                        r,
                                                        CheckUnit.Request.instant(
                                                                around.apply(
                                                                        queries.expr(check, some)),
                                                                t))
                                                .thenAccept(
                                                        res -> {
                                                            for (Series x : res.series()) {
                                                                String id = x.label(label);
                                                                if (id != null) {
                                                                    out.merge(
                                                                            id, x.value(),
                                                                            Math::max);
                                                                }
                                                            }
                                                        })));
        return CompletableFuture.allOf(asked.toArray(new CompletableFuture<?>[0]))
                .thenApply(x -> Map.copyOf(out));
    }

    /** {@code ids} of {@code scope} grouped by the Prometheus that holds each. */
    static Map<Route, List<String>> byRoute(
            CheckScope scope, List<String> ids, BiFunction<CheckScope, String, Route> routeOf) {
        Map<Route, List<String>> byRoute = new LinkedHashMap<>();
        for (String id : ids) {
            byRoute.computeIfAbsent(routeOf.apply(scope, id), r -> new ArrayList<>()).add(id);
        }
        return byRoute;
    }

    /**
     * Since when each of {@code ids} (failing now) has failed {@code check}: just after the last
     * moment, within {@code lookback} before {@code at}, when no non-OK rule matched, or when its
     * series came back after a gap without samples (a gap is not failing), to the check's
     * resolution. An entity that failed for the whole window is given the window's start (it has
     * failed at least that long). One subquery per batch, only for the entities asked.
     */
    CompletableFuture<Map<String, Instant>> failingSince(
            String checkId, List<String> ids, Instant at, Duration lookback) {
        if (Check.NO_DATA.equals(checkId)) {
            return silentSince(ids, at, lookback);
        }
        return config.check(checkId)
                .map(c -> failingSince(c, ids, at, lookback))
                .orElse(CompletableFuture.completedFuture(Map.of()));
    }

    /** As above, for {@code check}. */
    CompletableFuture<Map<String, Instant>> failingSince(
            Check check, List<String> entities, Instant at, Duration lookback) {
        Map<String, List<String>> entitiesOfSeries = new LinkedHashMap<>();
        for (String e : entities) {
            entitiesOfSeries
                    .computeIfAbsent(seriesId(check.scope(), e), k -> new ArrayList<>(1))
                    .add(e);
        }
        return seriesFailingSince(check, List.copyOf(entitiesOfSeries.keySet()), at, lookback)
                .thenApply(
                        bySeries -> {
                            Map<String, Instant> out = new HashMap<>();
                            bySeries.forEach(
                                    (id, since) ->
                                            entitiesOfSeries
                                                    .getOrDefault(id, List.of(id))
                                                    .forEach(e -> out.put(e, since)));
                            return Map.copyOf(out);
                        });
    }

    /**
     * Since when each of {@code entities} (nodes, or devices by key, without data now) has had no
     * sample: the last one of the checks that cover every entity (the sentinels), or the start of
     * {@code lookback} when there is none in it (where the server's history begins, if later).
     */
    private CompletableFuture<Map<String, Instant>> silentSince(
            List<String> entities, Instant at, Duration lookback) {
        Instant windowStart = at.minus(lookback);
        Map<String, String> entityOf = new HashMap<>();
        Map<String, Instant> earliest = new HashMap<>();
        for (String e : entities) {
            CheckScope scope =
                    config.topology().instance(e).isPresent()
                            ? CheckScope.NODE
                            : CheckScope.CHASSIS;
            String id = seriesId(scope, e);
            entityOf.put(id, e);
            earliest.put(id, times.notBefore(routeOf.apply(scope, e), windowStart));
        }
        Map<String, Instant> last = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> asked = new ArrayList<>();
        for (CheckUnit u : units) {
            if (u.check().scope() == CheckScope.RACK
                    || mode == EvaluationMode.FILTERED && !u.sentinel()) {
                continue;
            }
            List<String> mine = entityOf.keySet().stream().filter(u.ids()::contains).toList();
            if (!mine.isEmpty()) {
                asked.add(
                        lastSampleAt(u.check(), mine, at, lookback)
                                .thenAccept(
                                        m ->
                                                m.forEach(
                                                        (id, t) ->
                                                                last.merge(
                                                                        id,
                                                                        t,
                                                                        (x, y) ->
                                                                                x.isAfter(y)
                                                                                        ? x
                                                                                        : y))));
            }
        }
        return CompletableFuture.allOf(asked.toArray(new CompletableFuture<?>[0]))
                .thenApply(
                        x -> {
                            Map<String, Instant> out = new HashMap<>();
                            entityOf.forEach(
                                    (id, e) -> out.put(e, last.getOrDefault(id, earliest.get(id))));
                            return Map.copyOf(out);
                        });
    }

    /** The id a series of {@code scope} carries for an entity named by key. */
    private String seriesId(CheckScope scope, String entity) {
        return switch (scope) {
            case NODE -> entity;
            case CHASSIS -> config.topology().device(entity).map(Device::id).orElse(entity);
            case RACK -> config.topology().rack(entity).map(Rack::id).orElse(entity);
        };
    }

    private CompletableFuture<Map<String, Instant>> seriesFailingSince(
            Check check, List<String> ids, Instant at, Duration lookback) {
        String label = queries.entityLabel(check);
        long grid = step.toSeconds() * 1000;
        long t = Math.floorDiv(at.toEpochMilli(), grid) * grid;
        Instant windowStart = Instant.ofEpochMilli(t).minus(lookback);
        Map<String, Instant> out = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> asked = new ArrayList<>();
        byRoute(check.scope(), ids, routeOf)
                .forEach(
                        (r, some) -> {
                            for (CheckQueries.Batch b : queries.batches(check, some)) {
                                CheckQueries.runStart(b.expr(), check, label, lookback, step)
                                        .ifPresent(
                                                q ->
                                                        asked.add(
                                                                asker.ask(
                                                                                r,
                                                                                CheckUnit.Request
                                                                                        .instant(
                                                                                                q,
                                                                                                t))
                                                                        .thenAccept(
                                                                                res ->
                                                                                        starts(
                                                                                                res,
                                                                                                label,
                                                                                                b,
                                                                                                times
                                                                                                        .notBefore(
                                                                                                                r,
                                                                                                                windowStart),
                                                                                                out))));
                            }
                        });
        return CompletableFuture.allOf(asked.toArray(new CompletableFuture<?>[0]))
                .thenApply(x -> Map.copyOf(out));
    }

    private void starts(
            QueryResult res,
            String label,
            CheckQueries.Batch b,
            Instant windowStart,
            Map<String, Instant> out) {
        Set<String> started = new HashSet<>();
        for (Series s : res.series()) {
            String id = s.label(label);
            if (id != null && Double.isFinite(s.value())) {
                started.add(id);
                Instant at = Instant.ofEpochMilli((long) (s.value() * 1000));
                out.put(id, at.isBefore(windowStart) ? windowStart : at);
            }
        }
        for (String id : b.ids()) {
            if (!started.contains(id)) {
                out.put(id, windowStart);
            }
        }
    }
}
