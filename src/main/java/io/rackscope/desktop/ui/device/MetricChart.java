package io.rackscope.desktop.ui.device;

import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.metrics.MetricDisplay;
import io.rackscope.desktop.ui.Formats;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

/**
 * One metric definition drawn as its {@code display} block says: chart type, colour, unit,
 * threshold lines, time-range buttons starting on the default range. Refreshes while started;
 * {@link #stop()} when hidden.
 */
public final class MetricChart {
    /** The width a chart's data is fetched for (its step); drawn at the width there is. */
    static final int WIDTH = 560;

    static final double MIN_WIDTH = 420;
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private final MetricChartViewModel model;
    private final MetricDefinition metric;
    private final VBox box = new VBox(6);
    private final StackPane plot = new StackPane();
    private final Label status = new Label();
    private Tile gauge;

    public MetricChart(MetricChartViewModel model) {
        this.model = model;
        this.metric = model.metric();
        MetricDisplay d = metric.display();
        String unit = Formats.unit(d);
        Label title = new Label(metric.name() + (unit.isEmpty() ? "" : " (" + unit + ")"));
        title.getStyleClass().add("subtitle");
        Label agg = new Label(d.aggregation().isEmpty() ? "" : d.aggregation());
        agg.getStyleClass().add("faint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, agg, spacer);
        head.setAlignment(Pos.CENTER_LEFT);
        ToggleGroup ranges = new ToggleGroup();
        model.ranges()
                .forEach(
                        (label, dur) -> {
                            ToggleButton b = new ToggleButton(label);
                            b.getStyleClass().add("range-button");
                            b.setId("range-" + metric.id() + "-" + label);
                            b.setToggleGroup(ranges);
                            b.setSelected(dur.equals(model.rangeProperty().get()));
                            b.setOnAction(
                                    e -> {
                                        b.setSelected(true);
                                        model.choose(dur);
                                    });
                            // another chart of the page may choose the range
                            model.rangeProperty()
                                    .addListener((o, x, now) -> b.setSelected(dur.equals(now)));
                            head.getChildren().add(b);
                        });
        status.getStyleClass().add("faint");
        status.textProperty().bind(model.statusProperty());
        plot.setPrefSize(MIN_WIDTH, 220);
        plot.setMinHeight(200);
        box.getStyleClass().add("panel");
        box.getChildren().addAll(head, plot, status);
        model.dataProperty().addListener((o, a, data) -> show(data));
    }

    public Region node() {
        return box;
    }

    public void start() {
        model.start();
    }

    public void stop() {
        model.stop();
        stopGauge();
    }

    /** A gauge Tile owns a "TileTick" scheduler thread until stopped. */
    private void stopGauge() {
        if (gauge != null) {
            gauge.stop();
            gauge = null;
        }
    }

    private void show(ChartData data) {
        MetricDisplay d = metric.display();
        double last = data.latest();
        stopGauge();
        plot.getChildren()
                .setAll(
                        switch (d.chartType()) {
                            case "gauge" -> gauge(data, last);
                            case "bar" -> bar(data);
                            default -> xy(data, d.chartType().equals("area"));
                        });
    }

    private Node xy(ChartData data, boolean area) {
        TimeAxis x = new TimeAxis(data.start().getEpochSecond(), data.end().getEpochSecond(), ZONE);
        NumberAxis y = valueAxis(area);
        XYChart<Number, Number> chart;
        if (area) {
            AreaChart<Number, Number> a = new AreaChart<>(x, y);
            a.setCreateSymbols(false);
            chart = a;
        } else {
            LineChart<Number, Number> l = new LineChart<>(x, y);
            l.setCreateSymbols(false);
            chart = l;
        }
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        // a gap of more than two steps breaks the line: an outage is not a ramp
        for (List<Integer> run : runs(data.timestamps(), data.values(), data.step().toSeconds())) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            for (int i : run) {
                series.getData().add(new XYChart.Data<>(data.timestamps()[i], data.values()[i]));
            }
            chart.getData().add(series);
            style(
                    series.getNode(),
                    "-fx-stroke: " + SeriesColours.line(metric) + "; -fx-stroke-width: 1.6;",
                    "-fx-fill: " + SeriesColours.fill(metric) + ";");
        }
        threshold(chart, data, data.warn(), "threshold-warn");
        threshold(chart, data, data.crit(), "threshold-crit");
        return chart;
    }

