package io.rackscope.desktop.ui;

import io.rackscope.desktop.metrics.MetricDisplay;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and ages read in the UI. */
public final class Formats {
    private Formats() {}

    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 0.01 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        // what "%.0f" and "%.2f" less trailing zeros write, without a formatter per call (a table
        // of a thousand values spent most of its rows' time in String.format)
        java.math.BigDecimal d =
                java.math.BigDecimal.valueOf(v)
                        .setScale(a >= 100 ? 0 : 2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /**
     * A metric's value as its definition's {@code display.format} says (multiplier, decimals,
     * prefix, suffix), else as {@link #value} with the unit: "1.2 Gbit/s", "412 W".
     */
    public static String metric(MetricDisplay d, double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        MetricDisplay.Format f = d.format();
        if (f.equals(MetricDisplay.Format.DEFAULT)) {
            return d.unit().isEmpty() ? value(v) : value(v) + " " + d.unit();
        }
        return f.prefix() + number(d, v) + f.suffix();
    }

    /** A metric's value scaled and rounded as its format says, without prefix, suffix or unit. */
    public static String number(MetricDisplay d, double v) {
        return number(d, v, Double.NaN);
    }

    /**
     * As {@link #number(MetricDisplay, double)}, with at least the decimals that tell apart values
     * {@code spacing} apart (an axis' ticks).
     */
    public static String number(MetricDisplay d, double v, double spacing) {
        MetricDisplay.Format f = d.format();
        if (f.equals(MetricDisplay.Format.DEFAULT)) {
            return value(v);
        }
        double step = Math.abs(spacing * f.multiplier());
        int decimals = Math.max(0, Math.min(6, f.decimals()));
        // 0.25 apart needs two decimals, 0.5 one
        while (step > 0 && decimals < 6) {
            double scaled = step * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                break;
            }
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v * f.multiplier());
    }

    /** The unit a chart's axis is in: the format's suffix when it has one, else the unit. */
    public static String unit(MetricDisplay d) {
        String suffix = d.format().suffix().trim();
        return suffix.isEmpty() ? d.unit() : suffix;
    }

    /** "1 rack", "12 racks": a count with its noun, singular for one. */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }

    /** "12 s", "4 min", "3 h 5 min", "2 d 4 h". */
    public static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        return s / 86_400 + " d " + (s % 86_400) / 3600 + " h";
    }

    public static String ago(Instant then, Instant now) {
        return then == null || then.equals(Instant.EPOCH)
                ? "never"
                : age(Duration.between(then, now)) + " ago";
    }

    /** "06:41:12" today, "1 Dec 06:41" another day (in {@code zone}, as of {@code now}). */
    public static String when(Instant t, Instant now, ZoneId zone) {
        boolean today = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TODAY : OTHER_DAY).format(t.atZone(zone));
    }

    private static final DateTimeFormatter TODAY =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter OTHER_DAY =
            DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A moment in the desk's time zone, to the second: {@code 2026-12-01 02:13:00}. */
    public static String moment(Instant t, ZoneId zone) {
        return MOMENT.format(t.atZone(zone));
    }

    /** The banner of a view that shows a past moment. */
    public static String notLive(Instant t, ZoneId zone) {
        return "Viewing " + moment(t, zone) + " - not live";
    }
}
