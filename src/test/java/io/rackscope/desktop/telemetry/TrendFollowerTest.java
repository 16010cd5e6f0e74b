package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Operator;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.prometheus.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendFollowerTest {
    static final Check HOT =
            new Check(
                    "temp",
                    "Temperature",
                    "server",
                    CheckScope.NODE,
                    "temp",
                    false,
                    Duration.ZERO,
                    List.of(),
                    List.of(
                            new Rule(Operator.GT, 80, Severity.WARN),
                            new Rule(Operator.GT, 90, Severity.CRIT)),
                    null,
                    null,
                    Severity.UNKNOWN,
                    0,
                    null,
                    0);

    static TrendFollower follower() {
        return TrendFollower.of(HOT, "instance", AppConfig.Forecast.DEFAULTS, 15);
    }

    @Test
    void aPlainSelectorIsReadAsScrapedAnyOtherExpressionPerEntityTheWindowOnce() {
        TrendFollower f = follower();
        assertEquals("temp{instance=~\"n1|n2\"}[900s]", f.pointsQuery("temp{instance=~\"n1|n2\"}"));
        assertEquals(
                "label_replace(temp{instance=~\"n1|n2\"}, \"rackscope_trend\", \"value\", \"\", \"\")",
                f.valueQuery("temp{instance=~\"n1|n2\"}"));
        String sum = "sum by (instance) (rate(x{instance=~\"n1\"}[5m]))";
        assertEquals(
                "(max by (instance) (sum by (instance) (rate(x{instance=~\"n1\"}[5m]))))[900s:15s]",
                f.pointsQuery(sum));
    }

    /**
     * The line, spread and count reckoned from the points as Prometheus' {@code deriv}, {@code
     * predict_linear(…, 0)}, {@code stddev_over_time} and {@code count_over_time} reckon them
     * (worked by hand here; {@code ForecastIT} compares them with a real Prometheus' answers).
     */
    @Test
    void theLineThroughThePointsIsPrometheus() {
        double[] ts = {100, 115, 130, 145, 160};
        double[] vs = {70, 70.5, 70.2, 71.1, 71.4};
        io.rackscope.desktop.checks.Trends.Line all =
                io.rackscope.desktop.checks.Trends.Line.through(ts, vs, 0, 160);
        assertEquals(5, all.points());
        assertEquals(51 / 2250.0, all.slope(), 1e-12, "Sxy / Sxx about the mean time, 130 s");
        assertEquals(71.32, all.level(), 1e-9, "the mean, 70.64, and 30 s of slope");
        assertEquals(Math.sqrt(1.412 / 5), all.stddev(), 1e-12, "population, not sample");
        io.rackscope.desktop.checks.Trends.Line last =
                io.rackscope.desktop.checks.Trends.Line.through(ts, vs, 4, 160);
        assertEquals(1, last.points());
        assertTrue(Double.isNaN(last.slope()), "one point has no slope");
        assertEquals(0, last.stddev());
        assertEquals(0, io.rackscope.desktop.checks.Trends.Line.through(ts, vs, 5, 160).points());
    }

    @Test
    void aPlainSelectorIsScannedWhateverItsLength() {
        assertTrue(TrendFollower.plainSelector("up"));
        assertTrue(TrendFollower.plainSelector(" temp{a=\"}{\\\"(\", b=~\"x|y\"} "));
        assertFalse(TrendFollower.plainSelector("temp{a=\"x\"}[5m]"));
        assertFalse(TrendFollower.plainSelector("max(temp)"));
        assertFalse(TrendFollower.plainSelector("temp{a=\"x\"} > 3"));
        String ids = "n" + String.join("|n", java.util.Collections.nCopies(2000, "0001"));
        assertTrue(TrendFollower.plainSelector("temp{instance=~\"" + ids + "\"}"));
    }

    @Test
    void onlyEntitiesNearAThresholdAreFollowedAndTheSoonestSeriesOfEachIsForecast() {
        TrendFollower f = follower();
        f.read(List.of("n1", "n2", "n3"), Map.of("n1", 75.0, "n2", 60.0, "n3", 85.0));
        assertEquals(List.of("n1", "n3"), f.candidates(), "n2 is far from 80");
        List<Series> values = new ArrayList<>();
        List<Series> points = new ArrayList<>();
        // n1 has two sensors: the faster one crosses first
        trend(values, points, "n1", "a", 75, 0.01);
        trend(values, points, "n1", "b", 74, 0.02);
        trend(values, points, "n3", "a", 85, -0.01); // cooling: no forecast
        f.startCycle(1000);
        f.answer(values, points, List.of("n1", "n3"), 1000);
        List<Forecast> out = f.forecasts();
        assertEquals(1, out.size(), out.toString());
        assertEquals("n1", out.get(0).entity());
        assertEquals(300, out.get(0).etaSeconds(), 1e-6, "(80 - 74) / 0.02");
        assertEquals(List.of(), f.candidates(), "both asked just now");
        f.startCycle(1100);
        assertEquals(List.of("n1"), f.candidates(), "n1 forecast: due again after 90 s");
        f.startCycle(1300);
        assertEquals(List.of("n1", "n3"), f.candidates(), "n3 without: after the recent third");
        f.answer(List.of(), List.of(), List.of("n1", "n3"), 1300);
        f.startCycle(1500);
        assertEquals(List.of(), f.candidates(), "no sample: not followed any more");
    }

    /**
     * A trend is asked again only after the refresh (a tenth of the window, 90 s by default);
     * between, the last forecast stands, its time counted down, and a candidate that leaves takes
     * its forecast with it.
     */
    @Test
    void aTrendIsAskedAgainOnlyAfterTheRefreshItsForecastCountedDownBetween() {
        TrendFollower f = follower();
        f.startCycle(1000);
        f.read(List.of("n1"), Map.of("n1", 74.0));
        assertEquals(List.of("n1"), f.candidates());
        List<Series> values = new ArrayList<>();
        List<Series> points = new ArrayList<>();
        trend(values, points, "n1", "a", 74, 0.02);
        f.answer(values, points, List.of("n1"), 1000);
        assertEquals(300, f.forecasts().get(0).etaSeconds(), 1e-6);
        f.startCycle(1030);
        assertEquals(List.of(), f.candidates(), "asked 30 s ago");
        assertEquals(270, f.forecasts().get(0).etaSeconds(), 1e-6, "counted down");
        assertEquals(74.6, f.forecasts().get(0).value(), 1e-6, "and its value carried on");
        f.startCycle(1090);
        assertEquals(List.of("n1"), f.candidates(), "90 s on: asked again");
        f.read(List.of("n1"), Map.of("n1", 60.0));
        assertEquals(List.of(), f.forecasts(), "cooled off: no longer followed nor forecast");
    }

    /** A straight rise to {@code v} at 1000 s: a point every 15 s over the 15-minute window. */
    static void trend(
            List<Series> values,
            List<Series> points,
            String node,
            String sensor,
            double v,
            double slope) {
        Map<String, String> labels = Map.of("instance", node, "sensor", sensor);
        java.util.Map<String, String> value = new java.util.HashMap<>(labels);
        value.put(TrendFollower.PART_LABEL, "value");
        values.add(new Series(value, new double[] {1000}, new double[] {v}));
        double[] ts = new double[61];
        double[] vs = new double[61];
        for (int i = 0; i < 61; i++) {
            ts[i] = 100 + 15 * i;
            vs[i] = v - slope * (1000 - ts[i]);
        }
        java.util.Map<String, String> named = new java.util.HashMap<>(labels);
        named.put("__name__", "temp");
        points.add(new Series(named, ts, vs));
    }
}
