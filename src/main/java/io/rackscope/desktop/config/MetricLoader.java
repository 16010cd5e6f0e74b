package io.rackscope.desktop.config;

import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.metrics.MetricDisplay;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads metric definitions: one per file, or a {@code metrics:} list; {@code expr:} or {@code
 * metric:}.
 */
final class MetricLoader {
    private static final Set<String> CHART_TYPES = Set.of("line", "area", "bar", "gauge");
    private static final Set<String> AGGREGATIONS =
            Set.of("avg", "max", "min", "sum", "p95", "p99");
    private static final KnownKeys METRIC =
            KnownKeys.of(
                    "id",
                    "name",
                    "description",
                    "metric",
                    "expr",
                    "labels",
                    "labels_only",
                    "display",
                    "category",
                    "tags",
                    "scope",
                    "instances",
                    "racks");
    private static final KnownKeys DISPLAY =
            KnownKeys.of(
                    "unit",
                    "chart_type",
                    "color",
                    "time_ranges",
                    "default_range",
                    "aggregation",
                    "thresholds",
                    "format");
    private static final KnownKeys FORMAT =
            KnownKeys.of("decimals", "multiplier", "prefix", "suffix");

    private final Diagnostics diagnostics;
    private final YamlReader reader;
    private final Values values;

    MetricLoader(Diagnostics diagnostics, YamlReader reader) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.values = new Values(diagnostics);
    }

    Map<String, MetricDefinition> load(Path dir) {
        Map<String, MetricDefinition> metrics = new LinkedHashMap<>();
        for (Path file : YamlFiles.under(dir)) {
            reader.readMapping(file)
                    .ifPresent(
                            root -> {
                                List<YamlNode> entries =
                                        root.has("metrics") ? root.list("metrics") : List.of(root);
                                for (YamlNode node : entries) {
                                    if (!(node instanceof YamlNode.Mapping m)
                                            || m.text("id", null) == null) {
                                        diagnostics.error(
                                                node,
                                                "a metric definition needs an id; this one was skipped");
                                        continue;
                                    }
                                    MetricDefinition def = parse(m);
                                    if (def == null) {
                                        continue;
                                    }
                                    MetricDefinition first = metrics.putIfAbsent(def.id(), def);
                                    if (first != null) {
                                        diagnostics.error(
                                                m.at("id"),
                                                "the metric id '"
                                                        + def.id()
                                                        + "' is already defined at "
                                                        + first.file()
                                                        + ":"
                                                        + first.line()
                                                        + "; this second definition was ignored");
                                    }
                                }
                            });
        }
        return metrics;
    }

    private MetricDefinition parse(YamlNode.Mapping m) {
        String id = m.text("id", null);
        String expr = m.text("expr", m.text("metric", null));
        if (expr == null || expr.isBlank()) {
            diagnostics.error(
                    m,
                    "metric '"
                            + id
                            + "' has neither expr: nor metric: (the PromQL to chart); it was skipped");
            return null;
        }
        METRIC.check(m, "metric '" + id + "'", diagnostics);
        m.mapping("display")
                .ifPresent(
                        d -> {
                            DISPLAY.check(d, "the display of metric '" + id + "'", diagnostics);
                            d.mapping("format")
                                    .ifPresent(
                                            f ->
                                                    FORMAT.check(
                                                            f,
                                                            "the display format of metric '"
                                                                    + id
                                                                    + "'",
                                                            diagnostics));
                        });
        Map<String, String> labels = m.textMap("labels");
        return new MetricDefinition(
                id,
                m.text("name", id),
                m.text("description", ""),
                expr.trim(),
                labels,
                display(id, m.mapping("display").orElse(YamlNode.Mapping.empty(m.file()))),
                m.text("category", ""),
                m.texts("tags"),
                m.file(),
                m.line());
    }

    private MetricDisplay display(String id, YamlNode.Mapping d) {
        String chart = d.text("chart_type", "line");
        if (!CHART_TYPES.contains(chart)) {
            diagnostics.warning(
                    d.at("chart_type"),
                    "metric '"
                            + id
                            + "' has chart_type '"
                            + chart
                            + "'; a line chart is drawn instead");
            chart = "line";
        }
        String aggregation = d.text("aggregation", "avg");
        if (!AGGREGATIONS.contains(aggregation)) {
            diagnostics.warning(
                    d.at("aggregation"),
                    "metric '"
                            + id
                            + "' has aggregation '"
                            + aggregation
                            + "'; use avg, max, min, sum, p95 or p99 (avg is used)");
            aggregation = "avg";
        }
        List<String> ranges =
                d.texts("time_ranges").isEmpty()
                        ? MetricDisplay.DEFAULT_RANGES
                        : d.texts("time_ranges");
        String defaultRange =
                d.text("default_range", ranges.contains("24h") ? "24h" : ranges.get(0));
        YamlNode.Mapping t = d.mapping("thresholds").orElse(YamlNode.Mapping.empty(d.file()));
        MetricDisplay.Format format =
                d.mapping("format")
                        .map(
                                f ->
                                        new MetricDisplay.Format(
                                                values.integer(
                                                        f,
                                                        "decimals",
                                                        "display.format.decimals",
                                                        1),
                                                orOne(
                                                        values.number(
                                                                f,
                                                                "multiplier",
                                                                "display.format.multiplier")),
                                                f.text("prefix", ""),
                                                f.text("suffix", "")))
                        .orElse(MetricDisplay.Format.DEFAULT);
        return new MetricDisplay(
                d.text("unit", ""),
                chart,
                d.text("color", ""),
                ranges,
                defaultRange,
                aggregation,
                values.number(t, "warn", "display.thresholds.warn"),
                values.number(t, "crit", "display.thresholds.crit"),
                format);
    }

    private static double orOne(Double d) {
        return d == null ? 1.0 : d;
    }
}
