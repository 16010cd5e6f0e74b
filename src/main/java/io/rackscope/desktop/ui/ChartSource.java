package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Port: range data for a chart, fetched off the FX thread. */
@Port
public interface ChartSource {
    CompletableFuture<ChartData> range(
            MetricDefinition metric, String entity, Duration range, int widthPixels, Instant now);

    /**
     * Each entity's value of {@code metric} at {@code at}; an entity without a sample is left out.
     * This default asks a range per entity; a source that can batches them.
     */
    default CompletableFuture<Map<String, Double>> valuesAt(
            MetricDefinition metric, List<String> entities, Instant at) {
        Map<String, Double> out = new TreeMap<>();
        CompletableFuture<?>[] asked =
                entities.stream()
                        .map(
                                e ->
                                        range(metric, e, Duration.ofMinutes(15), 15, at)
                                                .thenAccept(
                                                        d -> {
                                                            double v = d.latest();
                                                            if (!Double.isNaN(v)) {
                                                                synchronized (out) {
                                                                    out.put(e, v);
                                                                }
                                                            }
                                                        })
                                                .exceptionally(x -> null))
                        .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(asked).thenApply(x -> out);
    }

    /**
     * Each entity's highest value of {@code metric} over {@code range} up to {@code at}; none known
     * by default (a source that can asks Prometheus).
     */
    default CompletableFuture<Map<String, Double>> peaksAt(
            MetricDefinition metric, List<String> entities, Instant at, Duration range) {
        return CompletableFuture.completedFuture(Map.of());
    }
}
