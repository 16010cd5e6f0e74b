package io.rackscope.desktop.telemetry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.promql.Placeholder;
import io.rackscope.desktop.promql.QueryTemplate;
import io.rackscope.desktop.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Range data for a metric definition and an entity (instance, chassis or rack). The step is
 * max(scrape interval, range / chart width, range / 11000) and start and end are aligned to it, so
 * repeated requests hit the cache ({@code cache.metrics_ttl_seconds}) and Prometheus' own caching.
 * Several series are combined per the definition's {@code display.aggregation}.
 */
public final class MetricsService {
    static final int MAX_POINTS = 11_000;

    private final Function<String, PrometheusApi> route;
    private final QueryStats stats;
    private final Duration scrapeInterval;
    private final Cache<String, QueryResult> cache;

    /** Charts from one Prometheus. */
    public MetricsService(PrometheusApi client, AppConfig app) {
        this(entity -> client, client.stats(), app);
    }

    /** Charts from the Prometheus of each entity's site. */
    public MetricsService(PrometheusRouter router, Topology topology, AppConfig app) {
        this(entity -> router.forEntity(topology, entity), router.stats(), app);
    }

    private MetricsService(Function<String, PrometheusApi> route, QueryStats stats, AppConfig app) {
        this.route = route;
        this.stats = stats;
        this.scrapeInterval =
                Duration.ofSeconds(Math.max(1, app.telemetry().scrapeIntervalSeconds()));
        this.cache =
                Caffeine.newBuilder()
                        .maximumSize(2_000)
                        .expireAfterWrite(
                                Duration.ofSeconds(Math.max(0, app.cache().metricsTtlSeconds())))
                        .build();
    }

