package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.http.LimitedHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SelfMonitoringServerTest {
    record Fixed(CycleStats stats, HealthSnapshot latest, Instant lastGoodAt, Liveness liveness)
            implements PlannerState {
        Fixed(CycleStats stats, Liveness liveness) {
            this(stats, HealthSnapshot.empty(), null, liveness);
        }
    }

    @Test
    void aPlannerThatStoppedCyclingShowsInTheMetricsWhileTheDataAgeKeepsGrowing() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        Liveness stopped =
                Liveness.of(
                        now,
                        now.minusSeconds(600),
                        now.minusSeconds(300),
                        null,
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(35));
        String text =
                SelfMonitoringServer.metrics(
                        new Fixed(
                                CycleStats.NONE,
                                HealthSnapshot.empty(),
                                now.minusSeconds(300),
                                stopped),
                        now);
        assertTrue(text.contains("rackscope_planner_cycling 0"), text);
        assertTrue(text.contains("rackscope_snapshot_age_seconds 300"), text);
        String fine =
                SelfMonitoringServer.metrics(new Fixed(CycleStats.NONE, Liveness.CYCLING_NOW), now);
        assertTrue(fine.contains("rackscope_planner_cycling 1"), fine);
        assertTrue(fine.contains("rackscope_snapshot_age_seconds NaN"), fine);
    }

    @Test
    void servesTheStatsAsJsonAndAsPrometheusMetrics() throws Exception {
        CycleStats stats = new CycleStats(5, 1, 2, 0, 3.5, 100, 40, 20, 0, 0, 0, 2, 0, 1);
        try (SelfMonitoringServer server =
                new SelfMonitoringServer(
                        "127.0.0.1:0", new Fixed(stats, Liveness.CYCLING_NOW), Clock.systemUTC())) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> json =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/stats/telemetry"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode doc = new ObjectMapper().readTree(json.body());
            for (String key :
                    List.of(
                            "cache_hits",
                            "cache_misses",
                            "in_flight",
                            "query_count",
                            "avg_latency_ms")) {
                assertTrue(doc.has(key), key + " in " + json.body());
            }
            assertEquals(1, doc.get("cache_hits").asInt());
            assertEquals(2, doc.get("cache_misses").asInt());
            String text =
                    http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            assertTrue(text.contains("rackscope_cache_misses 2"), text);
            assertTrue(text.contains("# TYPE rackscope_in_flight gauge"), text);
            assertTrue(text.contains("rackscope_snapshot_version 0"), text);
        }
    }

    @Test
    void aSlowClientDoesNotBlockOthersAndOnlyGetAndHeadAreServed() throws Exception {
        CycleStats stats = CycleStats.NONE;
        try (SelfMonitoringServer server =
                        new SelfMonitoringServer(
                                "127.0.0.1:0",
                                new Fixed(stats, Liveness.CYCLING_NOW),
                                Clock.systemUTC());
                Socket slow = new Socket("127.0.0.1", server.port())) {
            slow.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> ok =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), "answered while a slow client holds a connection");
            HttpResponse<String> post =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .POST(HttpRequest.BodyPublishers.ofString("x"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            HttpResponse<String> head =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertFalse(server.beyondLoopback());
        }
    }

    @Test
    void aBurstOfConcurrentRequestsIsAllAnswered() throws Exception {
        try (SelfMonitoringServer server =
                new SelfMonitoringServer(
                        "127.0.0.1:0",
                        new Fixed(CycleStats.NONE, Liveness.CYCLING_NOW),
                        Clock.systemUTC())) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/stats/telemetry");
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                all.add(
                        http.sendAsync(
                                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                                HttpResponse.BodyHandlers.ofString()));
            }
            int ok = 0;
            for (CompletableFuture<HttpResponse<String>> f : all) {
                int code = f.get(30, TimeUnit.SECONDS).statusCode();
                assertEquals(200, code, "a burst within the queue is all answered");
                ok += code == 200 ? 1 : 0;
            }
            assertTrue(ok > 0, "most are served");
            assertEquals(
                    200,
                    http.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    "still serving after the burst");
        }
    }

    @Test
    void clientsDribblingTheirRequestsNeitherBlockOthersNorKeepTheirConnections() throws Exception {
        try (SelfMonitoringServer server =
                new SelfMonitoringServer(
                        "127.0.0.1:0",
                        new Fixed(CycleStats.NONE, Liveness.CYCLING_NOW),
                        Clock.systemUTC())) {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream()
                        .write(
                                "GET /metrics HTTP/1.1\r\nX-Slow: "
                                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            assertEquals(200, metricsOf(server), "answered while eight clients dribble");
            Socket dribbler = slow.get(0);
            dribbler.setSoTimeout(200);
            long deadline =
                    System.nanoTime()
                            + TimeUnit.SECONDS.toNanos(LimitedHttpServer.REQUEST_SECONDS + 5);
            boolean closed = false;
            while (!closed && System.nanoTime() < deadline) {
                try {
                    dribbler.getOutputStream().write('x');
                    closed = dribbler.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // one byte every 200 ms: each read is quick, the whole request is not
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertTrue(closed, "a request still arriving after its time is cut off");
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aHugeHeaderIsRefusedWithoutReadingItAll() throws Exception {
        try (SelfMonitoringServer server =
                        new SelfMonitoringServer(
                                "127.0.0.1:0",
                                new Fixed(CycleStats.NONE, Liveness.CYCLING_NOW),
                                Clock.systemUTC());
                Socket greedy = new Socket("127.0.0.1", server.port())) {
            OutputStream out = greedy.getOutputStream();
            out.write("GET /metrics HTTP/1.1\r\nX-Big: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            long sent = 0;
            try {
                while (sent < 200L * 1024 * 1024) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException refused) {
                // the server closed the connection: what this test wants
            }
            assertTrue(
                    sent < 200L * 1024 * 1024,
                    "the server stopped reading a 200 MB header after " + sent + " bytes");
            assertEquals(200, metricsOf(server), "still serving");
        }
    }

    /** The status of a plain GET of {@code /metrics}, given 2 s. */
    static int metricsOf(SelfMonitoringServer server) throws Exception {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .build()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:" + server.port() + "/metrics"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
