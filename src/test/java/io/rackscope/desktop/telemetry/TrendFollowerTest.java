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
    void aPlainSelectorIsReadAsScrapedAnyOtherExpressionPerEntity() {
        String plain = follower().query("temp{instance=~\"n1|n2\"}");
        assertTrue(plain.contains("deriv(temp{instance=~\"n1|n2\"}[900s])"), plain);
        assertTrue(plain.contains("count_over_time(temp{instance=~\"n1|n2\"}[300s])"), plain);
        assertFalse(plain.contains(":15s]"), "no subquery: " + plain);
        String sum = follower().query("sum by (instance) (rate(x{instance=~\"n1\"}[5m]))");
        assertTrue(
                sum.contains(
                        "deriv((max by (instance) (sum by (instance) (rate(x{instance=~\"n1\"}[5m]))))[900s:15s])"),
                sum);
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
        List<Series> answer = new ArrayList<>();
        // n1 has two sensors: the faster one crosses first
        trend(answer, "n1", "a", 75, 0.01);
        trend(answer, "n1", "b", 74, 0.02);
        trend(answer, "n3", "a", 85, -0.01); // cooling: no forecast
        f.startCycle(1000);
        f.answer(answer, List.of("n1", "n3"));
        List<Forecast> out = f.forecasts();
        assertEquals(1, out.size(), out.toString());
        assertEquals("n1", out.get(0).entity());
        assertEquals(300, out.get(0).etaSeconds(), 1e-6, "(80 - 74) / 0.02");
        assertEquals(List.of(), f.candidates(), "both asked just now");
        f.startCycle(1100);
        assertEquals(List.of("n1"), f.candidates(), "n1 forecast: due again after 90 s");
        f.startCycle(1300);
        assertEquals(List.of("n1", "n3"), f.candidates(), "n3 without: after the recent third");
        f.answer(List.of(), List.of("n1", "n3"));
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
        List<Series> answer = new ArrayList<>();
        trend(answer, "n1", "a", 74, 0.02);
        f.answer(answer, List.of("n1"));
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

    /** A nearly straight rise: the spread a line of that slope has, and 5 % more. */
    static void trend(List<Series> out, String node, String sensor, double v, double slope) {
        add(out, node, sensor, "value", v);
        for (String suffix : List.of("", "_recent")) {
            int n = suffix.isEmpty() ? 61 : 21;
            double line = Math.abs(slope) * 15 * Math.sqrt((n * n - 1) / 12.0);
            add(out, node, sensor, "slope" + suffix, slope);
            add(out, node, sensor, "sd" + suffix, line * 1.05);
            add(out, node, sensor, "n" + suffix, n);
        }
    }

    static void add(List<Series> out, String node, String sensor, String part, double v) {
        out.add(
                new Series(
                        Map.of("instance", node, "sensor", sensor, TrendFollower.PART_LABEL, part),
                        new double[] {0},
                        new double[] {v}));
    }
}
