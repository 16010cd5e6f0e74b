package io.rackscope.desktop.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A chartable metric. {@code expr} holds the PromQL (from {@code expr:} or {@code metric:}) with
 * its entity placeholders in either spelling, {@code {instance}} or {@code $instance}.
 */
public record MetricDefinition(
        String id,
        String name,
        String description,
        String expr,
        Map<String, String> labels,
        MetricDisplay display,
        String category,
        List<String> tags,
        Path file,
        int line) {
    public MetricDefinition {
        labels = Map.copyOf(labels);
        tags = List.copyOf(tags);
    }
}
