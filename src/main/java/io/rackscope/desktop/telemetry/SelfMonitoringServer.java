package io.rackscope.desktop.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The app's own numbers, for whoever watches the watcher: {@code /api/stats/telemetry} (the seed's
 * JSON keys) and {@code /metrics} (Prometheus text, {@code rackscope_*}). Off unless {@code
 * self_monitoring.enabled}; loopback unless configured otherwise.
 *
 * <p>Built to survive its clients: a small bounded pool answers (a full pool answers 503 at once
 * rather than queueing without end), a client that does not send its request within {@link
 * #READ_TIMEOUT} is dropped, the backlog holds {@link #BACKLOG} connections, only GET and HEAD are
 * served (405 otherwise), and every answer closes its connection.
 */
public final class SelfMonitoringServer implements AutoCloseable {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final int BACKLOG = 256;
    static final int WORKERS = 4;
    private final ServerSocket socket;
    private final ThreadPoolExecutor pool;
    private final Thread acceptor;
    private final PlannerState planner;
    private final Clock clock;
    private final boolean beyondLoopback;

    public SelfMonitoringServer(String listen, PlannerState planner, Clock clock)
            throws IOException {
        this.planner = planner;
        this.clock = clock;
        int colon = listen.lastIndexOf(':');
        InetAddress host = InetAddress.getByName(listen.substring(0, colon));
        this.beyondLoopback = !host.isLoopbackAddress();
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(
                new InetSocketAddress(host, Integer.parseInt(listen.substring(colon + 1))),
                BACKLOG);
        pool =
                new ThreadPoolExecutor(
                        WORKERS,
                        WORKERS,
                        30,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(64),
                        r -> {
                            Thread t = new Thread(r, "self-monitoring");
                            t.setDaemon(true);
                            return t;
                        });
        pool.allowCoreThreadTimeOut(true);
        acceptor = new Thread(this::accept, "self-monitoring-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Whether it listens on more than loopback (anyone on the network can read it then). */
    public boolean beyondLoopback() {
        return beyondLoopback;
    }

    private void accept() {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            try {
                pool.execute(() -> serve(client));
            } catch (RejectedExecutionException busy) {
                try (client) {
                    respond(client.getOutputStream(), 503, "text/plain", "busy\n", false);
                } catch (IOException ignored) {
                    // the client is gone; nothing to tell it
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout((int) READ_TIMEOUT.toMillis());
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(
                                    client.getInputStream(), StandardCharsets.US_ASCII));
            String request = in.readLine();
            if (request == null) {
                return;
            }
            String header;
            while ((header = in.readLine()) != null && !header.isEmpty()) {
                // headers are read and dropped: nothing here depends on them
            }
            String[] parts = request.split(" ");
            OutputStream out = client.getOutputStream();
            if (parts.length < 2) {
                respond(out, 400, "text/plain", "bad request\n", false);
                return;
            }
            boolean head = parts[0].equals("HEAD");
            if (!head && !parts[0].equals("GET")) {
                respond(out, 405, "text/plain", "only GET and HEAD\n", false);
                return;
            }
            String path = parts[1].split("\\?", 2)[0];
            switch (path) {
                case "/api/stats/telemetry" ->
                        respond(
                                out,
                                200,
                                "application/json",
                                new ObjectMapper().writeValueAsString(planner.stats().asMap()),
                                head);
                case "/metrics" ->
                        respond(
                                out,
                                200,
                                "text/plain; version=0.0.4",
                                metrics(planner, clock.instant()),
                                head);
                default -> respond(out, 404, "text/plain", "not found\n", head);
            }
        } catch (SocketTimeoutException | SocketException slowOrGone) {
            // a client that does not finish its request in time is dropped
        } catch (IOException e) {
            // the answer could not be written; the client is gone
        }
    }

    private static void respond(
            OutputStream out, int code, String type, String body, boolean headOnly)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String reason =
                switch (code) {
                    case 200 -> "OK";
                    case 400 -> "Bad Request";
                    case 404 -> "Not Found";
                    case 405 -> "Method Not Allowed";
                    default -> "Service Unavailable";
                };
        String head =
                "HTTP/1.1 "
                        + code
                        + " "
                        + reason
                        + "\r\nContent-Type: "
                        + type
                        + "\r\nContent-Length: "
                        + bytes.length
                        + (code == 405 ? "\r\nAllow: GET, HEAD" : "")
                        + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!headOnly) {
            out.write(bytes);
        }
        out.flush();
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
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket that failed is nothing to report
        }
        pool.shutdownNow();
    }
}
