package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.cli.HistoryCommand;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The demo's history backfilled behind a Prometheus that is already scraping (as {@code demo} does,
 * so that its window opens first): the server reads the blocks at its next block reload, and the
 * past joins the live series instead of sitting beside them.
 */
class DemoBackfillIT {
    @Test
    void historyMovedIntoARunningPrometheusIsReadAtItsNextBlockReload() throws Exception {
        PrometheusServer.requireBinary("promtool");
        try (SimulatedDemo d = SimulatedDemo.start();
                PrometheusClient client =
                        new PrometheusClient(
                                d.demo.app().telemetry().endpoint(d.url()), new QueryStats())) {
            Instant now = Instant.now();
            Instant past = now.minus(Duration.ofMinutes(30));
            assertEquals(
                    0,
                    client.query("up", past).get().series().size(),
                    "no past before the backfill");
            Path file = d.prometheus.directory().resolve("history.om");
            HistoryCommand.write(d.sim, now, Duration.ofHours(1), Duration.ofMinutes(2), file);
            d.prometheus.backfill(file);
            try (var data = Files.list(d.prometheus.directory().resolve("data"))) {
                assertTrue(
                        data.anyMatch(p -> p.getFileName().toString().matches("[0-9A-Z]{26}")),
                        "the blocks were moved into the data directory");
            }
            Instant deadline = Instant.now().plusSeconds(90);
            while (client.query("up", past).get().series().size() < d.nodes()) {
                assertTrue(
                        Instant.now().isBefore(deadline),
                        "the past read within 90 s (the block reload runs every minute)");
                Thread.sleep(1000);
            }
            assertEquals(
                    d.nodes(),
                    client.query("count_over_time(up{job!=\"rackscope-simulator\"}[45m])")
                            .get()
                            .series()
                            .size(),
                    "one series per node across the backfilled past and the live scrapes");
        }
    }
}
