package io.rackscope.desktop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendsTest {
    static final Trends.Bar BAR = new Trends.Bar(6, 0.8, Duration.ofHours(2));

    static Check check(boolean bool, Rule... rules) {
        return new Check(
                "temp",
                "Temperature",
                "server",
                CheckScope.NODE,
                "temp",
                bool,
                Duration.ZERO,
                List.of(),
                List.of(rules),
                null,
                null,
                Severity.UNKNOWN,
                0,
                null,
                0);
    }

    static final Check HOT =
            check(
                    false,
                    new Rule(Operator.GT, 80, Severity.WARN),
                    new Rule(Operator.GT, 90, Severity.CRIT));
    static final Check LOW_DISK = check(false, new Rule(Operator.LT, 10, Severity.CRIT));

    @Test
    void onlyChecksBoundingOneSideHaveAWayToWorse() {
        assertEquals(1, Trends.direction(HOT));
        assertEquals(-1, Trends.direction(LOW_DISK));
        assertEquals(0, Trends.direction(check(true, new Rule(Operator.EQ, 0, Severity.CRIT))));
        assertEquals(
                0,
                Trends.direction(
                        check(
                                false,
                                new Rule(Operator.GT, 80, Severity.WARN),
                                new Rule(Operator.LT, 5, Severity.WARN))));
        // an OK rule does not count
        assertEquals(
                1,
                Trends.direction(
                        check(
                                false,
                                new Rule(Operator.LT, 80, Severity.OK),
                                new Rule(Operator.GT, 80, Severity.WARN))));
    }

    @Test
    void theNextThresholdIsTheNearestWorseOne() {
        assertEquals(80, Trends.next(HOT, 70).orElseThrow().value());
        assertEquals(Severity.WARN, Trends.next(HOT, 70).orElseThrow().severity());
        assertEquals(90, Trends.next(HOT, 85).orElseThrow().value());
        assertTrue(Trends.next(HOT, 95).isEmpty(), "CRIT: nothing worse ahead");
        assertEquals(10, Trends.next(LOW_DISK, 30).orElseThrow().value());
    }

    @Test
    void nearMeansWarnOrWithinTheMarginOfTheNextThreshold() {
        assertTrue(Trends.near(HOT, 73, 0.10), "within 8 of 80");
        assertFalse(Trends.near(HOT, 71, 0.10));
        assertTrue(Trends.near(HOT, 81, 0.10), "WARN, CRIT ahead");
        assertFalse(Trends.near(HOT, 91, 0.10), "CRIT: nothing ahead");
        assertTrue(Trends.near(LOW_DISK, 10.5, 0.10));
        assertFalse(Trends.near(LOW_DISK, 12, 0.10));
        assertFalse(Trends.near(HOT, 79, 0), "no margin: only WARN ones");
        Check state =
                check(
                        false,
                        new Rule(Operator.GT, 0, Severity.WARN),
                        new Rule(Operator.GT, 1, Severity.CRIT));
        assertFalse(Trends.near(state, 0, 0.10), "a threshold of 0 has no margin: 0 is healthy");
        assertTrue(Trends.near(state, 1, 0.10), "WARN, CRIT ahead");
    }

    /** The R² of the points as a least-squares fit gives it, against {@link Trends.Trend#fit}. */
    @Test
    void theFitIsTheLeastSquaresRSquared() {
        Random random = new Random(3);
        int n = 61;
        long step = 15;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 70 + 0.01 * i * step + random.nextGaussian() * 0.5;
        }
        double mt = (n - 1) * step / 2.0;
        double my = 0;
        for (double v : y) {
            my += v / n;
        }
        double stt = 0;
        double sty = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dt = i * step - mt;
            stt += dt * dt;
            sty += dt * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        double slope = sty / stt;
        double r2 = sty * sty / (stt * syy);
        double sd = Math.sqrt(syy / n);
        Trends.Trend t = new Trends.Trend(y[n - 1], slope, sd, n, step);
        assertEquals(r2, t.fit(), 1e-9);
        assertTrue(t.fit() > 0.9, "a clear rise: " + t.fit());
        assertEquals(0, new Trends.Trend(70, 0, 0, n, step).fit(), "flat: no fit");
    }

    @Test
    void aSteadyRiseCrossesWhenTheLineSays() {
        Trends.Crossing c =
                Trends.crossing(HOT, new Trends.Trend(78, 0.01, 2.6, 61, 15), BAR).orElseThrow();
        assertEquals(Severity.WARN, c.severity());
        assertEquals(80, c.threshold());
        assertEquals(200, c.etaSeconds(), 1e-6);
        Trends.Crossing crit =
                Trends.crossing(HOT, new Trends.Trend(85, 0.005, 1.3, 61, 15), BAR).orElseThrow();
        assertEquals(Severity.CRIT, crit.severity());
        assertEquals(1000, crit.etaSeconds(), 1e-6);
        Trends.Crossing disk =
                Trends.crossing(LOW_DISK, new Trends.Trend(12, -0.001, 0.27, 61, 15), BAR)
                        .orElseThrow();
        assertEquals(2000, disk.etaSeconds(), 1e-6);
    }

    @Test
    void noForecastUnlessTheTrendIsSteadyHeadingOnAndSoon() {
        assertTrue(
                Trends.crossing(HOT, new Trends.Trend(78, -0.01, 2.6, 61, 15), BAR).isEmpty(),
                "falling away");
        assertTrue(
                Trends.crossing(HOT, new Trends.Trend(78, 0.01, 20, 61, 15), BAR).isEmpty(),
                "noise around a slope: poor fit");
        assertTrue(
                Trends.crossing(HOT, new Trends.Trend(78, 0.01, 0.01, 4, 15), BAR).isEmpty(),
                "too few points");
        assertTrue(
                Trends.crossing(HOT, new Trends.Trend(78, 0.0001, 0.0026, 61, 15), BAR).isEmpty(),
                "5.5 hours away: past the horizon");
        assertTrue(
                Trends.crossing(HOT, new Trends.Trend(95, 0.01, 2.6, 61, 15), BAR).isEmpty(),
                "already CRIT");
    }

    @Test
    void aRiseThatBeganInsideTheWindowIsReadFromItsRecentPart() {
        Trends.Trend whole = new Trends.Trend(69.4, 0.011, 3.8, 61, 15); // fit 0.6: flat, then up
        Trends.Trend recent = new Trends.Trend(69.4, 0.05, 2.3, 21, 15);
        assertTrue(Trends.crossing(HOT, whole, BAR).isEmpty(), "the whole window fits poorly");
        assertEquals(
                (80 - 69.4) / 0.05,
                Trends.crossing(HOT, whole, recent, BAR).orElseThrow().etaSeconds(),
                1e-6);
    }

    @Test
    void aSlowDriftUnderNoiseIsReadFromTheWholeWindowUnlessItTurned() {
        Trends.Trend whole = new Trends.Trend(78, 0.002, 0.55, 61, 15);
        Trends.Trend noisy = new Trends.Trend(78, 0.001, 0.5, 21, 15);
        assertEquals(
                1000,
                Trends.crossing(HOT, whole, noisy, BAR).orElseThrow().etaSeconds(),
                1e-6,
                "the recent part is noise around the same drift");
        Trends.Trend turned = new Trends.Trend(78, -0.001, 0.5, 21, 15);
        assertTrue(
                Trends.crossing(HOT, whole, turned, BAR).isEmpty(),
                "the recent part heads away: the trend turned");
    }

    @Test
    void bothSteadyAndAlikeTheWholeWindowDecides() {
        Trends.Trend whole = new Trends.Trend(71.4, 0.0105, 2.8, 61, 15, 71.0);
        Trends.Trend recent = new Trends.Trend(71.4, 0.0125, 1.1, 21, 15, 72.0);
        assertTrue(whole.fit() > 0.8 && recent.fit() > 0.8, whole.fit() + " " + recent.fit());
        assertEquals(whole, Trends.crossing(HOT, whole, recent, BAR).orElseThrow().trend());
        assertEquals(
                (80 - 71.0) / 0.0105,
                Trends.crossing(HOT, whole, recent, BAR).orElseThrow().etaSeconds(),
                1e-6,
                "from the fitted line's value now, not the last sample's");
    }
}
