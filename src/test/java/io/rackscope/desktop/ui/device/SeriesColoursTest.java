package io.rackscope.desktop.ui.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.metrics.MetricDisplay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesColoursTest {
    static MetricDefinition metric(String colour) {
        MetricDisplay d =
                new MetricDisplay(
                        "W",
                        "area",
                        colour,
                        List.of(),
                        "1h",
                        "sum",
                        null,
                        null,
                        MetricDisplay.Format.DEFAULT);
        return new MetricDefinition("m", "M", "", "x", Map.of(), d, "", List.of(), Path.of("m"), 1);
    }

    @Test
    void aMetricWithoutColourUsesTheAccentTokensNotAnInvalidLookup() {
        assertEquals("-accent", SeriesColours.line(metric("")));
        assertEquals("-accent-fill", SeriesColours.fill(metric("")));
    }

    @Test
    void aColourOfItsOwnGetsATranslucentFill() {
        assertEquals("rgba(239,68,68,1.00)", SeriesColours.line(metric("#ef4444")));
        assertEquals("rgba(239,68,68,0.27)", SeriesColours.fill(metric("#ef4444")));
        assertEquals("rgba(255,165,0,0.27)", SeriesColours.fill(metric("orange")));
        assertEquals("-accent-fill", SeriesColours.fill(metric("not a colour")));
    }
}
