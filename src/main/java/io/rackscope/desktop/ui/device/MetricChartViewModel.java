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
import java.util.TreeMap;
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

    public MetricChartViewModel(
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
        ranges.putAll(ranges(d));
        range.set(Durations.parse(d.defaultRange()).orElse(Duration.ofHours(1)));
        refresh = new Timeline(new KeyFrame(REFRESH, e -> load()));
        refresh.setCycleCount(Timeline.INDEFINITE);
    }

    /**
     * The range buttons of a definition: its {@code time_ranges} (the usual four when it has none)
     * and its default range, shortest first, one per duration.
     */
    static Map<String, Duration> ranges(MetricDisplay d) {
        List<String> listed =
                new ArrayList<>(
                        d.timeRanges().isEmpty() ? MetricDisplay.DEFAULT_RANGES : d.timeRanges());
        listed.add(d.defaultRange());
        Map<Duration, String> byDuration = new TreeMap<>();
        for (String r : listed) {
            Durations.parse(r).ifPresent(dur -> byDuration.putIfAbsent(dur, r));
        }
        Map<String, Duration> out = new LinkedHashMap<>();
        byDuration.forEach((dur, label) -> out.put(label, dur));
        return out;
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
        if (!r.equals(range.get())) {
            range.set(r);
            load();
        }
    }

    /** Takes {@code r}, chosen on another chart of the page, when this chart offers it. */
    void offer(Duration r) {
        if (ranges.containsValue(r)) {
            choose(r);
        }
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

    /**
     * "now 412 W · step 15 s · 1 series"; a series without a sample at this moment says so, with
     * when its last point was, instead of a stale "now".
     */
    static String describe(ChartData d) {
        MetricDefinition metric = d.metric();
        String entity = d.entity();
        if (d.seriesCount() == 0) {
            return "No data for " + entity + " in this range.";
        }
        List<String> parts = new ArrayList<>();
        MetricDisplay display = metric.display();
        int lastPoint = d.lastPoint();
        if (!Double.isNaN(d.latest())) {
            parts.add("now " + Formats.metric(display, d.latest()));
        } else if (lastPoint >= 0) {
            // not "at" the last step's time: a step finds a sample up to five minutes before it
            parts.add(
                    "no sample now (the last value "
                            + Formats.metric(display, d.values()[lastPoint])
                            + ")");
        } else {
            parts.add("no sample now");
        }
        parts.add("step " + Durations.format(d.step()));
        parts.add(d.seriesCount() + (d.seriesCount() == 1 ? " series" : " series combined"));
        return String.join(" · ", parts);
    }
}
