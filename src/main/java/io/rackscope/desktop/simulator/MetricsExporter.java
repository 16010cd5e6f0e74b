package io.rackscope.desktop.simulator;

import com.sun.net.httpserver.HttpServer;
import io.rackscope.desktop.http.LimitedHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a simulator's series at {@code /metrics} in the Prometheus text format: all of them, or
 * with {@code ?target=ID} those of one target of {@link EstateSimulator#expositionByTarget} (503
 * for a node that is down).
 */
public final class MetricsExporter implements AutoCloseable {
    private final HttpServer server;
    private final EstateSimulator simulator;
    // the texts by target, made once a second for all the scrapes of that second
    private long madeForSecond = Long.MIN_VALUE;
    private Map<String, String> byTarget = Map.of();

    public MetricsExporter(EstateSimulator simulator, String host, int port, Clock clock)
            throws IOException {
        this.simulator = simulator;
        server = LimitedHttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext(
                "/metrics",
                ex -> {
                    String query = ex.getRequestURI().getQuery();
                    String text =
                            query != null && query.startsWith("target=")
                                    ? byTarget(clock.instant()).get(query.substring(7))
                                    : simulator.exposition(clock.instant());
                    byte[] body =
                            (text == null ? "target down\n" : text)
                                    .getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders()
                            .add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    ex.sendResponseHeaders(text == null ? 503 : 200, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.createContext(
                "/",
                ex -> {
                    byte[] body =
                            "Rackscope Desktop simulator: series at /metrics\n"
                                    .getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(
                            ex.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.setExecutor(
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "simulator-http");
                            t.setDaemon(true);
                            return t;
                        }));
        server.start();
    }

    private synchronized Map<String, String> byTarget(Instant now) {
        if (now.getEpochSecond() != madeForSecond) {
            byTarget = simulator.expositionByTarget(now);
            madeForSecond = now.getEpochSecond();
        }
        return byTarget;
    }

    /** host:port as Prometheus scrape targets spell it. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
