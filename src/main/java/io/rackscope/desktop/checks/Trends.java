package io.rackscope.desktop.checks;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a threshold check's value is heading: the next threshold it would cross, and when, from the
 * straight line through its recent points. Only a check whose non-OK rules all bound one side
 * ({@code >} or {@code >=}: higher is worse; {@code <} or {@code <=}: lower is worse) has a next
 * threshold.
 */
public final class Trends {
    private Trends() {}

    /**
     * A series' recent course: its value now, the least-squares slope per second over the window,
     * the standard deviation of its values there, how many points it had and how far apart, and
     * where the fitted line stands now ({@code level}: the crossing is reckoned from it, not from
     * the last sample, whose noise would move it).
     */
    public record Trend(
            double value,
            double slope,
            double stddev,
            int points,
            double stepSeconds,
            double level) {
        /** A trend whose line stands at the last sample. */
        public Trend(double value, double slope, double stddev, int points, double stepSeconds) {
            this(value, slope, stddev, points, stepSeconds, value);
        }

        /**
         * How well a straight line explains the points (R², 0 to 1): the slope's share of the
         * values' variance, for points evenly spaced {@code stepSeconds} apart.
         */
        public double fit() {
            if (!(stddev > 0) || points < 2) {
                return 0;
            }
            double n = points;
            double timeVariance = stepSeconds * stepSeconds * (n * n - 1) / 12.0;
            return Math.min(1, slope * slope * timeVariance / (stddev * stddev));
        }
    }

    /**
     * The least-squares line through points from index {@code first} on, as Prometheus reckons it
     * ({@code deriv}'s slope per second, {@code predict_linear(…, 0)}'s value at {@code atSeconds}:
     * both NaN under two points), their population standard deviation ({@code stddev_over_time})
     * and count.
     */
    public record Line(double slope, double level, double stddev, int points) {
        public static Line through(double[] ts, double[] vs, int first, double atSeconds) {
            int n = ts.length - first;
            if (n <= 0) {
                return new Line(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double mean = 0;
            double aux = 0;
            double sumX = 0;
            double sumY = 0;
            double sumXY = 0;
            double sumX2 = 0;
            for (int i = first; i < ts.length; i++) {
                int count = i - first + 1;
                double delta = vs[i] - mean;
                mean += delta / count;
                aux += delta * (vs[i] - mean);
                // x from the moment asked: the intercept is the line's value then
                double x = ts[i] - atSeconds;
                sumX += x;
                sumY += vs[i];
                sumXY += x * vs[i];
                sumX2 += x * x;
            }
            double stddev = Math.sqrt(aux / n);
            if (n < 2) {
                return new Line(Double.NaN, Double.NaN, stddev, n);
            }
            double varX = sumX2 - sumX * sumX / n;
            double slope = varX == 0 ? 0 : (sumXY - sumX * sumY / n) / varX;
            return new Line(slope, sumY / n - slope * sumX / n, stddev, n);
        }
    }

    /**
     * The threshold a series will cross, the severity it then has, in how many seconds, and the
     * trend it was reckoned from.
     */
    public record Crossing(Severity severity, double threshold, double etaSeconds, Trend trend) {}

    /** What a steady trend must show: enough points, a good enough fit, a crossing soon enough. */
    public record Bar(int minPoints, double minFit, Duration horizon) {}

    /**
     * +1 when every non-OK rule is a lower bound (higher is worse), -1 when every one is an upper.
     */
    public static int direction(Check check) {
        if (check.boolOutput()) {
            return 0;
        }
        int direction = 0;
        for (Rule r : check.rules()) {
            if (r.severity() == Severity.OK) {
                continue;
            }
            int d =
                    switch (r.op()) {
                        case GT, GE -> 1;
                        case LT, LE -> -1;
                        default -> 0;
                    };
            if (d == 0 || direction != 0 && d != direction) {
                return 0;
            }
            direction = d;
        }
        return direction;
    }

    /** Whether a check has thresholds a value can be heading for. */
    public static boolean forecastable(Check check) {
        return direction(check) != 0;
    }

    /**
     * The nearest rule {@code value} does not meet yet whose severity is worse than the value's
     * now: the next threshold on the way to worse.
     */
    public static Optional<Rule> next(Check check, double value) {
        int d = direction(check);
        if (d == 0 || Double.isNaN(value)) {
            return Optional.empty();
        }
        Severity now = check.evaluate(value);
        Rule best = null;
        for (Rule r : check.rules()) {
            if (r.severity() == Severity.OK || r.matches(value) || !r.severity().worseThan(now)) {
                continue;
            }
            if (best == null || d * r.value() < d * best.value()) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether a value is worth following: at WARN with a worse threshold ahead, or within {@code
     * margin} (a fraction of the threshold's size) of its next threshold. A threshold of 0 has no
     * margin: a state code at 0 below {@code > 0} is healthy, not about to fail.
     */
    public static boolean near(Check check, double value, double margin) {
        Optional<Rule> next = next(check, value);
        if (next.isEmpty()) {
            return false;
        }
        if (check.evaluate(value) == Severity.WARN) {
            return true;
        }
        double t = next.get().value();
        double band = margin * Math.abs(t);
        return band > 0 && Math.abs(t - value) <= band;
    }

    /**
     * The crossing the course of a value leads to, seen over a window ({@code whole}) and over its
     * last third ({@code recent}). None when the recent part heads the other way (the trend
     * turned). The whole window, the steadier estimate, when it is steady and the recent slope is
     * within half to one and a half times its own; else the recent part when steady (a rise that
     * began inside the window); else the whole window (a slow drift under noise).
     */
    public static Optional<Crossing> crossing(Check check, Trend whole, Trend recent, Bar bar) {
        if (recent.points() >= bar.minPoints() && direction(check) * recent.slope() < 0) {
            return Optional.empty();
        }
        Optional<Crossing> overWindow = crossing(check, whole, bar);
        double ratio = recent.slope() / whole.slope();
        if (overWindow.isPresent() && ratio >= 0.5 && ratio <= 1.5) {
            return overWindow;
        }
        Optional<Crossing> overRecent = crossing(check, recent, bar);
        return overRecent.isPresent() ? overRecent : overWindow;
    }

    /**
     * The crossing {@code trend} leads to: none unless it heads for the next threshold, has {@code
     * bar.minPoints} points, fits a line at least {@code bar.minFit} and arrives within {@code
     * bar.horizon}.
     */
    public static Optional<Crossing> crossing(Check check, Trend trend, Bar bar) {
        Optional<Rule> next = next(check, trend.value());
        if (next.isEmpty()
                || trend.points() < bar.minPoints()
                || !(direction(check) * trend.slope() > 0)
                || trend.fit() < bar.minFit()) {
            return Optional.empty();
        }
        Rule r = next.get();
        double from = Double.isNaN(trend.level()) ? trend.value() : trend.level();
        double eta = (r.value() - from) / trend.slope();
        if (!(eta >= 0) || eta > bar.horizon().toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(new Crossing(r.severity(), r.value(), eta, trend));
    }
}
