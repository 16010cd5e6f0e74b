package io.rackscope.desktop.prometheus;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where Prometheus' history begins, as its own {@code /metrics} says. */
final class HistoryStart {
    private static final Pattern LOWEST =
            Pattern.compile("(?m)^prometheus_tsdb_lowest_timestamp_seconds (\\S+)$");

    private HistoryStart() {}

    /**
     * The oldest sample's time in {@code metricsText}; empty when it is not there or the database
     * holds nothing yet (it says the largest time there is then).
     */
    static Optional<Instant> in(String metricsText) {
        Matcher m = LOWEST.matcher(metricsText);
        if (!m.find()) {
            return Optional.empty();
        }
        double seconds;
        try {
            seconds = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // an empty database answers 2^63 milliseconds: no history at all
        if (!Double.isFinite(seconds) || seconds > 4.0e9) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
    }
}
