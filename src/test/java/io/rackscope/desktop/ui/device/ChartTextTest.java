package io.rackscope.desktop.ui.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.metrics.ChartData;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.metrics.MetricDisplay;
import io.rackscope.desktop.ui.Formats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a chart says in words: its ranges, its "now", its values as the definition formats them. */
class ChartTextTest {
    static final MetricDisplay.Format GBITS = new MetricDisplay.Format(1, 1e-9, "", " Gbit/s");

    static MetricDefinition metric(
            List<String> ranges, String defaultRange, MetricDisplay.Format f) {
        return new MetricDefinition(
                "m",
                "M",
                "",
                "m{instance=\"{instance}\"}",
                Map.of(),
                new MetricDisplay("W", "line", "", ranges, defaultRange, "avg", null, null, f),
                "",
                List.of(),
                Path.of("m.yaml"),
                1);
    }

    static ChartData data(MetricDefinition m, double[] values, double latest) {
        double[] ts = new double[values.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 1_796_000_000 + 60.0 * i;
        }
        return new ChartData(
                m,
                "cn1",
                Instant.ofEpochSecond(1_796_000_000),
                Instant.ofEpochSecond(1_796_000_000 + 60L * (values.length - 1)),
                Duration.ofSeconds(60),
                ts,
                values,
                null,
                null,
                1,
                latest);
    }

    @Test
    void theRangesAreTheDefinitionsWithItsDefaultShortestFirstOncePerDuration() {
        assertEquals(
                List.of("30m", "1h", "6h", "1d"),
                List.copyOf(
                        MetricChartViewModel.ranges(
                                        metric(
                                                        List.of("1d", "1h", "60m", "30m"),
                                                        "6h",
                                                        MetricDisplay.Format.DEFAULT)
                                                .display())
                                .keySet()));
        assertEquals(
                List.of("1h", "6h", "24h", "7d"),
                List.copyOf(
                        MetricChartViewModel.ranges(
                                        metric(List.of(), "24h", MetricDisplay.Format.DEFAULT)
                                                .display())
                                .keySet()));
    }

    @Test
    void nowIsTheLatestSampleAndASeriesWithoutOneSaysWhenItLastHadOne() {
        MetricDefinition m = metric(List.of(), "1h", MetricDisplay.Format.DEFAULT);
        assertEquals(
                "now 412 W · step 1m · 1 series",
                MetricChartViewModel.describe(data(m, new double[] {400, 405, Double.NaN}, 412)));
        String stopped =
                MetricChartViewModel.describe(
                        data(m, new double[] {400, 405, Double.NaN}, Double.NaN));
        assertEquals("no sample now (the last value 405 W) · step 1m · 1 series", stopped);
    }

    @Test
    void valuesReadAsTheFormatSaysAndAxisTicksKeepTheDecimalsThatTellThemApart() {
        MetricDisplay d = metric(List.of(), "1h", GBITS).display();
        assertEquals("1.3 Gbit/s", Formats.metric(d, 1.25e9 + 1e7));
        assertEquals("0.25", Formats.number(d, 0.25e9, 0.25e9));
        assertEquals("0.5", Formats.number(d, 0.5e9, 0.5e9));
        assertEquals("Gbit/s", Formats.unit(d));
        MetricDisplay plain = metric(List.of(), "1h", MetricDisplay.Format.DEFAULT).display();
        assertEquals("412 W", Formats.metric(plain, 412));
        assertEquals("W", Formats.unit(plain));
    }
}
