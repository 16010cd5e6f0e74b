package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.PrometheusException;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.prometheus.Series;
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
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-built answers for the planner's query shapes, with no server: series whose values are
 * functions of time, and an evaluator for exactly the forms the planner sends ({@code e}, {@code
 * max|min|count by (l) (e)}, {@code (e) op v}, ranges of {@code e}), where {@code e} is one
 * selector {@code metric{label=~"regex"}} or {@code metric{}} (every series of the metric).
 * Anything else is refused as a bad query. A metric can be made to fail, to test what a failed
 * batch leaves behind.
 */
public final class HandBuiltPrometheus implements PrometheusApi {
    private static final Pattern AGGREGATE =
            Pattern.compile("^(max|min|count) by \\(([a-z_]+)\\) \\((.*)\\)$");
    private static final Pattern FILTER =
            Pattern.compile("^\\((.*)\\) (==|!=|>=|<=|>|<) (-?[0-9.eE+]+)$");
    private static final Pattern SELECTOR =
            Pattern.compile(
                    "^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([a-z_]+)=~\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"}|\\{})$");

    private static final Pattern LABEL_REPLACE =
            Pattern.compile("^label_replace\\((.*), \"([a-z_]+)\", \"([a-z]*)\", \"\", \"\"\\)$");
    private static final Pattern COUNT = Pattern.compile("^count\\((.*)\\)$");

    /** Whether {@code q} asks only a check's presence probe (how many entities have samples). */
    static boolean probe(String q) {
        return q.startsWith("label_replace(count(count by ");
    }

    /** {@code q} cut at each {@code or} outside brackets and quotes. */
    private static List<String> topLevelOr(String q) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && q.startsWith(" or ", i)) {
                out.add(q.substring(from, i));
                from = i + 4;
                i += 3;
            }
        }
        out.add(q.substring(from));
        return out;
    }

    record Stored(Map<String, String> labels, LongToDoubleFunction value) {}

    private final Map<String, List<Stored>> metrics = new LinkedHashMap<>();
    private final Map<String, PrometheusException> failing = new HashMap<>();
    private final Map<java.util.function.Predicate<String>, PrometheusException> failingQueries =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> hanging = new HashSet<>();
    private final QueryStats stats = new QueryStats();
    public final List<String> asked = new ArrayList<>();
    private PrometheusException down;

    /** How far this server's clock is ahead of the desk's, as its answers' Date headers say. */
    public volatile Duration skew = Duration.ZERO;

    @Override
    public Duration clockSkew() {
        return skew;
    }

    /** Where this server's history begins (null: it does not say). */
    public volatile Instant begins;

    /** How many times it was asked where its history begins. */
    public final java.util.concurrent.atomic.AtomicInteger historyAsked =
            new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public java.util.Optional<Instant> historyStart() {
        historyAsked.incrementAndGet();
        return java.util.Optional.ofNullable(begins);
    }

    /** Grid points asked by range queries, all told: what reading windows costs. */
    long rangePoints;

    /** A series of {@code metric} with {@code labels}; NaN from {@code value} means no sample. */
    public HandBuiltPrometheus series(
            String metric, Map<String, String> labels, LongToDoubleFunction value) {
        metrics.computeIfAbsent(metric, k -> new ArrayList<>()).add(new Stored(labels, value));
        return this;
    }

    /**
     * The scrape figures' answer at a moment (the series tagged as {@link ScrapeChanges} reads
     * them): a query of them is answered with these, whatever its form.
     */
    public HandBuiltPrometheus figures(java.util.function.LongFunction<List<Series>> atSecond) {
        figures = atSecond;
        return this;
    }

    private java.util.function.LongFunction<List<Series>> figures;

    /**
     * Which of the figures {@code promql} asks: those a query marks itself (any), a target's count
     * of samples kept ("count"), the targets that added series ("target"); null for none.
     */
    private static String figureAsked(String promql) {
        if (promql.contains(ScrapeChanges.LABEL)) {
            return "";
        }
        if (promql.startsWith(ScrapeChanges.SAMPLES)) {
            return "count";
        }
        return promql.startsWith("sum_over_time(scrape_series_added") ? "target" : null;
    }

    /** Queries of {@code metric} fail with {@code error} until {@link #heal}. */
    public void fail(String metric, PrometheusException error) {
        failing.put(metric, error);
    }

    /** Queries whose text is {@code promql} fail with {@code error}. */
    public void fail(java.util.function.Predicate<String> promql, PrometheusException error) {
        failingQueries.put(promql, error);
    }

    /** Queries of {@code metric} never answer until {@link #heal}, as a stalled server. */
    void hang(String metric) {
        hanging.add(metric);
    }

    /** Every query fails with {@code error} (the server down) until {@link #comeBack}. */
    public synchronized void goDown(PrometheusException error) {
        down = error;
    }

    public synchronized void comeBack() {
        down = null;
    }

    void heal(String metric) {
        failing.remove(metric);
        hanging.remove(metric);
    }

    private boolean hangs(String promql) {
        return hangsAll || hanging.stream().anyMatch(m -> promql.contains(m + "{"));
    }

    /** How long each answer takes (zero: answered at once, on the asking thread). */
    public volatile Duration latency = Duration.ZERO;

    private CompletableFuture<QueryResult> later(CompletableFuture<QueryResult> answer) {
        return latency.isZero()
                ? answer
                : answer.thenApplyAsync(
                        r -> r,
                        CompletableFuture.delayedExecutor(
                                latency.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Override
    public CompletableFuture<QueryResult> query(String promql, Instant time) {
        return later(answer(promql, time));
    }

    @Override
    public CompletableFuture<QueryResult> queryRange(
            String promql, Instant start, Instant end, Duration step) {
        return later(answerRange(promql, start, end, step));
    }

    private synchronized CompletableFuture<QueryResult> answer(String promql, Instant time) {
        asked.add(promql);
        if (down != null) {
            return CompletableFuture.failedFuture(down);
        }
        if (hangs(promql)) {
            return new CompletableFuture<>();
        }
        for (var f : failingQueries.entrySet()) {
            if (f.getKey().test(promql)) {
                return CompletableFuture.failedFuture(f.getValue());
            }
        }
        String figure = figureAsked(promql);
        if (figures != null && figure != null) {
            return CompletableFuture.completedFuture(
                    result(
                            "vector",
                            figures.apply(time.getEpochSecond()).stream()
                                    .filter(f -> f.label(ScrapeChanges.LABEL).endsWith(figure))
                                    .toList()));
        }
        try {
            return CompletableFuture.completedFuture(
                    result("vector", eval(promql, time.getEpochSecond(), false)));
        } catch (PrometheusException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized CompletableFuture<QueryResult> answerRange(
            String promql, Instant start, Instant end, Duration step) {
        asked.add("range " + promql);
        if (down != null) {
            return CompletableFuture.failedFuture(down);
        }
        rangePoints += (end.getEpochSecond() - start.getEpochSecond()) / step.toSeconds() + 1;
        if (hangs(promql)) {
            return new CompletableFuture<>();
        }
        try {
            Map<String, List<double[]>> points = new LinkedHashMap<>();
            Map<String, Map<String, String>> labels = new HashMap<>();
            for (long t = start.getEpochSecond();
                    t <= end.getEpochSecond();
                    t += step.toSeconds()) {
                for (Series s : eval(promql, t, true)) {
                    String key = s.labels().toString();
                    labels.put(key, s.labels());
                    points.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new double[] {t, s.value()});
                }
            }
            List<Series> out = new ArrayList<>();
            points.forEach(
                    (key, ps) -> {
                        double[] ts = new double[ps.size()];
                        double[] vs = new double[ps.size()];
                        for (int i = 0; i < ps.size(); i++) {
                            ts[i] = ps.get(i)[0];
                            vs[i] = ps.get(i)[1];
                        }
                        out.add(new Series(labels.get(key), ts, vs));
                    });
            return CompletableFuture.completedFuture(result("matrix", out));
        } catch (PrometheusException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static QueryResult result(String type, List<Series> series) {
        return new QueryResult(type, series, List.of(), List.of(), 0);
    }

    private List<Series> eval(String q, long t, boolean keepName) {
        List<String> alternatives = topLevelOr(q);
        if (alternatives.size() > 1) {
            // a or b: b's series whose labels no series of a has
            Map<Map<String, String>, Series> out = new LinkedHashMap<>();
            for (String part : alternatives) {
                for (Series s : eval(part, t, keepName)) {
                    out.putIfAbsent(s.labels(), s);
                }
            }
            return new ArrayList<>(out.values());
        }
        Matcher relabel = LABEL_REPLACE.matcher(q);
        if (relabel.matches()) {
            List<Series> out = new ArrayList<>();
            for (Series s : eval(relabel.group(1), t, keepName)) {
                Map<String, String> labels = new LinkedHashMap<>(s.labels());
                labels.put(relabel.group(2), relabel.group(3));
                out.add(new Series(labels, s.timestamps(), s.values()));
            }
            return out;
        }
        Matcher count = COUNT.matcher(q);
        if (count.matches()) {
            List<Series> in = eval(count.group(1), t, keepName);
            return in.isEmpty()
                    ? List.of()
                    : List.of(new Series(Map.of(), new double[] {t}, new double[] {in.size()}));
        }
        Matcher agg = AGGREGATE.matcher(q);
        if (agg.matches()) {
            Map<String, double[]> by = new LinkedHashMap<>();
            for (Series s : eval(agg.group(3), t, keepName)) {
                String k = s.label(agg.group(2));
                double v = s.value();
                by.merge(
                        k,
                        new double[] {agg.group(1).equals("count") ? 1 : v},
                        (a, b) ->
                                new double[] {
                                    switch (agg.group(1)) {
                                        case "max" -> Math.max(a[0], b[0]);
                                        case "min" -> Math.min(a[0], b[0]);
                                        default -> a[0] + b[0];
                                    }
                                });
            }
            List<Series> out = new ArrayList<>();
            by.forEach(
                    (k, v) ->
                            out.add(
                                    new Series(
                                            Map.of(agg.group(2), k),
                                            new double[] {t},
                                            new double[] {v[0]})));
            return out;
        }
        Matcher filter = FILTER.matcher(q);
        if (filter.matches()) {
            double threshold = Double.parseDouble(filter.group(3));
            DoubleUnaryOperator keep =
                    v ->
                            switch (filter.group(2)) {
                                case "==" -> v == threshold ? 1 : 0;
                                case "!=" -> v != threshold ? 1 : 0;
                                case ">" -> v > threshold ? 1 : 0;
                                case ">=" -> v >= threshold ? 1 : 0;
                                case "<" -> v < threshold ? 1 : 0;
                                default -> v <= threshold ? 1 : 0;
                            };
            return eval(filter.group(1), t, false).stream()
                    .filter(s -> keep.applyAsDouble(s.value()) == 1)
                    .toList();
        }
        Matcher sel = SELECTOR.matcher(q);
        if (!sel.matches()) {
            throw new PrometheusException(
                    PrometheusException.Kind.BAD_QUERY, 400, "unsupported: " + q);
        }
        String metric = sel.group(1);
        if (failing.containsKey(metric)) {
            throw failing.get(metric);
        }
        // metric{} (a whole read): every series of the metric
        Pattern ids =
                sel.group(2) == null ? null : Pattern.compile(sel.group(3).replace("\\\\", "\\"));
        List<Series> out = new ArrayList<>();
        for (Stored s : metrics.getOrDefault(metric, List.of())) {
            String id = ids == null ? "" : s.labels().get(sel.group(2));
            double v = s.value().applyAsDouble(t);
            if (id != null && (ids == null || ids.matcher(id).matches()) && !Double.isNaN(v)) {
                Map<String, String> labels = new LinkedHashMap<>(s.labels());
                if (keepName) {
                    labels.put("__name__", metric);
                }
                out.add(new Series(labels, new double[] {t}, new double[] {v}));
            }
        }
        return out;
    }

    @Override
    public QueryStats stats() {
        return stats;
    }

    @Override
    public String displayUrl() {
        return url;
    }

    private String url = "http://hand-built";

    /** This server under another address (two of them stand for two sites' servers). */
    public HandBuiltPrometheus at(String address) {
        this.url = address;
        return this;
    }

    /** Every query hangs (a server that accepts and never answers). */
    void hangAll() {
        hangsAll = true;
    }

    private volatile boolean hangsAll;
}
