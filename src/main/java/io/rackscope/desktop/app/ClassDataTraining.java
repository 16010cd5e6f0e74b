package io.rackscope.desktop.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The build's class-data sharing run: the window opened on a configuration, headless, against a
 * stand-in for Prometheus that answers every query with one sample, and closed after its first
 * coloured frame; the JVM then archives every class that start loaded (window, settings, planner,
 * the answers' parsing), so that a real start reads them mapped instead of loading them one by one.
 * Not a way to run the app.
 */
public final class ClassDataTraining {
    /** Set (true) for the run: the window closes itself after its first coloured frame. */
    static final String PROPERTY = "rackscope.cds.training";

    private ClassDataTraining() {}

    /** {@code args[0]}: the configuration directory to open. */
    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ClassDataTraining::answer);
        server.start();
        System.setProperty(PROPERTY, "true");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1080-32");
        Thread stop =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(60_000);
                                System.exit(1);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "cds-training-limit");
        stop.setDaemon(true);
        stop.start();
        try {
            DesktopApp.open(
                    LaunchOptions.of(Path.of(args[0]), false)
                            .withPrometheus("http://127.0.0.1:" + server.getAddress().getPort()),
                    null);
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        long now = System.currentTimeMillis() / 1000;
        String sample = "{\"metric\":{\"instance\":\"training\"},";
        String body;
        int status = 200;
        if (path.endsWith("/api/v1/query")) {
            body = vector(sample + "\"value\":[" + now + ",\"1\"]}");
        } else if (path.endsWith("/api/v1/query_range")) {
            body =
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                            + sample
                            + "\"values\":[["
                            + (now - 60)
                            + ",\"1\"],["
                            + now
                            + ",\"2\"]]}]}}";
        } else {
            status = 404;
            body = "{\"status\":\"error\",\"errorType\":\"not_found\",\"error\":\"not here\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static String vector(String series) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + series
                + "]}}";
    }
}
