package io.rackscope.desktop.it;

import io.rackscope.desktop.config.ConfigFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Four racks of four nodes in one room, on a real Prometheus with an hour of backfilled history:
 * rack rk2 (n05-n08) has been down for 50 minutes, n01 and n03 (in rk1) for 10; n02 flapped every
 * minute from 30 to 12 minutes before the end (one minute before the estate started).
 */
final class FailingEstate implements AutoCloseable {
    static final long STEP = 15;
    final Path dir;
    final PrometheusServer prometheus;
    final TestExporter exporter;
    final long end;

    private FailingEstate(Path dir, PrometheusServer prometheus, TestExporter exporter, long end) {
        this.dir = dir;
        this.prometheus = prometheus;
        this.exporter = exporter;
        this.end = end;
    }

    static FailingEstate start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        Path dir = Files.createTempDirectory("rackscope-failing-estate");
        ConfigFixture.write(dir.resolve("app.yaml"), "telemetry: {scrape_interval_seconds: 15}\n");
        StringBuilder racks = new StringBuilder();
        for (int r = 1; r <= 4; r++) {
            racks.append("              - id: rk%d\n                devices:\n".formatted(r));
            for (int i = 1; i <= 4; i++) {
                int n = (r - 1) * 4 + i;
                racks.append(
                        ("                  - {id: c%d, template_id: srv, u_position: %d,"
                                        + " instance: n%02d}\n")
                                .formatted(n, i, n));
            }
        }
        ConfigFixture.write(
                dir.resolve("topology.yaml"),
                "sites:\n  - id: lab\n    rooms:\n      - id: r1\n        aisles:\n"
                        + "          - id: a1\n            racks:\n"
                        + racks);
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: [node_up]}\n");
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    rules: [{op: "==", value: 0, severity: CRIT}]
                """);
        long end = Instant.now().getEpochSecond() / 60 * 60 - 60;
        long start = end - 3600;
        StringBuilder h = new StringBuilder("# TYPE up gauge\n");
        for (int n = 1; n <= 16; n++) {
            String id = "n%02d".formatted(n);
            for (long t = start; t <= end; t += STEP) {
                long before = end - t;
                boolean down =
                        n > 4 && n <= 8 && before <= 50 * 60
                                || (n == 1 || n == 3) && before <= 10 * 60
                                || n == 2
                                        && before <= 30 * 60
                                        && before > 12 * 60
                                        && Math.floorDiv(t, 60) % 2 == 0;
                h.append("up{job=\"history\",instance=\"")
                        .append(id)
                        .append("\"} ")
                        .append(down ? 0 : 1)
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
        }
        h.append("# EOF\n");
        TestExporter exporter = new TestExporter();
        // a lookback of 5 minutes: "now" still sees the history's last samples
        PrometheusServer prometheus =
                PrometheusServer.start(exporter.address(), h.toString(), 15, "5m");
        return new FailingEstate(dir, prometheus, exporter, end);
    }

    @Override
    public void close() throws Exception {
        prometheus.close();
        exporter.close();
    }
}
