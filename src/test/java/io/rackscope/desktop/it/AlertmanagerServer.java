package io.rackscope.desktop.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) on free loopback ports with its
 * own storage; its cluster address is always set to loopback (the default listens everywhere), and
 * {@code peer} joins another one's cluster.
 */
public final class AlertmanagerServer implements AutoCloseable {
    public static final String BINARY = "prometheus-alertmanager";
    private final Path dir;
    private final int port;
    private final int clusterPort;
    private final List<String> command;
    private Process process;

    private AlertmanagerServer(Path dir, int port, int clusterPort, List<String> command) {
        this.dir = dir;
        this.port = port;
        this.clusterPort = clusterPort;
        this.command = command;
    }

    private void launch() throws Exception {
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(dir.resolve("log.txt").toFile()))
                        .start();
        process = p;
        PrometheusServer.waitFor(
                () -> ready() || !p.isAlive(), Duration.ofSeconds(30), "Alertmanager ready");
        if (!p.isAlive()) {
            throw new IllegalStateException(
                    "Alertmanager exited: " + Files.readString(dir.resolve("log.txt")));
        }
    }

    /** Starts it again on the same ports with the same storage (its silences come back). */
    public void restart() throws Exception {
        stop();
        launch();
    }

    /** Starts it again on the same ports with its storage deleted: every silence is gone. */
    public void wipe() throws Exception {
        stop();
        try (Stream<Path> walk = Files.walk(dir.resolve("data"))) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
        launch();
    }

    public static AlertmanagerServer start() throws Exception {
        return start(null);
    }

    /** Started and ready; {@code peer} (may be null) is another one to cluster with. */
    public static AlertmanagerServer start(AlertmanagerServer peer) throws Exception {
        PrometheusServer.requireBinary(BINARY);
        Path dir = Files.createTempDirectory("rackscope-alertmanager-it");
        Files.writeString(
                dir.resolve("am.yml"),
                "route: {receiver: \"null\"}\nreceivers: [{name: \"null\"}]\n");
        int port = PrometheusServer.freePort();
        int cluster = PrometheusServer.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(PrometheusServer.binary(BINARY).toString());
        cmd.add("--config.file=" + dir.resolve("am.yml"));
        cmd.add("--storage.path=" + dir.resolve("data"));
        cmd.add("--web.listen-address=127.0.0.1:" + port);
        cmd.add("--cluster.listen-address=127.0.0.1:" + cluster);
        cmd.add("--cluster.advertise-address=127.0.0.1:" + cluster);
        if (peer != null) {
            cmd.add("--cluster.peer=127.0.0.1:" + peer.clusterPort);
            cmd.add("--cluster.settle-timeout=2s");
        }
        AlertmanagerServer am = new AlertmanagerServer(dir, port, cluster, cmd);
        am.launch();
        return am;
    }

    private boolean ready() {
        try {
            java.net.http.HttpResponse<Void> r =
                    java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(url() + "/-/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops it (its silences stay in its storage). */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
