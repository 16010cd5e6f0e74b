package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.ui.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** How long an alert has been active, as the panel says it, never more than history can tell. */
final class SinceText {
    private SinceText() {}

    /** What the texts are reckoned against: the moment described and what history can tell. */
    record Reading(
            Instant now,
            Duration lookback,
            Optional<Instant> historyStart,
            Duration grain,
            ZoneId zone) {
        String of(Instant since) {
            return SinceText.of(since, now, lookback, historyStart, grain, zone);
        }

        String column(Instant since) {
            return SinceText.column(since, now, lookback, historyStart, grain, zone);
        }

        String noSample(Instant since) {
            return SinceText.noSample(since, now, lookback, historyStart, grain, zone);
        }
    }

    /**
     * "since 12 min ago"; "for more than 24h" when history was read back as far as {@code lookback}
     * and it failed throughout; "since before 07:12 (history starts then)" when it has failed from
     * the first sample the server holds ({@code historyStart}, within {@code grain}); the start
     * unknown when {@code since} is null.
     */
    static String of(
            Instant since,
            Instant now,
            Duration lookback,
            Optional<Instant> historyStart,
            Duration grain,
            ZoneId zone) {
        if (since == null) {
            return "active at this moment (start not known)";
        }
        if (fromHistoryStart(since, historyStart, grain)) {
            return "since before "
                    + Formats.when(historyStart.get(), now, zone)
                    + " (history starts then)";
        }
        if (!Duration.between(since, now).minus(lookback).isNegative()) {
            return "for more than " + Durations.format(lookback);
        }
        return "since " + Formats.ago(since, now);
    }

    /**
     * The same, short, for a column headed "Since": "12 min ago", "before 07:12" (where history
     * starts), "over 24h", "not known".
     */
    static String column(
            Instant since,
            Instant now,
            Duration lookback,
            Optional<Instant> historyStart,
            Duration grain,
            ZoneId zone) {
        if (since == null) {
            return "not known";
        }
        if (fromHistoryStart(since, historyStart, grain)) {
            return "before " + Formats.when(historyStart.get(), now, zone);
        }
        if (!Duration.between(since, now).minus(lookback).isNegative()) {
            return "over " + Durations.format(lookback);
        }
        return Formats.ago(since, now);
    }

    /**
     * "no sample since 07:24:02, 12 min ago"; "no sample since history starts (07:12:00)" when the
     * server holds none of it at all; "no sample in the last 24h" when history was read back as far
     * as {@code lookback} without one and where it begins is not known (that start is a bound, not
     * the moment the samples stopped).
     */
    static String noSample(
            Instant since,
            Instant now,
            Duration lookback,
            Optional<Instant> historyStart,
            Duration grain,
            ZoneId zone) {
        if (since == null) {
            return "no sample";
        }
        if (fromHistoryStart(since, historyStart, grain)) {
            return "no sample since history starts ("
                    + Formats.when(historyStart.get(), now, zone)
                    + ")";
        }
        if (!Duration.between(since, now).minus(lookback).isNegative()) {
            return "no sample in the last " + Durations.format(lookback);
        }
        return "no sample since " + Formats.when(since, now, zone) + ", " + Formats.ago(since, now);
    }

    /** Whether {@code since} is where the server's history begins (within {@code grain}). */
    private static boolean fromHistoryStart(
            Instant since, Optional<Instant> historyStart, Duration grain) {
        return historyStart.isPresent() && !since.isAfter(historyStart.get().plus(grain));
    }
}