    public static Duration step(Duration range, int chartWidthPixels, Duration scrapeInterval) {
        long rangeMs = range.toMillis();
        long ms =
                Math.max(
                        scrapeInterval.toMillis(),
                        Math.max(
                                rangeMs / Math.max(1, chartWidthPixels),
                                (rangeMs + MAX_POINTS - 1) / MAX_POINTS));
        long seconds = Math.max(1, (ms + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }

    /**
     * The PromQL of a definition for one entity: both placeholder spellings are filled in, quoted.
     * A matcher on {@code {pduid}} or {@code {inletid}} matches every PDU and inlet of the entity
     * (the chart combines them by the definition's aggregation).
     */
    public static String expression(MetricDefinition metric, String entity) {
        List<String> id = List.of(entity);
        Map<Placeholder, Object> values = new EnumMap<>(Placeholder.class);
        for (Placeholder p : Placeholder.values()) {
            if (p != Placeholder.JOB && p != Placeholder.PDU && p != Placeholder.INLET) {
                values.put(p, id);
            }
        }
        String expr = ANY_PART.matcher(metric.expr()).replaceAll("$1=~\".+\"");
        return QueryTemplate.of(expr).fill(values);
    }

    private static final Pattern ANY_PART =
            Pattern.compile(
                    "([A-Za-z_][A-Za-z0-9_]*)\\s*=~?\\s*\"(?:\\{pduid}|\\{inletid}|\\$pduid|\\$inletid)\"");

    public CompletableFuture<ChartData> range(
            MetricDefinition metric, String entity, Duration range, int chartWidth, Instant now) {
        Duration step = step(range, chartWidth, scrapeInterval);
        long stepS = step.toSeconds();
        long endS = now.getEpochSecond() / stepS * stepS;
        Instant end = Instant.ofEpochSecond(endS);
        Instant start = Instant.ofEpochSecond(endS - range.toSeconds() / stepS * stepS);
        String promql = expression(metric, entity);
        String key = promql + "|" + start.getEpochSecond() + "|" + endS + "|" + stepS;
        CompletableFuture<QueryResult> answer =
                cached(key, () -> route.apply(entity).queryRange(promql, start, end, step));
        // the latest sample at the moment itself: the range's last step may lie up to a step back
        // (kept only for that same second: a later moment asks again)
        CompletableFuture<QueryResult> latest =
                cached(
                        promql + "|at|" + now.getEpochSecond(),
                        () -> route.apply(entity).query(promql, now));
        return answer.thenCombine(
                latest,
                (r, l) ->
                        aggregate(
                                metric,
                                entity,
                                start,
                                end,
                                step,
                                r,
                                combine(
                                        metric.display().aggregation(),
                                        l.series().stream()
                                                .mapToDouble(Series::value)
                                                .filter(v -> !Double.isNaN(v))
                                                .toArray())));
    }

    /**
     * Each entity's value of {@code metric} at {@code at}, combined per entity as its {@code
     * display.aggregation} says; an entity without a sample is left out. One query per Prometheus
     * and up to {@link #BATCH} entities (the placeholders filled with all of them), answered by the
     * label the definition names its entity with.
     */
    public CompletableFuture<Map<String, Double>> valuesAt(
            MetricDefinition metric, List<String> entities, Instant at) {
        return valuesAt(metric, entities, at, q -> q);
    }

    /**
     * Each entity's highest value of {@code metric} over {@code range} up to {@code at}: the
     * definition's expression (per entity) through {@code max_over_time} of a subquery at 5 min
     * steps, or its value now when that is higher, batched as {@link #valuesAt}.
     */
    public CompletableFuture<Map<String, Double>> peaksAt(
            MetricDefinition metric, List<String> entities, Instant at, Duration range) {
        return valuesAt(
                metric,
                entities,
                at,
                // the value now counts too: the subquery's 5-minute steps may all lie before it
                q ->
                        "(max_over_time(("
                                + q
                                + ")["
                                + range.toSeconds()
                                + "s:300s]) >= ("
                                + q
                                + ")) or ("
                                + q
                                + ")");
    }

    private CompletableFuture<Map<String, Double>> valuesAt(
            MetricDefinition metric,
            List<String> entities,
            Instant at,
            java.util.function.UnaryOperator<String> around) {
        String label = entityLabel(metric);
        Map<PrometheusApi, List<String>> byServer = new java.util.LinkedHashMap<>();
        entities.forEach(
                e -> byServer.computeIfAbsent(route.apply(e), k -> new ArrayList<>()).add(e));
        List<CompletableFuture<Map<String, List<Double>>>> asked = new ArrayList<>();
        byServer.forEach(
                (server, ids) -> {
                    for (int i = 0; i < ids.size(); i += BATCH) {
                        List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
                        String promql = around.apply(byLabel(expression(metric, batch), label));
                        java.util.Set<String> wanted = new java.util.HashSet<>(batch);
                        asked.add(
                                cached(
                                                promql + "|at|" + at.getEpochSecond(),
                                                () -> server.query(promql, at))
                                        .thenCompose(
                                                r ->
                                                        named(r, label)
                                                                ? CompletableFuture.completedFuture(
                                                                        byEntity(r, label, wanted))
                                                                : oneByOne(
                                                                        server, metric, batch, at,
                                                                        around)));
                    }
                });
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .thenApply(
                        x -> {
                            Map<String, Double> out = new java.util.TreeMap<>();
                            for (CompletableFuture<Map<String, List<Double>>> f : asked) {
                                f.join()
                                        .forEach(
                                                (e, v) ->
                                                        out.put(
                                                                e,
                                                                combine(
                                                                        metric.display()
                                                                                .aggregation(),
                                                                        v.stream()
                                                                                .mapToDouble(
                                                                                        Double
                                                                                                ::doubleValue)
                                                                                .toArray())));
                            }
                            return out;
                        });
    }

    static final int BATCH = 200;

    /**
     * An expression whose aggregations keep the entity's label: {@code max(x{rack_id=~"a|b"})}
     * would fold every rack of a batch into one number, {@code max by (rack_id) (...)} keeps one
     * per rack. Aggregations that say {@code by} or {@code without} already are left as written.
     */
    static String byLabel(String promql, String label) {
        return AGGREGATION.matcher(promql).replaceAll("$1 by (" + label + ") (");
    }

    private static final Pattern AGGREGATION =
            Pattern.compile("\\b(sum|max|min|avg|count|group|stddev|stdvar)\\s*\\(");

    /** Whether an answer names its entities (else the batch is asked one entity at a time). */
    private static boolean named(QueryResult r, String label) {
        return r.series().isEmpty() || r.series().stream().anyMatch(s -> s.label(label) != null);
    }

    /** A definition the batch could not be told apart in: each entity asked alone. */
    private CompletableFuture<Map<String, List<Double>>> oneByOne(
            PrometheusApi server,
            MetricDefinition metric,
            List<String> batch,
            Instant at,
            java.util.function.UnaryOperator<String> around) {
        Map<String, List<Double>> out = new java.util.concurrent.ConcurrentHashMap<>();
        CompletableFuture<?>[] each =
                batch.stream()
                        .map(
                                e -> {
                                    String promql = around.apply(expression(metric, e));
                                    return cached(
                                                    promql + "|at|" + at.getEpochSecond(),
                                                    () -> server.query(promql, at))
                                            .thenAccept(
                                                    r ->
                                                            r.series().stream()
                                                                    .filter(
                                                                            s ->
                                                                                    !Double.isNaN(
                                                                                            s
                                                                                                    .value()))
                                                                    .forEach(
                                                                            s ->
                                                                                    out.computeIfAbsent(
                                                                                                    e,
                                                                                                    k ->
                                                                                                            new java
                                                                                                                    .util
                                                                                                                    .concurrent
                                                                                                                    .CopyOnWriteArrayList<>())
                                                                                            .add(
                                                                                                    s
                                                                                                            .value())));
                                })
                        .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(each).thenApply(x -> out);
    }

    private static Map<String, List<Double>> byEntity(
            QueryResult r, String label, java.util.Set<String> wanted) {
        Map<String, List<Double>> out = new java.util.HashMap<>();
        for (Series s : r.series()) {
            String e = s.label(label);
            if (e != null && wanted.contains(e) && !Double.isNaN(s.value())) {
                out.computeIfAbsent(e, k -> new ArrayList<>()).add(s.value());
            }
        }
        return out;
    }

    /**
     * A definition's PromQL for several entities at once: an equality matcher on an entity
     * placeholder becomes a regex one, and the placeholders match any of them.
     */
    static String expression(MetricDefinition metric, List<String> entities) {
        Map<Placeholder, Object> values = new EnumMap<>(Placeholder.class);
        for (Placeholder p : ENTITY_PLACEHOLDERS) {
            values.put(p, QueryTemplate.Value.anyOf(entities));
        }
        String expr = ANY_PART.matcher(metric.expr()).replaceAll("$1=~\".+\"");
        expr = ENTITY_EQUALS.matcher(expr).replaceAll("$1=~\"$2\"");
        return QueryTemplate.of(expr).fill(values);
    }

    /**
     * The label a definition names its entity with: the one its {@code labels} or its expression
     * match against an entity placeholder ({@code rack_id="{rack_id}"}); {@code instance} when
     * none.
     */
    static String entityLabel(MetricDefinition metric) {
        for (Map.Entry<String, String> e : metric.labels().entrySet()) {
            if (ENTITY_SPELLING.matcher(e.getValue()).find()) {
                return e.getKey();
            }
        }
        java.util.regex.Matcher m = ENTITY_MATCHER.matcher(metric.expr());
        return m.find() ? m.group(1) : "instance";
    }

    private static final List<Placeholder> ENTITY_PLACEHOLDERS =
            List.of(Placeholder.INSTANCE, Placeholder.CHASSIS, Placeholder.RACK);

    private static final String SPELLINGS =
            ENTITY_PLACEHOLDERS.stream()
                    .flatMap(p -> p.spellings().stream())
                    .map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining("|"));

    private static final Pattern ENTITY_SPELLING = Pattern.compile(SPELLINGS);

    private static final Pattern ENTITY_MATCHER =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=~?\\s*\"(?:" + SPELLINGS + ")\"");

