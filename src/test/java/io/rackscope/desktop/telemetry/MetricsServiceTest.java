package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.metrics.MetricDisplay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsServiceTest {
    static final Duration SCRAPE = Duration.ofSeconds(15);

    @Test
    void stepIsTheLargestOfScrapeIntervalPixelAndPointLimits() {
        assertEquals(Duration.ofSeconds(15), MetricsService.step(Duration.ofHours(1), 800, SCRAPE));
        assertEquals(
                Duration.ofSeconds(108), MetricsService.step(Duration.ofHours(24), 800, SCRAPE));
        // a chart 100,000 px wide would ask for too many points: the 11,000 limit wins
        assertEquals(
                Duration.ofSeconds(55), MetricsService.step(Duration.ofDays(7), 100_000, SCRAPE));
    }

    @Test
    void bothPlaceholderSpellingsAreFilledAndQuoted() {
        MetricDefinition braces =
                definition("node_temperature_celsius{instance=\"{instance}\"}", "avg");
        MetricDefinition dollar = definition("ipmi_power_watts{instance=\"$instance\"}", "avg");
        assertEquals(
                "node_temperature_celsius{instance=\"a\\\"b\"}",
                MetricsService.expression(braces, "a\"b"));
        assertEquals("ipmi_power_watts{instance=\"n1\"}", MetricsService.expression(dollar, "n1"));
    }

    @Test
    void nowIsTheLatestSampleWhateverTheRangeAndItsStep(@TempDir Path dir) throws Exception {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        p.series("temp", Map.of("instance", "n1"), t -> t % 1000);
        MetricsService charts =
                new MetricsService(
                        p,
                        PlannerLogicTest.load(dir, "telemetry: {scrape_interval_seconds: 15}\n")
                                .app());
        MetricDefinition m = definition("temp{instance=~\"{instance}\"}", "avg");
        Instant now = Instant.ofEpochSecond(1_796_000_123);
        ChartData hour = charts.range(m, "n1", Duration.ofHours(1), 560, now).get();
        ChartData week = charts.range(m, "n1", Duration.ofDays(7), 560, now).get();
        assertEquals(123.0, hour.latest());
        assertEquals(123.0, week.latest(), "the same now on a 7 d chart");
        assertNotEquals(
                week.values()[week.lastPoint()],
                week.latest(),
                "the week's last step lies before now: it is not now's value");
    }

    @Test
    void manyEntitiesAtOnceAnsweredByTheirLabel(@TempDir Path dir) throws Exception {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        p.series("inlet", Map.of("rack_id", "r1", "sensor", "top"), t -> 30);
        p.series("inlet", Map.of("rack_id", "r1", "sensor", "bottom"), t -> 22);
        p.series("inlet", Map.of("rack_id", "r2", "sensor", "top"), t -> 25);
        p.series("inlet", Map.of("rack_id", "other", "sensor", "top"), t -> 99);
        MetricsService charts = new MetricsService(p, PlannerLogicTest.load(dir, "").app());
        MetricDefinition m = definition("inlet{rack_id=\"{rack_id}\"}", "max");
        assertEquals("rack_id", MetricsService.entityLabel(m));
        assertEquals(
                "inlet{rack_id=~\"r1|r2\"}", MetricsService.expression(m, List.of("r1", "r2")));
        Map<String, Double> v =
                charts.valuesAt(m, List.of("r1", "r2", "r3"), Instant.ofEpochSecond(1_796_000_000))
                        .get();
        assertEquals(Map.of("r1", 30.0, "r2", 25.0), v, "max per rack; r3 has no sample");
        assertEquals(
                "instance",
                MetricsService.entityLabel(
                        definition("node_load1{instance=~\"$instances\"}", "avg")));
    }

    @Test
    void aBatchKeepsEachEntitysLabelThroughAggregations() {
        assertEquals(
                "sum by (rack_id) (pdu_power_watts{rack_id=~\"r1|r2\"})",
                MetricsService.byLabel("sum(pdu_power_watts{rack_id=~\"r1|r2\"})", "rack_id"));
        assertEquals(
                "max by (rack_id) (x{rack_id=~\"r1\"}) * 100",
                MetricsService.byLabel("max(x{rack_id=~\"r1\"}) * 100", "rack_id"));
        String kept = "max by (rack_id) (sum_over_time(x[5m])) + clamp_min(y, 0)";
        assertEquals(kept, MetricsService.byLabel(kept, "rack_id"));
    }

    @Test
    void aggregations() {
        double[] v = {4, 1, 3, 2, 10};
        assertEquals(4.0, MetricsService.combine("avg", v));
        assertEquals(10.0, MetricsService.combine("max", v));
        assertEquals(1.0, MetricsService.combine("min", v));
        assertEquals(20.0, MetricsService.combine("sum", v));
        assertEquals(10.0, MetricsService.combine("p95", v));
        assertEquals(Double.NaN, MetricsService.combine("avg", new double[0]));
    }

    static MetricDefinition definition(String expr, String aggregation) {
        return new MetricDefinition(
                "m",
                "m",
                "",
                expr,
                Map.of(),
                new MetricDisplay(
                        "",
                        "line",
                        "#fff",
                        List.of("1h"),
                        "1h",
                        aggregation,
                        70.0,
                        85.0,
                        MetricDisplay.Format.DEFAULT),
                "",
                List.of(),
                null,
                1);
    }
}
