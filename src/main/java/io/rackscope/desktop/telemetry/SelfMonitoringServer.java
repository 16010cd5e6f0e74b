package io.rackscope.desktop.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.http.LimitedHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The app's own numbers, for whoever watches the watcher: {@code /api/stats/telemetry} (the seed's
 * JSON keys) and {@code /metrics} (Prometheus text, {@code rackscope_*}). Off unless {@code
 * self_monitoring.enabled}; loopback unless configured otherwise.
 *
 * <p>Served by the JDK's HTTP server with {@link LimitedHttpServer}'s limits (a whole request
 * within a few seconds, capped headers), a bounded pool of {@link #WORKERS} threads (a full pool
 * answers 503 rather than queueing without end) and only GET and HEAD (405 otherwise).
 */
public final class SelfMonitoringServer implements AutoCloseable {
    static final int BACKLOG = 256;
    static final int WORKERS = 16;

    /** Requests waiting for a worker; past it the JDK's server closes the connection. */
    static final int QUEUE = 1024;

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final PlannerState planner;
    private final Clock clock;
    private final boolean beyondLoopback;
    private final Supplier<Duration> uiStalled;

    public SelfMonitoringServer(String listen, PlannerState planner, Clock clock)
            throws IOException {
        this(listen, planner, clock, null);
    }

    /** {@code uiStalled}: how long the window's thread has not answered (null: no window). */
    public SelfMonitoringServer(
            String listen, PlannerState planner, Clock clock, Supplier<Duration> uiStalled)
            throws IOException {
        this.uiStalled = uiStalled;
        this.planner = planner;
        this.clock = clock;
        int colon = listen.lastIndexOf(':');
        InetAddress host = InetAddress.getByName(listen.substring(0, colon));
        this.beyondLoopback = !host.isLoopbackAddress();
        server =
                LimitedHttpServer.create(
                        new InetSocketAddress(host, Integer.parseInt(listen.substring(colon + 1))),
                        BACKLOG);
        pool =
                new ThreadPoolExecutor(
                        WORKERS,
                        WORKERS,
                        30,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(QUEUE),
                        r -> {
                            Thread t = new Thread(r, "self-monitoring");
                            t.setDaemon(true);
                            return t;
                        });
        pool.allowCoreThreadTimeOut(true);
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Whether it listens on more than loopback (anyone on the network can read it then). */
    public boolean beyondLoopback() {
        return beyondLoopback;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain", "only GET and HEAD\n", false);
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/api/stats/telemetry" ->
                        respond(
                                exchange,
                                200,
                                "application/json",
                                new ObjectMapper().writeValueAsString(planner.stats().asMap()),
                                head);
                case "/metrics" ->
                        respond(
                                exchange,
                                200,
                                "text/plain; version=0.0.4",
                                metrics(planner, clock.instant())
                                        + (uiStalled == null
                                                ? ""
                                                : "# TYPE rackscope_ui_stalled_seconds gauge\n"
                                                        + "rackscope_ui_stalled_seconds "
                                                        + uiStalled.get().toSeconds()
                                                        + "\n"),
                                head);
                default -> respond(exchange, 404, "text/plain", "not found\n", head);
            }
        }
    }

    private static void respond(
            HttpExchange exchange, int code, String type, String body, boolean headOnly)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Connection", "close");
        if (headOnly) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(code, -1);
            return;
        }
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /**
     * The data age grows from when data last arrived, so it keeps growing while cycles fail; a
     * planner that stopped cycling shows as {@code rackscope_planner_cycling 0}.
     */
    static String metrics(PlannerState planner, Instant now) {
        HealthSnapshot s = planner.latest();
        Instant lastGood = planner.lastGoodAt();
        Liveness live = planner.liveness();
        StringBuilder b = new StringBuilder();
        planner.stats()
                .asMap()
                .forEach(
                        (k, v) -> {
                            if (v instanceof Number n) {
                                String name = "rackscope_" + k.toLowerCase(Locale.ROOT);
                                boolean gauge =
                                        k.endsWith("_ms")
                                                || k.equals("in_flight")
                                                || k.equals("servers")
                                                || k.equals("batches")
                                                || k.equals("failed_batches");
                                b.append("# TYPE ")
                                        .append(name)
                                        .append(gauge ? " gauge\n" : " counter\n");
                                b.append(name).append(' ').append(n).append('\n');
                            }
                        });
        b.append("# TYPE rackscope_snapshot_version gauge\nrackscope_snapshot_version ")
                .append(s.version())
                .append('\n');
        b.append("# TYPE rackscope_snapshot_age_seconds gauge\nrackscope_snapshot_age_seconds ")
                .append(
                        lastGood == null
                                ? "NaN"
                                : Long.toString(Duration.between(lastGood, now).toSeconds()))
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
        b.append("# TYPE rackscope_stale_nodes gauge\nrackscope_stale_nodes ")
                .append(s.nodes().keySet().stream().filter(s::isStale).count())
                .append('\n');
        b.append("# TYPE rackscope_planner_cycling gauge\nrackscope_planner_cycling ")
                .append(live.stopped() ? 0 : 1)
                .append('\n');
        b.append("# TYPE rackscope_planner_slow gauge\nrackscope_planner_slow ")
                .append(live.state() == Liveness.State.SLOW ? 1 : 0)
                .append('\n');
        b.append("# TYPE rackscope_cycle_errors gauge\nrackscope_cycle_errors ")
                .append(s.errors().size())
                .append('\n');
        return b.toString();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
