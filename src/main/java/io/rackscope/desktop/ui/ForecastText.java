package io.rackscope.desktop.ui;

import io.rackscope.desktop.health.Forecast;
import java.time.Duration;
import java.util.Locale;

/** How a forecast reads: a tile's chip ("12m"), a line ("CRIT at 90 in ~12 min, +0.9/min"). */
public final class ForecastText {
    private ForecastText() {}

    /** As short as a tile's corner allows: "<1m", "12m", "1h20", "3h". */
    public static String chip(double etaSeconds) {
        long m = Math.round(etaSeconds / 60);
        if (m < 1) {
            return "<1m";
        }
        if (m < 60) {
            return m + "m";
        }
        return m % 60 == 0 ? m / 60 + "h" : m / 60 + "h" + String.format("%02d", m % 60);
    }

    /** "~12 min", "~1 h 20 min", "< 1 min": a forecast is never more precise than that. */
    public static String eta(double etaSeconds) {
        if (etaSeconds < 60) {
            return "< 1 min";
        }
        long s = Math.round(etaSeconds / 60) * 60;
        return "~" + Formats.age(Duration.ofSeconds(s));
    }

    /** "+0.9/min", "-0.02/min", or per hour when slower than 0.01 a minute. */
    public static String rate(double perSecond) {
        double perMinute = perSecond * 60;
        String sign = perSecond >= 0 ? "+" : "";
        if (Math.abs(perMinute) < 0.01) {
            return sign + Formats.value(perSecond * 3600) + "/h";
        }
        return sign + Formats.value(perMinute) + "/min";
    }

    /** "CRIT at 90 in ~12 min (+0.9/min, now 85.2)". */
    public static String line(Forecast f) {
        return String.format(
                Locale.ROOT,
                "%s at %s in %s (%s, now %s)",
                f.severity(),
                Formats.value(f.threshold()),
                eta(f.etaSeconds()),
                rate(f.ratePerSecond()),
                Formats.value(f.value()));
    }

    /** "Temperature on n01: CRIT at 90 in ~12 min (+0.9/min, now 85.2)". */
    public static String sentence(Forecast f, String checkName) {
        return checkName + " on " + f.entity() + ": " + line(f);
    }
}
