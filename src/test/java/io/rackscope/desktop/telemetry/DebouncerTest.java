package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Operator;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.prometheus.Series;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** for: on the grid: held only when every point of [T − for, T] has a sample meeting the rule. */
class DebouncerTest {
    static final Check HOT =
            new Check(
                    "hot",
                    "Hot",
                    "",
                    CheckScope.NODE,
                    "t",
                    false,
                    Duration.ofMinutes(2),
                    List.of(),
                    List.of(new Rule(Operator.GT, 75, Severity.WARN)),
                    null,
                    null,
                    Severity.OK,
                    0,
                    Path.of("c.yaml"),
                    1);

    /** A series of node {@code n} with {@code values} at 15 s steps from {@code from}. */
    static Series series(long from, double... values) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                points.add(new double[] {from + 15L * i, values[i]});
            }
        }
        double[] ts = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] vs = points.stream().mapToDouble(p -> p[1]).toArray();
        return new Series(Map.of("instance", "n"), ts, vs);
    }

    static List<Debouncer.Held> window(Series s, long to) {
        Debouncer d = new Debouncer(HOT, "instance", 15);
        d.observe(List.of(s), List.of("n"), d.windowStart(to), to);
        return d.held(to, to, true);
    }

    @Test
    void aSeriesHotForTheWholeWindowIsHeld() {
        assertEquals(
                1, window(series(1500 - 120, 80, 80, 80, 80, 80, 80, 80, 80, 80), 1500).size());
    }

    @Test
    void aSeriesYoungerThanTheWindowIsNotHeldHoweverHotItStarts() {
        double nan = Double.NaN;
        assertEquals(
                0, window(series(1500 - 120, nan, nan, 80, 80, 80, 80, 80, 80, 80), 1500).size());
    }

    @Test
    void aGapOrACoolPointInsideTheWindowRestartsTheRun() {
        assertEquals(
                0, window(series(1500 - 120, 80, 80, 80, 40, 80, 80, 80, 80, 80), 1500).size());
        assertEquals(
                0,
                window(series(1500 - 120, 80, 80, 80, Double.NaN, 80, 80, 80, 80, 80), 1500)
                        .size());
    }

    @Test
    void aFollowedSeriesCarriesItsRunFromCycleToCycle() {
        Debouncer d = new Debouncer(HOT, "instance", 15);
        d.observe(List.of(series(1500, 80, 80)), List.of("n"), 1500, 1515);
        assertEquals(0, d.held(1515, 1515, true).size());
        // only the new points are read on the next cycles
        d.observe(List.of(series(1530, 80, 80, 80, 80, 80, 80)), List.of("n"), 1530, 1605);
        assertEquals(0, d.held(1605, 1605, true).size(), "1500..1605 is 105 s < 2 min");
        d.observe(List.of(series(1620, 80)), List.of("n"), 1620, 1620);
        assertEquals(Severity.WARN, d.held(1620, 1620, true).get(0).severity());
    }

    @Test
    void aCycleBetweenGridPointsHoldsOnlyARunOfTheWholeForBeforeIt() {
        Debouncer d = new Debouncer(HOT, "instance", 15);
        // hot from 1395: at 1510 (cycle point 1500) the run is 105 s old, not 2 min
        d.observe(List.of(series(1395, 80, 80, 80, 80, 80, 80, 80, 80)), List.of("n"), 1395, 1500);
        assertEquals(0, d.held(1500, 1510, true).size());
        d.observe(
                List.of(series(1395, 80, 80, 80, 80, 80, 80, 80, 80, 80)),
                List.of("n"),
                1395,
                1515);
        assertEquals(1, d.held(1515, 1520, true).size(), "1395..1515 is the whole 2 min");
    }
}
