package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code prometheus} process from PATH on a free loopback port, with its own data directory,
 * optional history backfilled with promtool, scraping one exporter every second. Without the
 * binary, tests skip with a loud message, unless {@code -Drackscope.it.require=true}, when they
 * fail.
 */
public final class PrometheusServer implements AutoCloseable {
    // one client for every wait: a JDK client is heavy (a selector thread of its own until it is
    // collected), and a wait asks ten times a second
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final int port;
    private final String scrapeTarget;
    private final int scrapeSeconds;
    private Process process;

    /**
     * A federating server: {@code honor_labels} of its scrape of the other's /federate, or null.
     */
    private Boolean federationHonorsLabels;

    /** Alerting rules (a rule file's text) evaluated every second, or null. */
    private String rules;

    /** Where the rules' alerts are sent: an Alertmanager's host:port, or null. */
    private String alertmanager;

    /**
     * Targets of their own by the instance label each is given, as a real estate's exporters are
     * (Prometheus' default labels, no honor_labels, every query logged); null: {@code
     * scrapeTarget}.
     */
    private java.util.Map<String, String> targetsByInstance;

    private PrometheusServer(Path dir, int port, String scrapeTarget, int scrapeSeconds) {
        this.dir = dir;
        this.port = port;
        this.scrapeTarget = scrapeTarget;
        this.scrapeSeconds = scrapeSeconds;
    }

