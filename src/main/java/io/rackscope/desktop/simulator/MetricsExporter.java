package io.rackscope.desktop.simulator;

import com.sun.net.httpserver.HttpServer;
import io.rackscope.desktop.http.LimitedHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executors;

/** Serves a simulator's series at {@code /metrics} in the Prometheus text format. */
public final class MetricsExporter implements AutoCloseable {
    private final HttpServer server;

    public MetricsExporter(EstateSimulator simulator, String host, int port, Clock clock)
            throws IOException {
        server = LimitedHttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext(
                "/metrics",
                ex -> {
                    byte[] body =
                            simulator.exposition(clock.instant()).getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders()
                            .add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    ex.sendResponseHeaders(200, body.length);
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

    /** host:port as Prometheus scrape targets spell it. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
