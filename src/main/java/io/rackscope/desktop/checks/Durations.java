package io.rackscope.desktop.checks;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus duration strings: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}, {@code 1d},
 * {@code 2w}, {@code 1y}.
 */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("((\\d+)(ms|s|m|h|d|w|y))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    private Durations() {}

    public static Optional<Duration> parse(String text) {
        if (text == null || !WHOLE.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text.trim());
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total =
                    total.plus(
                            switch (m.group(2)) {
                                case "ms" -> Duration.ofMillis(n);
                                case "s" -> Duration.ofSeconds(n);
                                case "m" -> Duration.ofMinutes(n);
                                case "h" -> Duration.ofHours(n);
                                case "d" -> Duration.ofDays(n);
                                case "w" -> Duration.ofDays(7 * n);
                                default -> Duration.ofDays(365 * n);
                            });
        }
        return Optional.of(total);
    }

    /** The Prometheus spelling of a duration, in whole seconds (at least 1s). */
    public static String format(Duration d) {
        long s = Math.max(1, d.toSeconds());
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
