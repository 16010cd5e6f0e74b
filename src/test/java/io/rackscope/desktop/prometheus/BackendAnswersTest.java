package io.rackscope.desktop.prometheus;

import static io.rackscope.desktop.prometheus.PrometheusClientTest.failure;
import static io.rackscope.desktop.prometheus.PrometheusClientTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.http.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What real backends answer besides plain Prometheus: Thanos' and VictoriaMetrics' partial answers
 * (no real server here can be made to give one: an HTTP fake), a tenant's header and parameters,
 * and the servers of an HA set taken in turn.
 */
class BackendAnswersTest {
    private static final String EMPTY =
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}";

    MockWebServer a;
    MockWebServer b;

    @BeforeEach
    void start() throws Exception {
        a = new MockWebServer();
        a.start();
        b = new MockWebServer();
        b.start();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    static Endpoint endpoint(
            List<String> urls, Map<String, Secret> headers, Map<String, String> params) {
        return new Endpoint(
                urls.get(0),
                null,
                new Secret(null),
                new Secret(null),
                true,
                null,
                null,
                null,
                Duration.ofSeconds(5),
                4,
                "telemetry",
                urls.subList(1, urls.size()),
                headers,
                params);
    }

    PrometheusClient client(MockWebServer... servers) {
        List<String> urls =
                java.util.Arrays.stream(servers).map(s -> s.url("/").toString()).toList();
        return new PrometheusClient(endpoint(urls, Map.of(), Map.of()), new QueryStats());
    }

    @Test
    void aThanosAnswerWithWarningsIsPartialNeverTakenAsTheWholeTruth() {
        a.enqueue(
                json(200, EMPTY + ",\"warnings\":[\"receive-1: rpc error: code = Unavailable\"]}"));
        try (PrometheusClient c = client(a)) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.PARTIAL, e.kind());
            assertTrue(
                    e.getMessage().contains("answered only in part (receive-1: rpc error"),
                    e.getMessage());
            assertEquals(1, a.getRequestCount(), "a partial answer is not asked again");
        }
    }

    @Test
    void aVictoriaMetricsAnswerMarkedPartialIsPartial() {
        a.enqueue(json(200, EMPTY + ",\"isPartial\":true}"));
        try (PrometheusClient c = client(a)) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.PARTIAL, e.kind());
            assertTrue(e.getMessage().contains("isPartial"), e.getMessage());
        }
    }

    @Test
    void prometheusOwnNotesOnTheExpressionAreNotPartial() {
        a.enqueue(
                json(
                        200,
                        EMPTY + ",\"isPartial\":false,\"warnings\":[\"PromQL warning: mixed\"]}"));
        try (PrometheusClient c = client(a)) {
            assertEquals(List.of("PromQL warning: mixed"), c.query("up").join().warnings());
        }
    }

    @Test
    void theTenantsHeaderAndTheParametersGoWithEveryQueryAndAMissingTenantIsSaidSo()
            throws Exception {
        a.enqueue(json(200, EMPTY + "}"));
        a.enqueue(
                new MockResponse.Builder()
                        .code(401)
                        .addHeader("Content-Type", "text/plain")
                        .body("no org id\n")
                        .build());
        Endpoint e =
                endpoint(
                        List.of(a.url("/").toString()),
                        Map.of("X-Scope-OrgID", new Secret("tenant-7")),
                        Map.of("partial_response", "false", "dedup", "true"));
        try (PrometheusClient c = new PrometheusClient(e, new QueryStats())) {
            c.query("up").join();
            RecordedRequest r = a.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("tenant-7", r.getHeaders().get("X-Scope-OrgID"));
            String body = r.getBody().utf8();
            assertTrue(
                    body.contains("partial_response=false") && body.contains("dedup=true"), body);
            PrometheusException no = failure(c.query("up", java.time.Instant.now()));
            assertEquals(PrometheusException.Kind.CREDENTIALS, no.kind());
            assertTrue(no.getMessage().contains("X-Scope-OrgID"), no.getMessage());
            assertFalse(no.getMessage().contains("tenant-7"));
        }
        assertFalse(e.toString().contains("tenant-7"));
    }

    @Test
    void aFailingServerOfAnHaSetIsSkippedAndTheOtherIsKeptUntilItFails() {
        a.enqueue(json(503, "{\"status\":\"error\",\"error\":\"down\"}"));
        b.enqueue(json(200, EMPTY + "}"));
        b.enqueue(json(200, EMPTY + "}"));
        b.enqueue(json(503, "{\"status\":\"error\",\"error\":\"down\"}"));
        a.enqueue(json(200, EMPTY + "}"));
        try (PrometheusClient c = client(a, b)) {
            assertEquals(a.url("/").toString().replaceAll("/$", ""), c.displayUrl());
            c.query("up").join();
            assertEquals(b.url("/").toString().replaceAll("/$", ""), c.displayUrl(), "b answers");
            c.query("up").join();
            assertEquals(1, a.getRequestCount(), "b is kept while it answers: no flicker");
            c.query("up").join();
            assertEquals(2, a.getRequestCount(), "b failing: a again, in the same query");
            assertEquals(a.url("/").toString().replaceAll("/$", ""), c.displayUrl());
            assertEquals(3, b.getRequestCount());
        }
    }
}
