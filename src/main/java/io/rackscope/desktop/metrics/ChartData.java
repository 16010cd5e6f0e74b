package io.rackscope.desktop.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * A chart's worth of data for one metric and one entity: one aggregated line over aligned time
 * steps ({@code NaN} where no series had a sample), with the thresholds the chart draws, and the
 * value at the moment asked ({@code latest}: the latest sample, whatever the range and its step;
 * {@code NaN} when no series has one).
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
        int seriesCount,
        double latest) {
    /** The index of the last step with a value, -1 when none has. */
    public int lastPoint() {
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
