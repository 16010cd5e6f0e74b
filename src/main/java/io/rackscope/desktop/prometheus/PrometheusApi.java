package io.rackscope.desktop.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Port: what the planner and the chart service ask of a Prometheus (or anything speaking its HTTP
 * API). {@link PrometheusClient} is the real one; tests of the planner's logic answer from
 * hand-built results.
 */
public interface PrometheusApi {
    /** An instant query evaluated at {@code time}. */
    CompletableFuture<QueryResult> query(String promql, Instant time);

    CompletableFuture<QueryResult> queryRange(
            String promql, Instant start, Instant end, Duration step);

    /** The counters this source adds to. */
    QueryStats stats();

    /** Where it is, as shown to people (no credentials). */
    String displayUrl();

    /**
     * How far the server's clock is ahead of this desk's (negative: behind), as its last answer's
     * {@code Date} header told, to the second; zero when unknown.
     */
    default Duration clockSkew() {
        return Duration.ZERO;
    }

    /**
     * How far the timestamps of its last instant answer were from the time asked (a gateway that
     * rewrites them); zero when they match. Answers are given back on the asked timeline.
     */
    default Duration answerShift() {
        return Duration.ZERO;
    }

    /**
     * Of a high-availability set whose first server failed: which one answers in its place
     * ("http://b answers for http://a"); empty otherwise.
     */
    default String standIn() {
        return "";
    }

    /** When its history begins (its oldest sample), if it says. */
    default java.util.Optional<Instant> historyStart() {
        return java.util.Optional.empty();
    }
}
