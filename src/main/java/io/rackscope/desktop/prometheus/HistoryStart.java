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
     * The oldest sample's time in {@code metricsText}, read at {@code now}; empty when it is not
     * there. A database that holds nothing yet (it says the largest time there is) begins after
     * {@code now}: that moment is given, so that nothing asked of its history later is taken to
     * have failed, or been silent, since before it (a Prometheus started empty, as the demo's, was
     * read as a day of failure by the alerts seen in its first seconds).
     */
    static Optional<Instant> in(String metricsText, Instant now) {
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
        // an empty database answers 2^63 milliseconds
        if (!Double.isFinite(seconds) || seconds > 4.0e9) {
            return Optional.of(now);
        }
        return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
    }
}
