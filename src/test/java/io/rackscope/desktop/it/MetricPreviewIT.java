package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.edit.MetricText;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.MetricsService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The metric editor's preview path on a real Prometheus scraping the simulated demo: a metric's
 * text as edited (not applied) read as the library reads it and charted for a node, its edited
 * display keys in the chart's data.
 */
class MetricPreviewIT {
    @Test
    void anEditedMetricIsChartedFromTheRealPrometheus() throws Exception {
        try (SimulatedDemo demo = SimulatedDemo.start();
                PrometheusClient client =
                        new PrometheusClient(
                                demo.demo.app().telemetry().endpoint(demo.url()),
                                new QueryStats())) {
            String text =
                    new EstateEdits(new EditSession(Path.of("config").toAbsolutePath()), demo.demo)
                            .metrics()
                            .text("node_temperature");
            String edited =
                    MetricText.withValues(
                            text, Map.of("display.thresholds.warn", "61", "display.unit", "degC"));
            Diagnostics d = new Diagnostics();
            Map<String, MetricDefinition> read = new ConfigLoader().metricsOf(edited, d);
            assertTrue(d.errors().isEmpty(), d.errors().toString());
            MetricDefinition def = read.get("node_temperature");
            assertEquals("degC", def.display().unit());
            // a node that has the sensor (switches and PDUs have none)
            String node =
                    client.query("node_temperature_celsius")
                            .get(60, TimeUnit.SECONDS)
                            .series()
                            .get(0)
                            .labels()
                            .get("instance");
            ChartData data =
                    new MetricsService(client, demo.demo.app())
                            // a minute ahead: the range's end, rounded down to its step, lies
                            // after the first scrape, however recent (the samples are in its
                            // look-back)
                            .range(
                                    def,
                                    node,
                                    Duration.ofMinutes(10),
                                    600,
                                    Instant.now().plusSeconds(60))
                            .get(60, TimeUnit.SECONDS);
            assertEquals(1, data.seriesCount());
            assertTrue(data.lastPoint() >= 0, "a value charted");
            assertFalse(Double.isNaN(data.latest()));
            assertEquals(61.0, data.warn());
        }
    }
}
