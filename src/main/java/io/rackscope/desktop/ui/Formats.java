package io.rackscope.desktop.ui;

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
        return a >= 100
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
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
