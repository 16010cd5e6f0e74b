package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Port: range data for a chart, fetched off the FX thread. */
@Port
public interface ChartSource {
    CompletableFuture<ChartData> range(
            MetricDefinition metric, String entity, Duration range, int widthPixels, Instant now);
}
