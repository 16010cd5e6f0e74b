package io.rackscope.desktop.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.http.Secret;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks against a real HTTP receiver on loopback: what is sent, when, and tried again. */
class WebhooksTest {
    HttpServer receiver;
    final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    final AtomicInteger refuseFirst = new AtomicInteger();
    final CountDownLatch answer = new CountDownLatch(1);
    volatile boolean hold;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(
                "/hook",
                x -> {
                    String body =
                            new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    try {
                        if (hold) {
                            answer.await(10, TimeUnit.SECONDS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    int code = refuseFirst.getAndDecrement() > 0 ? 503 : 204;
                    if (code == 204) {
                        received.add(body);
                    }
                    x.sendResponseHeaders(code, -1);
                    x.close();
                });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
    }

    @AfterEach
    void stop() {
        answer.countDown();
        receiver.stop(0);
    }

    Webhooks hooks(Set<String> when) {
        String url =
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=s3cret-token";
        return new Webhooks(List.of(new AppConfig.Notify(new Secret(url), when)), 20);
    }

    static Escalation.Moment moment(String kind) {
        return new Escalation.Moment(
                kind,
                EscalationTest.incident("cn0001", Severity.CRIT, EscalationTest.T0),
                EscalationTest.T0.plusSeconds(600));
    }

    @Test
    void aMomentAskedForIsPostedAsJsonAndOneNotAskedForIsNot() throws Exception {
        try (Webhooks w = hooks(Set.of("escalated"))) {
            w.accept(moment("new"));
            w.accept(moment("escalated"));
            String body = received.poll(10, TimeUnit.SECONDS);
            JsonNode doc = new ObjectMapper().readTree(body);
            assertEquals("escalated", doc.get("moment").asText());
            assertEquals("node:cn0001", doc.get("incident").get("key").asText());
            assertEquals("CRIT", doc.get("incident").get("severity").asText());
            assertEquals("2026-12-05T02:00:00Z", doc.get("incident").get("since").asText());
            assertEquals("cn0001", doc.get("incident").get("members").get(0).asText());
            assertEquals(
                    null, received.poll(300, TimeUnit.MILLISECONDS), "'new' was not asked for");
        }
    }

    @Test
    void aReceiverThatCannotTakeItIsTriedAgainAndNothingWaitsForIt() throws Exception {
        refuseFirst.set(2);
        hold = true;
        try (Webhooks w = hooks(Set.of("unanswered"))) {
            long start = System.nanoTime();
            w.accept(moment("unanswered"));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 1000, "the caller does not wait for the receiver: " + took + " ms");
            answer.countDown();
            String body = received.poll(20, TimeUnit.SECONDS);
            assertTrue(
                    body != null && body.contains("\"moment\":\"unanswered\""),
                    String.valueOf(body));
            assertEquals(-1, refuseFirst.get(), "two refusals, then taken on the third try");
        }
    }
}
