package io.rackscope.desktop.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * A chart's worth of data for one metric and one entity: one aggregated line over aligned time
 * steps ({@code NaN} where no series had a sample), with the thresholds the chart draws.
 */
public record ChartData(
        MetricDefinition metric,
        String entity,
        Instant start,
        Instant end,
        Duration step,
        double[] timestamps,
        double[] values,
        Double warn,
        Double crit,
        int seriesCount) {}
