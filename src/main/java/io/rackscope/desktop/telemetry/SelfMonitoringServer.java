package io.rackscope.desktop.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.HealthSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The app's own numbers, for whoever watches the watcher: {@code /api/stats/telemetry} (the seed's
 * JSON keys) and {@code /metrics} (Prometheus text, {@code rackscope_*}). Off unless {@code
 * self_monitoring.enabled}; loopback unless configured otherwise.
 */
public final class SelfMonitoringServer implements AutoCloseable {
    private final HttpServer server;

    public SelfMonitoringServer(
            String listen, Supplier<CycleStats> stats, Supplier<HealthSnapshot> latest)
            throws IOException {
        int colon = listen.lastIndexOf(':');
        server =
                HttpServer.create(
                        new InetSocketAddress(
                                listen.substring(0, colon),
                                Integer.parseInt(listen.substring(colon + 1))),
                        8);
        server.createContext(
                "/api/stats/telemetry",
                ex ->
                        send(
                                ex,
                                "application/json",
                                new ObjectMapper().writeValueAsString(stats.get().asMap())));
        server.createContext(
                "/metrics",
                ex ->
                        send(
                                ex,
                                "text/plain; version=0.0.4",
                                metrics(stats.get().asMap(), latest.get())));
        server.start();
    }

    static String metrics(Map<String, Object> stats, HealthSnapshot s) {
        StringBuilder b = new StringBuilder();
        stats.forEach(
                (k, v) -> {
                    if (v instanceof Number n) {
                        String name = "rackscope_" + k.toLowerCase(Locale.ROOT);
                        b.append("# TYPE ")
                                .append(name)
                                .append(
                                        k.endsWith("_ms") || k.equals("in_flight")
                                                ? " gauge\n"
                                                : " counter\n");
                        b.append(name).append(' ').append(n).append('\n');
                    }
                });
        b.append("# TYPE rackscope_snapshot_version gauge\nrackscope_snapshot_version ")
                .append(s.version())
                .append('\n');
        b.append("# TYPE rackscope_snapshot_age_seconds gauge\nrackscope_snapshot_age_seconds ")
                .append(
                        s.version() == 0
                                ? "NaN"
                                : Long.toString(
                                        Duration.between(s.takenAt(), Instant.now()).toSeconds()))
                .append('\n');
        b.append("# TYPE rackscope_nodes gauge\n");
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        s.nodes().values().forEach(sev -> counts.merge(sev, 1L, Long::sum));
        counts.forEach(
                (sev, n) ->
                        b.append("rackscope_nodes{state=\"")
                                .append(sev)
                                .append("\"} ")
                                .append(n)
                                .append('\n'));
        b.append("# TYPE rackscope_cycle_errors gauge\nrackscope_cycle_errors ")
                .append(s.errors().size())
                .append('\n');
        return b.toString();
    }

    private static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