    /**
     * The indexes of the samples cut into runs drawn as one line each: a run ends at a missing
     * value or where the next sample is more than two steps later.
     */
    static List<List<Integer>> runs(double[] timestamps, double[] values, long step) {
        List<List<Integer>> out = new java.util.ArrayList<>();
        List<Integer> run = new java.util.ArrayList<>();
        double last = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            if (!run.isEmpty() && timestamps[i] - last > 2 * Math.max(1, step)) {
                out.add(run);
                run = new java.util.ArrayList<>();
            }
            run.add(i);
            last = timestamps[i];
        }
        if (!run.isEmpty()) {
            out.add(run);
        }
        return out;
    }

    /**
     * The value axis, its ticks scaled as the definition's format says; from zero for an area or a
     * bar (a filled shape measured from an axis that does not start at zero exaggerates).
     */
    private NumberAxis valueAxis(boolean fromZero) {
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(fromZero);
        MetricDisplay d = metric.display();
        y.setTickLabelFormatter(
                new StringConverter<>() {
                    @Override
                    public String toString(Number n) {
                        return Formats.number(d, n.doubleValue(), y.getTickUnit());
                    }

                    @Override
                    public Number fromString(String s) {
                        return 0;
                    }
                });
        return y;
    }

    private static void threshold(
            XYChart<Number, Number> chart, ChartData data, Double value, String styleClass) {
        if (value == null) {
            return;
        }
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(styleClass);
        line.getData().add(new XYChart.Data<>(data.start().getEpochSecond(), value));
        line.getData().add(new XYChart.Data<>(data.end().getEpochSecond(), value));
        chart.getData().add(line);
        String token = styleClass.endsWith("crit") ? "-sev-crit" : "-sev-warn";
        style(
                line.getNode(),
                "-fx-stroke: " + token + "; -fx-stroke-dash-array: 6 4; -fx-stroke-width: 1.2;",
                "-fx-fill: transparent;");
    }

    /**
     * Styles a series' line (a Path in a LineChart) or its line and fill (a Group of two Paths in
     * an AreaChart).
     */
    private static void style(Node seriesNode, String line, String fill) {
        if (seriesNode instanceof Group g) {
            for (Node child : g.getChildren()) {
                child.setStyle(
                        child.getStyleClass().contains("chart-series-area-fill") ? fill : line);
            }
        } else if (seriesNode != null) {
            seriesNode.setStyle(line);
        }
    }

    private Node bar(ChartData data) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = valueAxis(true);
        long unit = TimeAxis.unit(data.end().getEpochSecond() - data.start().getEpochSecond());
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setBarGap(1);
        chart.setCategoryGap(1);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        int stride = Math.max(1, data.values().length / 60);
        for (int i = 0; i < data.values().length; i += stride) {
            if (!Double.isNaN(data.values()[i])) {
                series.getData()
                        .add(
                                new XYChart.Data<>(
                                        TimeAxis.label((long) data.timestamps()[i], unit, ZONE),
                                        data.values()[i]));
            }
        }
        chart.getData().add(series);
        String colour = SeriesColours.line(metric);
        series.getData().forEach(p -> p.getNode().setStyle("-fx-bar-fill: " + colour + ";"));
        return chart;
    }

    private Node gauge(ChartData data, double last) {
        MetricDisplay d = metric.display();
        double max = d.crit() != null ? d.crit() * 1.25 : Math.max(1, maxOf(data) * 1.2);
        Tile tile =
                TileBuilder.create()
                        .skinType(Tile.SkinType.GAUGE)
                        .title(metric.name())
                        .unit(d.unit())
                        .minValue(0)
                        .maxValue(max)
                        .value(Double.isNaN(last) ? 0 : last)
                        .decimals(1)
                        .backgroundColor(Color.TRANSPARENT)
                        .sectionsVisible(true)
                        .animated(false)
                        .prefSize(260, 200)
                        .build();
        if (d.warn() != null) {
            tile.addSection(
                    new Section(
                            d.warn(),
                            d.crit() != null ? d.crit() : max,
                            model.palette().severity(Severity.WARN)));
        }
        if (d.crit() != null) {
            tile.addSection(new Section(d.crit(), max, model.palette().severity(Severity.CRIT)));
        }
        gauge = tile;
        return tile;
    }

    private static double maxOf(ChartData data) {
        double m = 0;
        for (double v : data.values()) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
