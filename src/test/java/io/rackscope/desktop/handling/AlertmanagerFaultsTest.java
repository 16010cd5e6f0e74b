package io.rackscope.desktop.handling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.http.Secret;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a real Alertmanager will not show on demand: credentials refused, an HTML error page from a
 * proxy, a body that is not JSON. The store says so plainly and never shows its secret.
 */
class AlertmanagerFaultsTest {
    MockWebServer server;
    AlertmanagerStore store;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        store =
                new AlertmanagerStore(
                        new Endpoint(
                                server.url("/am/").toString(),
                                null,
                                new Secret(null),
                                new Secret("s3cret-token"),
                                true,
                                null,
                                null,
                                null,
                                Duration.ofSeconds(5),
                                1,
                                "alertmanager"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusedCredentialsAreSaidWithoutTheSecretAndTheTokenIsSent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).body("no").build());
        StoreException e = assertThrows(StoreException.class, store::read);
        assertEquals(StoreException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
        RecordedRequest r = server.takeRequest();
        assertEquals("Bearer s3cret-token", r.getHeaders().get("Authorization"));
        assertEquals("/am/api/v2/silences", r.getTarget());
    }

    @Test
    void anHtmlPageOrGarbageIsABadAnswerNamed() {
        server.enqueue(
                new MockResponse.Builder()
                        .code(502)
                        .addHeader("Content-Type", "text/html")
                        .body("<html><body>Bad Gateway</body></html>")
                        .build());
        StoreException e = assertThrows(StoreException.class, store::read);
        assertEquals(StoreException.Kind.BAD_ANSWER, e.kind());
        assertTrue(e.getMessage().contains("HTTP 502 with an HTML page"), e.getMessage());
        assertFalse(
                e.getMessage().contains("<html"), "no raw HTML in the banner: " + e.getMessage());
        server.enqueue(new MockResponse.Builder().code(200).body("{not json").build());
        StoreException garbage = assertThrows(StoreException.class, store::read);
        assertTrue(garbage.getMessage().endsWith("the answer is not JSON"), garbage.getMessage());
    }
}
