package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.HealthSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfMonitoringServerTest {
    @Test
    void servesTheStatsAsJsonAndAsPrometheusMetrics() throws Exception {
        CycleStats stats = new CycleStats(5, 1, 2, 0, 3.5, 100, 40, 20, 0, 0, 0, 2, 0, 1);
        try (SelfMonitoringServer server =
                new SelfMonitoringServer("127.0.0.1:0", () -> stats, HealthSnapshot::empty)) {
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
}
