package io.rackscope.desktop.ui.device;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.metrics.MetricDisplay;
import io.rackscope.desktop.ui.ChartSource;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.ViewOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One metric chart of one entity: its time ranges (starting on the default), the data of the chosen
 * range fetched off the FX thread, refreshed every 30 s while started, and a status line.
 */
public final class MetricChartViewModel {
    static final javafx.util.Duration REFRESH = javafx.util.Duration.seconds(30);
    private final MetricDefinition metric;
    private final String entity;
    private final ChartSource charts;
    private final ViewOptions options;
    private final Clock clock;
    private final Map<String, Duration> ranges = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Duration> range =
            new ReadOnlyObjectWrapper<>(this, "range");
    private final ReadOnlyObjectWrapper<ChartData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Timeline refresh;
    private long generation;

    MetricChartViewModel(
            MetricDefinition metric,
            String entity,
            ChartSource charts,
            ViewOptions options,
            Clock clock) {
        this.metric = metric;
        this.entity = entity;
        this.charts = charts;
        this.options = options;
        this.clock = clock;
        MetricDisplay d = metric.display();
        for (String r : d.timeRanges().isEmpty() ? MetricDisplay.DEFAULT_RANGES : d.timeRanges()) {
            Durations.parse(r).ifPresent(dur -> ranges.put(r, dur));
        }
        range.set(Durations.parse(d.defaultRange()).orElse(Duration.ofHours(1)));
        refresh = new Timeline(new KeyFrame(REFRESH, e -> load()));
        refresh.setCycleCount(Timeline.INDEFINITE);
    }

    public MetricDefinition metric() {
        return metric;
    }

    public String entity() {
        return entity;
    }

    /** The range buttons: label to duration, as the definition lists them. */
    public Map<String, Duration> ranges() {
        return ranges;
    }

    public ReadOnlyObjectProperty<Duration> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Palette palette() {
        return options.palette();
    }

    public void choose(Duration r) {
        range.set(r);
        load();
    }

    public void start() {
        load();
        refresh.play();
    }

    public void stop() {
        refresh.stop();
        generation++;
    }

    private void load() {
        long gen = ++generation;
        status.set("Loading " + Durations.format(range.get()) + "…");
        charts.range(metric, entity, range.get(), MetricChart.WIDTH, clock.instant())
                .whenComplete(
                        (d, err) ->
                                Platform.runLater(
                                        () -> {
                                            if (gen != generation) {
                                                return;
                                            }
                                            if (err != null) {
                                                Throwable cause =
                                                        err.getCause() != null
                                                                ? err.getCause()
                                                                : err;
                                                status.set("Could not load: " + cause.getMessage());
                                            } else {
                                                status.set(describe(d));
                                                data.set(d);
                                            }
                                        }));
    }

    /** The latest sample of {@code d}, NaN when it has none. */
    static double last(ChartData d) {
        double last = Double.NaN;
        for (double v : d.values()) {
            if (!Double.isNaN(v)) {
                last = v;
            }
        }
        return last;
    }

    private String describe(ChartData d) {
        if (d.seriesCount() == 0) {
            return "No data for " + entity + " in this range.";
        }
        List<String> parts = new ArrayList<>();
        parts.add("last " + Formats.value(last(d)) + " " + metric.display().unit());
        parts.add("step " + Durations.format(d.step()));
        parts.add(d.seriesCount() + " series");
        return String.join(" · ", parts);
    }
}
