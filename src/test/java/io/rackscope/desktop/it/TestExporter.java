package io.rackscope.desktop.it;

import com.sun.net.httpserver.HttpServer;
import io.rackscope.desktop.http.LimitedHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** A tiny /metrics endpoint whose text the test sets; Prometheus scrapes it with honor_labels. */
public final class TestExporter implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<String> text = new AtomicReference<>("");

    public TestExporter() throws IOException {
        server = LimitedHttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/metrics",
                ex -> {
                    String now = text.get();
                    byte[] body = (now == null ? "down\n" : now).getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
                    ex.sendResponseHeaders(now == null ? 503 : 200, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
    }

    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The text served from now on; null: every scrape fails (503), as an exporter down. */
    public void set(String metrics) {
        text.set(metrics);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
