package io.rackscope.desktop.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.http.Secret;
import io.rackscope.desktop.promql.PromQL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults a real Prometheus cannot be made to show on demand: proxy pages, 401, bad JSON, a stalled
 * body.
 */
class PrometheusClientTest {
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Endpoint settings(String user, String password, String token, int timeoutSeconds) {
        return new Endpoint(
                "http://unused",
                user,
                new Secret(password),
                new Secret(token),
                true,
                null,
                null,
                null,
                Duration.ofSeconds(timeoutSeconds),
                4,
                "telemetry");
    }

    PrometheusClient client(Endpoint t) {
        return new PrometheusClient(t.withUrl(server.url("/prom/").toString()), new QueryStats());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static PrometheusException failure(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return (PrometheusException) e.getCause();
    }

    @Test
    void postsFormEncodedQueriesUnderThePathPrefixWithBasicAuth() throws Exception {
        server.enqueue(
                json(
                        200,
                        """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"instance":"a"},"value":[1700000000.5,"+Inf"]},
                  {"metric":{"instance":"b"},"value":[1700000000.5,"-Inf"]},
                  {"metric":{"instance":"c"},"value":[1700000000.5,"NaN"]},
                  {"metric":{"instance":"d"},"value":[1700000000.5,"3.5e-07"]}]},
                 "warnings":["PromQL warning: w1"],"infos":["i1"]}"""));
        try (PrometheusClient c = client(settings("noc", "pw-secret", null, 10))) {
            QueryResult r = c.query("up{instance=~\"a|b\"}").join();
            assertEquals(4, r.series().size());
            assertEquals(Double.POSITIVE_INFINITY, r.series().get(0).value());
            assertEquals(Double.NEGATIVE_INFINITY, r.series().get(1).value());
            assertTrue(Double.isNaN(r.series().get(2).value()));
            assertEquals(3.5e-7, r.series().get(3).value());
            assertEquals(List.of("PromQL warning: w1"), r.warnings());
            assertEquals(List.of("i1"), r.infos());
            assertTrue(r.bytes() > 100);
        }
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", req.getMethod());
        assertEquals("/prom/api/v1/query", req.getUrl().encodedPath());
        assertTrue(
                req.getHeaders()
                        .get("Content-Type")
                        .startsWith("application/x-www-form-urlencoded"));
        String body = req.getBody().utf8();
        assertTrue(body.contains("query=up%7Binstance%3D%7E%22a%7Cb%22%7D"), body);
        assertTrue(
                body.contains("timeout=9s"), "server timeout shorter than the client's: " + body);
        assertTrue(req.getHeaders().get("Authorization").startsWith("Basic "));
    }

    @Test
    void bearerTokenIsSent() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        try (PrometheusClient c = client(settings(null, null, "tok-1", 10))) {
            c.query("up").join();
        }
        assertEquals(
                "Bearer tok-1",
                server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"));
    }

    @Test
    void htmlProxyPageIsNamedPlainly() {
        server.enqueue(
                new MockResponse.Builder()
                        .code(502)
                        .addHeader("Content-Type", "text/html")
                        .body("<html><body>Bad Gateway</body></html>")
                        .build());
        server.enqueue(
                new MockResponse.Builder()
                        .code(502)
                        .addHeader("Content-Type", "text/html")
                        .body("<html/>")
                        .build());
        server.enqueue(
                new MockResponse.Builder()
                        .code(502)
                        .addHeader("Content-Type", "text/html")
                        .body("<html/>")
                        .build());
        try (PrometheusClient c = client(settings(null, null, null, 10))) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.UNAVAILABLE, e.kind());
            assertTrue(
                    e.getMessage().contains("HTTP 502 with an HTML page")
                            && e.getMessage().contains("down or overloaded")
                            && !e.getMessage().contains("login page"),
                    e.getMessage());
        }
    }

    @Test
    void aLoginPageIsNamedAsWhatMayBeInTheWay() {
        server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "text/html")
                        .body("<html><form>Sign in</form></html>")
                        .build());
        try (PrometheusClient c = client(settings(null, null, null, 10))) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.NOT_PROMETHEUS, e.kind());
            assertTrue(e.getMessage().contains("login page may be in the way"), e.getMessage());
        }
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndNeverShown() throws Exception {
        server.enqueue(
                json(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        String url = server.url("/prom/").toString().replace("http://", "http://ops:s3cr%40t@");
        Endpoint e = settings(null, null, null, 10).withUrl(url);
        assertEquals(Endpoint.Credential.URL_USERINFO, e.credential());
        try (PrometheusClient c = new PrometheusClient(e, new QueryStats())) {
            c.query("up").join();
            assertFalse(c.displayUrl().contains("s3cr"), c.displayUrl());
        }
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals(
                okhttp3.Credentials.basic("ops", "s3cr@t"), req.getHeaders().get("Authorization"));
        assertEquals("/prom/api/v1/query", req.getUrl().encodedPath());
    }

    @Test
    void aBearerTokenWinsOverBasicAuthWhichWinsOverTheUrl() {
        String url = "http://u:p@prom:9090";
        assertEquals(
                Endpoint.Credential.BEARER_TOKEN,
                settings("ops", "pw", "tok", 10).withUrl(url).credential());
        assertEquals(
                Endpoint.Credential.BASIC_AUTH,
                settings("ops", "pw", null, 10).withUrl(url).credential());
        assertEquals(
                Endpoint.Credential.NONE,
                settings(null, null, null, 10).withUrl("http://prom:9090").credential());
    }

    @Test
    void latencyCountsFromWhenARequestLeavesTheQueue() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(
                    new MockResponse.Builder()
                            .code(200)
                            .addHeader("Content-Type", "application/json")
                            .body(
                                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
                            .headersDelay(400, TimeUnit.MILLISECONDS)
                            .build());
        }
        Endpoint one =
                new Endpoint(
                        "http://unused",
                        null,
                        new Secret(null),
                        new Secret(null),
                        true,
                        null,
                        null,
                        null,
                        Duration.ofSeconds(10),
                        1,
                        "telemetry");
        try (PrometheusClient c = client(one)) {
            CompletableFuture.allOf(c.query("a"), c.query("b"), c.query("c"), c.query("d")).join();
            // one at a time: counted from the enqueue, the mean would be (0.4+0.8+1.2+1.6)/4 = 1 s
            double mean = c.stats().avgLatencyMillis();
            assertTrue(mean >= 400 && mean < 800, "mean latency " + mean + " ms");
        }
    }

    @Test
    void refusedCredentialsNeverShowTheSecret() {
        server.enqueue(
                new MockResponse.Builder()
                        .code(401)
                        .addHeader("Content-Type", "text/plain")
                        .body("Unauthorized")
                        .build());
        try (PrometheusClient c = client(settings("noc", "pw-very-secret", null, 10))) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.CREDENTIALS, e.kind());
            assertTrue(e.getMessage().contains("401"));
            assertFalse(e.getMessage().contains("pw-very-secret"));
            assertEquals(1, server.getRequestCount(), "credentials errors are not retried");
        }
    }

    @Test
    void malformedJsonIsReported() {
        server.enqueue(
                json(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"));
        try (PrometheusClient c = client(settings(null, null, null, 10))) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.NOT_PROMETHEUS, e.kind());
            assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        }
    }

    @Test
    void badQueryIsNotRetriedAndCarriesPrometheusReason() {
        server.enqueue(
                json(
                        422,
                        "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"too long query\"}"));
        try (PrometheusClient c = client(settings(null, null, null, 10))) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.BAD_QUERY, e.kind());
            assertTrue(
                    e.getMessage().contains("execution")
                            && e.getMessage().contains("too long query"));
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void unavailableIsRetriedWithBackoff() {
        server.enqueue(
                json(
                        503,
                        "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"busy\"}"));
        server.enqueue(
                json(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"2\"]}}"));
        try (PrometheusClient c = client(settings(null, null, null, 10))) {
            QueryResult r = c.query("1+1").join();
            assertEquals(2.0, r.series().get(0).value());
            assertEquals(2, server.getRequestCount());
            assertEquals(1, c.stats().failedQueries());
        }
    }

    @Test
    void stalledBodyTimesOut() {
        server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(
                                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
                        .bodyDelay(10, TimeUnit.SECONDS)
                        .build());
        try (PrometheusClient c = client(settings(null, null, null, 1))) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.TIMEOUT, e.kind());
            assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
        }
    }

    @Test
    void identicalQueriesInFlightShareOneRequest() {
        server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(
                                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
                        .headersDelay(300, TimeUnit.MILLISECONDS)
                        .build());
        try (PrometheusClient c = client(settings(null, null, null, 10))) {
            CompletableFuture<QueryResult> a = c.query("up");
            CompletableFuture<QueryResult> b = c.query("up");
            assertSame(a, b);
            a.join();
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void aQueryAskedAsTheSameOneIsAnsweredIsSentAgainNotGivenTheAnswerJustGiven() {
        String empty =
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
        server.enqueue(json(200, empty));
        server.enqueue(json(200, empty));
        try (PrometheusClient c = client(settings(null, null, null, 10))) {
            // asked from the first answer's completion, before its entry in flight is cleared
            c.query("up").thenCompose(first -> c.query("up")).join();
            assertEquals(2, server.getRequestCount());
        }
    }

    @Test
    void refusedConnectionIsUnreachable() {
        server.close();
        try (PrometheusClient c = client(settings(null, null, null, 5))) {
            PrometheusException e = failure(c.query("up"));
            assertEquals(PrometheusException.Kind.UNREACHABLE, e.kind());
            assertTrue(e.transientFailure());
        }
    }

    @Test
    void regexEscapingAndValueParsing() {
        assertEquals(
                "10\\\\.0\\\\.0\\\\.1:9100|a\\\\+b|n-1",
                PromQL.alternation(List.of("10.0.0.1:9100", "a+b", "n-1")));
        assertEquals("a\\\"b", PromQL.quoted("a\"b"));
        Endpoint e = settings(null, null, null, 5);
        assertEquals("http://h/prom", e.withUrl("http://h/prom//").baseUrl());
        assertEquals("http://h:9090/p", e.withUrl("http://user:pw@h:9090/p").displayUrl());
    }

    static String answerOf(int series) {
        StringBuilder b =
                new StringBuilder(
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
        String pad = "p".repeat(100);
        for (int i = 0; i < series; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"metric\":{\"instance\":\"n")
                    .append(i)
                    .append("\",\"pad\":\"")
                    .append(pad)
                    .append("\"},\"value\":[1,\"1\"]}");
        }
        return b.append("]}}").toString();
    }

    @Test
    void answersInFlightTogetherAreBoundedByOneSharedBudgetAndTheOnesOverItAreNamed()
            throws Exception {
        String big = answerOf(40_000); // about 6 MiB, within the 8 MiB bound of one answer
        for (int i = 0; i < 4; i++) {
            server.enqueue(
                    new MockResponse.Builder()
                            .code(200)
                            .addHeader("Content-Type", "application/json")
                            .body(big)
                            .throttleBody(512 * 1024, 50, TimeUnit.MILLISECONDS)
                            .build());
        }
        AnswerBudget budget = new AnswerBudget(12L << 20);
        try (PrometheusClient c =
                new PrometheusClient(
                        settings(null, null, null, 30).withUrl(server.url("/").toString()),
                        new QueryStats(),
                        1_000_000,
                        8L << 20,
                        budget)) {
            List<CompletableFuture<QueryResult>> all =
                    List.of(c.query("a"), c.query("b"), c.query("c"), c.query("d"));
            int ok = 0;
            int over = 0;
            for (CompletableFuture<QueryResult> f : all) {
                try {
                    assertEquals(40_000, f.get(60, TimeUnit.SECONDS).series().size());
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    PrometheusException pe = (PrometheusException) e.getCause();
                    assertEquals(PrometheusException.Kind.OVER_BUDGET, pe.kind(), pe.getMessage());
                    assertTrue(pe.getMessage().contains("passed 12 MiB together"), pe.getMessage());
                    over++;
                }
            }
            assertTrue(ok >= 1, "one fits: " + ok + " answered");
            assertTrue(over >= 1, "four at once do not: " + over + " abandoned");
            assertEquals(0, budget.held(), "every answer gave back what it took");
            server.enqueue(json(200, answerOf(10)));
            assertEquals(10, c.query("e").get(10, TimeUnit.SECONDS).series().size());
        }
    }

    @Test
    void theServersClockAndAnswersStampedOffTheAskedTimeAreMeasuredAndTakenBack() throws Exception {
        java.time.Instant asked = java.time.Instant.parse("2026-12-05T03:00:00Z");
        long shifted = asked.getEpochSecond() + 300;
        java.time.format.DateTimeFormatter http =
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.withZone(
                        java.time.ZoneOffset.UTC);
        String serverNow = http.format(java.time.Instant.now().plusSeconds(312));
        server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .addHeader("Date", serverNow)
                        .body(
                                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                                        + "\"result\":[{\"metric\":{\"instance\":\"n1\"},\"value\":["
                                        + shifted
                                        + ",\"1\"]}]}}")
                        .build());
        server.enqueue(
                json(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                                + "\"result\":[{\"metric\":{\"instance\":\"n1\"},\"values\":[["
                                + (shifted - 15)
                                + ",\"1\"],["
                                + shifted
                                + ",\"2\"]]}]}}"));
        try (PrometheusClient c = client(settings(null, null, null, 5))) {
            QueryResult v = c.query("up", asked).get(5, TimeUnit.SECONDS);
            assertEquals(asked.getEpochSecond(), (long) v.series().get(0).timestamps()[0]);
            assertEquals(Duration.ofSeconds(300), c.answerShift());
            long skew = c.clockSkew().toSeconds();
            assertTrue(Math.abs(skew - 312) <= 1, "skew " + skew);
            QueryResult m = c.query("up[30s:15s]", asked).get(5, TimeUnit.SECONDS);
            assertEquals(
                    asked.getEpochSecond(),
                    (long) m.series().get(0).timestamps()[1],
                    "a matrix of the same gateway is taken back too");
        }
    }
}