    public static Path binary(String name) {
        String path = System.getenv("PATH") + File.pathSeparator + "/usr/sbin";
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Skips (or fails, when required) unless the binary is on PATH. */
    public static void requireBinary(String name) {
        if (binary(name) == null) {
            String msg =
                    "*** '"
                            + name
                            + "' is not on PATH: tests on a real server did NOT run (apt-get install "
                            + name
                            + ") ***";
            if (Boolean.getBoolean("rackscope.it.require")) {
                fail(msg);
            }
            System.err.println(msg);
            Assumptions.abort(msg);
        }
    }

    /**
     * Starts Prometheus scraping {@code exporter}; {@code history} (OpenMetrics text) is backfilled
     * first when not null.
     */
    private String lookback = "30s";

    public static PrometheusServer start(String exporter, String history)
            throws IOException, InterruptedException {
        return start(exporter, history, 1);
    }

    /** Starts Prometheus scraping each of {@code exporters}: one job, a target each. */
    public static PrometheusServer scraping(List<String> exporters)
            throws IOException, InterruptedException {
        return start(String.join("', '", exporters), null);
    }

    /**
     * Starts Prometheus scraping each of {@code addressByInstance}'s exporters as a target of its
     * own, labelled with its instance, and logging every query to {@link #queryLog()}.
     */
    public static PrometheusServer scrapingTargets(java.util.Map<String, String> addressByInstance)
            throws IOException, InterruptedException {
        requireBinary("prometheus");
        Path dir = Files.createTempDirectory("rackscope-prom");
        PrometheusServer server = new PrometheusServer(dir, freePort(), null, 1);
        server.targetsByInstance = java.util.Map.copyOf(addressByInstance);
        server.launch();
        return server;
    }

    /** Where the queries of a server of {@link #scrapingTargets} are logged, one JSON per line. */
    public Path queryLog() {
        return dir.resolve("queries.log");
    }

    /** How many queries the server has logged. */
    public int loggedQueries() throws IOException {
        return Files.exists(queryLog()) ? Files.readAllLines(queryLog()).size() : 0;
    }

    /** The queries the server logged from the {@code from}th on, one JSON line each. */
    public List<String> queriesFrom(int from) throws IOException {
        List<String> lines = Files.readAllLines(queryLog());
        return lines.subList(Math.min(from, lines.size()), lines.size());
    }

    public static PrometheusServer start(String exporter, String history, int scrapeSeconds)
            throws IOException, InterruptedException {
        return start(exporter, history, scrapeSeconds, "30s");
    }

    /**
     * As above, with the query lookback {@code lookback} (30s elsewhere, so that stopped series go
     * stale quickly): a test whose backfilled history must join the live scrapes without a gap
     * takes a longer one, since starting Prometheus on a loaded machine can take longer than 30 s.
     */
    public static PrometheusServer start(
            String exporter, String history, int scrapeSeconds, String lookback)
            throws IOException, InterruptedException {
        requireBinary("prometheus");
        Path dir = Files.createTempDirectory("rackscope-prom");
        PrometheusServer server = new PrometheusServer(dir, freePort(), exporter, scrapeSeconds);
        server.lookback = lookback;
        if (history != null) {
            server.writeBlocks(history);
        }
        server.launch();
        return server;
    }

    /**
     * Writes {@code history} (OpenMetrics text) into the stopped server's data as blocks and starts
     * it again: a store whose past grew (a backfill) while the app watched it.
     */
    public void backfillAndStart(String history) throws IOException, InterruptedException {
        writeBlocks(history);
        launch();
    }

    private void writeBlocks(String history) throws IOException, InterruptedException {
        requireBinary("promtool");
        Path file = dir.resolve("history.om");
        Files.writeString(file, history);
        Process p =
                new ProcessBuilder(
                                binary("promtool").toString(),
                                "tsdb",
                                "create-blocks-from",
                                "openmetrics",
                                file.toString(),
                                dir.resolve("data").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("promtool.log").toFile())
                        .start();
        if (p.waitFor() != 0) {
            throw new IOException(
                    "promtool failed: " + Files.readString(dir.resolve("promtool.log")));
        }
    }

    /**
     * A Prometheus that federates {@code source} (every series of its job {@code exporter}),
     * keeping the source's labels when {@code honorLabels}, else renaming the clashing ones ({@code
     * instance} becomes {@code exported_instance}), as Prometheus does.
     */
    public static PrometheusServer federating(PrometheusServer source, boolean honorLabels)
            throws IOException, InterruptedException {
        requireBinary("prometheus");
        Path dir = Files.createTempDirectory("rackscope-prom-federating");
        PrometheusServer server =
                new PrometheusServer(dir, freePort(), "127.0.0.1:" + source.port, 1);
        server.lookback = "30s";
        server.federationHonorsLabels = honorLabels;
        server.launch();
        return server;
    }

    /**
     * A Prometheus scraping {@code exporter} every second and evaluating {@code rules}, sending
     * their alerts to {@code alertmanager} (a URL, or null), with an external label {@code
     * prometheus="it"} (as a real server has, and as Alertmanager gets its alerts).
     */
    public static PrometheusServer withRules(String exporter, String rules, String alertmanager)
            throws IOException, InterruptedException {
        requireBinary("prometheus");
        Path dir = Files.createTempDirectory("rackscope-prom-rules");
        PrometheusServer server = new PrometheusServer(dir, freePort(), exporter, 1);
        server.rules = rules;
        server.alertmanager = alertmanager == null ? null : URI.create(alertmanager).getAuthority();
        Files.writeString(dir.resolve("rules.yml"), rules);
        server.launch();
        return server;
    }

    /**
     * Scrapes {@code addressByInstance} from now on, as a server of {@link #scrapingTargets} finds
     * them in the file it discovers targets from: the targets left out are gone, the others'
     * scrapes go on untouched.
     */
    public void rescrape(java.util.Map<String, String> addressByInstance) throws IOException {
        targetsByInstance = java.util.Map.copyOf(addressByInstance);
        writeTargets();
    }

    /** The targets' file its file discovery watches, replaced whole. */
    private void writeTargets() throws IOException {
        StringBuilder json = new StringBuilder("[");
        targetsByInstance.forEach(
                (instance, address) ->
                        json.append(json.length() > 1 ? "," : "")
                                .append(
                                        "{\"targets\":[\"%s\"],\"labels\":{\"instance\":\"%s\"}}"
                                                .formatted(address, instance)));
        Path next = dir.resolve("targets.json.next");
        Files.writeString(next, json.append("]"));
        Files.move(
                next,
                dir.resolve("targets.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void launch() throws IOException, InterruptedException {
        Path config = writeConfig();
        startProcess(config);
    }

    private Path writeConfig() throws IOException {
        Path config = dir.resolve("prometheus.yml");
        String job =
                federationHonorsLabels == null
                        ? """
                          - job_name: exporter
                            honor_labels: true
                        """
                        : """
                          - job_name: federate
                            honor_labels: %s
                            metrics_path: /federate
                            params:
                              'match[]': ['{job="exporter"}']
                        """
                                .formatted(federationHonorsLabels);
        if (targetsByInstance != null) {
            writeTargets();
            Files.writeString(
                    config,
                    """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                      query_log_file: %s
                    scrape_configs:
                      - job_name: node
                        file_sd_configs:
                          - files: ['%s']
                            refresh_interval: 1s
                    """
                            .formatted(queryLog(), dir.resolve("targets.json")));
        } else {
            Files.writeString(
                    config,
                    """
                global:
                  scrape_interval: %ds
                  scrape_timeout: %ds
                  evaluation_interval: 1s
                %sscrape_configs:
                %s    static_configs:
                      - targets: ['%s']
                """
                            .formatted(
                                    scrapeSeconds,
                                    scrapeSeconds,
                                    rules == null
                                            ? ""
                                            : "  external_labels: {prometheus: it}\n"
                                                    + "rule_files: [rules.yml]\n"
                                                    + (alertmanager == null
                                                            ? ""
                                                            : "alerting:\n  alertmanagers:\n"
                                                                    + "    - static_configs:\n"
                                                                    + "        - targets: ['"
                                                                    + alertmanager
                                                                    + "']\n"),
                                    job,
                                    scrapeTarget));
        }
        return config;
    }

    private void startProcess(Path config) throws IOException, InterruptedException {
        process =
                new ProcessBuilder(
                                binary("prometheus").toString(),
                                "--config.file=" + config,
                                "--storage.tsdb.path=" + dir.resolve("data"),
                                "--web.listen-address=127.0.0.1:" + port,
                                "--storage.tsdb.retention.time=30d",
                                "--query.lookback-delta=" + lookback)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("prometheus.log").toFile())
                        .start();
        waitFor(() -> get("/-/ready") == 200, Duration.ofSeconds(30), "Prometheus ready");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Stops the process (keeping its data) so that a test can watch the app cope, then {@link
     * #restart()}.
     */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    public int get(String path) {
        try {
            HttpResponse<Void> r =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(url() + path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String query(String promql) throws IOException, InterruptedException {
        String q = URLEncoder.encode(promql, StandardCharsets.UTF_8);
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url() + "/api/v1/query?query=" + q))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    public static void waitFor(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        waitFor(condition, timeout, () -> what);
    }

    /** As above, {@code what} told only on a time-out (when it costs a request to tell). */
    private static void waitFor(
            BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for: " + what.get());
            }
            Thread.sleep(100);
        }
    }

    /** Waits until {@code expr} has at least one sample (a scrape landed), 30 s at most. */
    public void awaitSample(String expr) throws InterruptedException {
        waitFor(
                () -> {
                    try {
                        return query(expr).contains("\"value\"");
                    } catch (Exception e) {
                        return false;
                    }
                },
                Duration.ofSeconds(30),
                () -> "a sample of " + expr + "; " + scrapes());
    }

    /** The targets' health and last scrapes, and the log's tail: why samples may not come. */
    private String scrapes() {
        StringBuilder why = new StringBuilder(readyToAnotherClient()).append("; targets: ");
        try {
            why.append(
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(url() + "/api/v1/targets"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
        } catch (IOException e) {
            why.append(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            List<String> log = Files.readAllLines(dir.resolve("prometheus.log"));
            why.append("; log: ").append(log.subList(Math.max(0, log.size() - 15), log.size()));
        } catch (IOException e) {
            why.append("; no log: ").append(e);
        }
        return why.toString();
    }

    /** Whether the server answers {@code /-/ready} to a client other than {@link #HTTP}. */
    private String readyToAnotherClient() {
        try {
            java.net.HttpURLConnection c =
                    (java.net.HttpURLConnection)
                            URI.create(url() + "/-/ready").toURL().openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            return "ready " + c.getResponseCode();
        } catch (IOException e) {
            return "not ready: " + e;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