    private static final Pattern ENTITY_EQUALS =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"(" + SPELLINGS + ")\"");

    private CompletableFuture<QueryResult> cached(
            String key, Supplier<CompletableFuture<QueryResult>> ask) {
        QueryResult hit = cache.getIfPresent(key);
        if (hit != null) {
            stats.cacheHit();
            return CompletableFuture.completedFuture(hit);
        }
        stats.cacheMiss();
        return ask.get()
                .thenApply(
                        r -> {
                            cache.put(key, r);
                            return r;
                        });
    }

    static ChartData aggregate(
            MetricDefinition metric,
            String entity,
            Instant start,
            Instant end,
            Duration step,
            QueryResult r,
            double latest) {
        int n = (int) ((end.getEpochSecond() - start.getEpochSecond()) / step.toSeconds()) + 1;
        double[] ts = new double[n];
        double[][] columns = new double[n][];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start.getEpochSecond() + (double) i * step.toSeconds();
            columns[i] = new double[r.series().size()];
        }
        for (Series s : r.series()) {
            for (int k = 0; k < s.timestamps().length; k++) {
                int i =
                        (int)
                                Math.round(
                                        (s.timestamps()[k] - start.getEpochSecond())
                                                / step.toSeconds());
                if (i >= 0 && i < n && !Double.isNaN(s.values()[k])) {
                    columns[i][counts[i]++] = s.values()[k];
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] =
                    combine(metric.display().aggregation(), Arrays.copyOf(columns[i], counts[i]));
        }
        return new ChartData(
                metric,
                entity,
                start,
                end,
                step,
                ts,
                values,
                metric.display().warn(),
                metric.display().crit(),
                r.series().size(),
                latest);
    }

    static double combine(String aggregation, double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        return switch (aggregation) {
            case "max" -> Arrays.stream(v).max().getAsDouble();
            case "min" -> Arrays.stream(v).min().getAsDouble();
            case "sum" -> Arrays.stream(v).sum();
            case "p95" -> percentile(v, 0.95);
            case "p99" -> percentile(v, 0.99);
            default -> Arrays.stream(v).average().getAsDouble();
        };
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] v, double p) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
