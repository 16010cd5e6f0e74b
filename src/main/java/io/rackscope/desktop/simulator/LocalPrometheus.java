package io.rackscope.desktop.simulator;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real {@code prometheus} binary on a free loopback port with a temporary data directory,
 * scraping one target, optionally backfilled with {@code promtool}. Everything it started or wrote
 * goes away on {@link #close()}.
 */
public final class LocalPrometheus implements AutoCloseable {
    public static final String INSTALL_HINT =
            "Prometheus is not installed (no 'prometheus' on PATH). On Debian/Ubuntu: "
                    + "sudo apt-get install prometheus; elsewhere: download it from https://prometheus.io/download/ and put "
                    + "'prometheus' and 'promtool' on PATH.";

    private final Path dir;
    private final int port;
    private Process process;
    private volatile Process tool;

    private LocalPrometheus(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** The executable {@code name} on PATH, if any. */
    public static Optional<Path> binary(String name) {
        String path = System.getenv("PATH");
        for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Prepares a data directory; {@code history} (an OpenMetrics file) is backfilled into it when
     * not null.
     */
    public static LocalPrometheus prepare(Path history) throws IOException, InterruptedException {
        LocalPrometheus p =
                new LocalPrometheus(Files.createTempDirectory("rackscope-prometheus"), freePort());
        if (history != null) {
            p.backfill(history);
        }
        return p;
    }

    /**
     * Backfills {@code history} (an OpenMetrics file): promtool writes its blocks beside the data,
     * then they are moved in, whole, so that a running server never sees half a block; a running
     * Prometheus reads them at its next block reload (it reloads every minute).
     */
    public void backfill(Path history) throws IOException, InterruptedException {
        Path promtool = binary("promtool").orElseThrow(() -> new IOException(INSTALL_HINT));
        Path blocks = Files.createDirectories(dir.resolve("backfill"));
        Process p =
                new ProcessBuilder(
                                promtool.toString(),
                                "tsdb",
                                "create-blocks-from",
                                "openmetrics",
                                history.toString(),
                                blocks.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("promtool.log").toFile())
                        .start();
        tool = p;
        try {
            if (p.waitFor() != 0) {
                throw new IOException(
                        "promtool could not backfill the history: "
                                + tail(dir.resolve("promtool.log")));
            }
        } finally {
            p.destroy();
            tool = null;
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Stream<Path> made = Files.list(blocks)) {
            for (Path block : made.toList()) {
                Files.move(
                        block, data.resolve(block.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.delete(blocks);
    }

    public Path directory() {
        return dir;
    }

    /**
     * Starts scraping {@code target} (host:port) every {@code scrapeSeconds} and waits until ready.
     */
    public void start(String target, int scrapeSeconds, Duration readyTimeout)
            throws IOException, InterruptedException {
        start(target, "      - targets: ['%s']\n".formatted(target), scrapeSeconds, readyTimeout);
    }

    /**
     * Starts scraping the simulator at {@code target} as an estate with an exporter per node: a
     * target of its own for each of {@code nodes}, labelled with its instance, and one for every
     * other series ({@link MetricsExporter}'s {@code ?target=}).
     */
    public void startByTarget(
            String target, List<String> nodes, int scrapeSeconds, Duration readyTimeout)
            throws IOException, InterruptedException {
        StringBuilder targets =
                new StringBuilder(
                        "      - {targets: ['%s'], labels: {__param_target: %s}}\n"
                                .formatted(target, EstateSimulator.FACILITY));
        for (String node : nodes) {
            targets.append(
                    "      - {targets: ['%s'], labels: {__param_target: '%s', instance: '%s'}}\n"
                            .formatted(target, node, node));
        }
        start(target, targets.toString(), scrapeSeconds, readyTimeout);
    }

    private void start(String target, String targets, int scrapeSeconds, Duration readyTimeout)
            throws IOException, InterruptedException {
        Files.writeString(
                dir.resolve("prometheus.yml"),
                """
                global:
                  scrape_interval: %ds
                  scrape_timeout: %ds
                scrape_configs:
                  - job_name: rackscope-simulator
                    honor_labels: true
                    static_configs:
                %s
                    # the backfilled history has neither this job nor the target's instance
                    # where the exposition gives none: the live samples must extend the same
                    # series, not sit beside them (a series' own job and instance stay)
                    metric_relabel_configs:
                      - source_labels: [job]
                        regex: rackscope-simulator
                        target_label: job
                        replacement: ''
                      - source_labels: [instance]
                        regex: '%s'
                        target_label: instance
                        replacement: ''
                """
                        .formatted(
                                scrapeSeconds, scrapeSeconds, targets, target.replace(".", "\\.")));
        launch(readyTimeout);
    }

    /**
     * Starts (again) on the same port and data with the configuration {@link #start} wrote; waits
     * until ready.
     */
    public void launch(Duration readyTimeout) throws IOException, InterruptedException {
        Path prometheus = binary("prometheus").orElseThrow(() -> new IOException(INSTALL_HINT));
        process =
                new ProcessBuilder(
                                prometheus.toString(),
                                "--config.file=" + dir.resolve("prometheus.yml"),
                                "--storage.tsdb.path=" + dir.resolve("data"),
                                "--web.listen-address=127.0.0.1:" + port,
                                "--storage.tsdb.retention.time=30d")
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        dir.resolve("prometheus.log").toFile()))
                        .start();
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (status("/-/ready") != 200) {
            if (!process.isAlive()) {
                throw new IOException(
                        "prometheus exited with code "
                                + process.exitValue()
                                + ": "
                                + tail(dir.resolve("prometheus.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(
                        "prometheus was not ready after "
                                + readyTimeout.toSeconds()
                                + " s: "
                                + tail(dir.resolve("prometheus.log")));
            }
            Thread.sleep(100);
        }
    }

    /**
     * Stops the server but keeps its data, so that {@link #launch} brings the same Prometheus back.
     */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Whether the server is running (it may have died or been killed). */
    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private int status(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url() + path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log).strip();
            return text.length() > 600 ? "..." + text.substring(text.length() - 600) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        Process backfilling = tool;
        if (backfilling != null) {
            backfilling.destroyForcibly();
        }
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
