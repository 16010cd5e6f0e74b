package io.rackscope.desktop.metrics;

import java.util.List;

/** How a metric is drawn. Thresholds are null when the definition has none. */
public record MetricDisplay(
        String unit,
        String chartType,
        String color,
        List<String> timeRanges,
        String defaultRange,
        String aggregation,
        Double warn,
        Double crit,
        Format format) {
    public MetricDisplay {
        timeRanges = List.copyOf(timeRanges);
    }

    public static final List<String> DEFAULT_RANGES = List.of("1h", "6h", "24h", "7d");

    public record Format(int decimals, double multiplier, String prefix, String suffix) {
        public static final Format DEFAULT = new Format(1, 1.0, "", "");
    }
}
