package io.rackscope.desktop.it;

import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.QueryStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The real client, each query's text kept in {@code asked} in the order sent (a class: the planner
 * keys its servers by it).
 */
final class RecordingApi implements PrometheusApi {
    private final PrometheusClient client;
    private final List<String> asked;

    RecordingApi(PrometheusClient client, List<String> asked) {
        this.client = client;
        this.asked = asked;
    }

    @Override
    public CompletableFuture<QueryResult> query(String promql, Instant time) {
        asked.add(promql);
        return client.query(promql, time);
    }

    @Override
    public CompletableFuture<QueryResult> queryRange(
            String promql, Instant start, Instant end, Duration step) {
        asked.add(promql);
        return client.queryRange(promql, start, end, step);
    }

    @Override
    public QueryStats stats() {
        return client.stats();
    }

    @Override
    public String displayUrl() {
        return client.displayUrl();
    }

    @Override
    public Duration clockSkew() {
        return client.clockSkew();
    }

    @Override
    public Duration answerShift() {
        return client.answerShift();
    }

    @Override
    public String standIn() {
        return client.standIn();
    }

    @Override
    public Optional<Instant> historyStart() {
        return client.historyStart();
    }
}
