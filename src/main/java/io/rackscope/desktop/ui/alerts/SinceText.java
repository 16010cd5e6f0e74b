package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.ui.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How long an alert has been active, as the panel says it, never more than history can tell:
 * reckoned against the moment described ({@code now}), how far back starts are read ({@code
 * lookback}) and where the server's history begins ({@code historyStart}, a start within {@code
 * grain} after it being that bound rather than a start).
 */
record SinceText(
        Instant now,
        Duration lookback,
        Optional<Instant> historyStart,
        Duration grain,
        ZoneId zone) {

    /** What can be said of a start. */
    private enum Said {
        NOT_KNOWN,
        /** At where the server's history begins: a bound, not a start. */
        FROM_HISTORY_START,
        /** As old as the look-back: it failed throughout what was read. */
        WHOLE_LOOKBACK,
        AGO
    }

    private Said said(Instant since) {
        if (since == null) {
            return Said.NOT_KNOWN;
        }
        if (historyStart.isPresent() && !since.isAfter(historyStart.get().plus(grain))) {
            return Said.FROM_HISTORY_START;
        }
        if (!Duration.between(since, now).minus(lookback).isNegative()) {
            return Said.WHOLE_LOOKBACK;
        }
        return Said.AGO;
    }

    private String historyStarts() {
        return Formats.when(historyStart.orElseThrow(), now, zone);
    }

    /**
     * "since 12 min ago"; "for more than 24h" when history was read back as far as the look-back
     * and it failed throughout; "since before 07:12 (history starts then)" when it has failed from
     * the first sample the server holds; the start unknown when {@code since} is null.
     */
    String of(Instant since) {
        return switch (said(since)) {
            case NOT_KNOWN -> "active at this moment (start not known)";
            case FROM_HISTORY_START -> "since before " + historyStarts() + " (history starts then)";
            case WHOLE_LOOKBACK -> "for more than " + Durations.format(lookback);
            case AGO -> "since " + Formats.ago(since, now);
        };
    }

    /**
     * The same, short, for a column headed "Since": "12 min ago", "before 07:12" (where history
     * starts), "over 24h", "not known".
     */
    String column(Instant since) {
        return switch (said(since)) {
            case NOT_KNOWN -> "not known";
            case FROM_HISTORY_START -> "before " + historyStarts();
            case WHOLE_LOOKBACK -> "over " + Durations.format(lookback);
            case AGO -> Formats.ago(since, now);
        };
    }

    /**
     * "no sample since 07:24:02, 12 min ago"; "no sample since history starts (07:12:00)" when the
     * server holds none of it at all; "no sample in the last 24h" when history was read back as far
     * as the look-back without one and where it begins is not known (that start is a bound, not the
     * moment the samples stopped).
     */
    String noSample(Instant since) {
        return switch (said(since)) {
            case NOT_KNOWN -> "no sample";
            case FROM_HISTORY_START -> "no sample since history starts (" + historyStarts() + ")";
            case WHOLE_LOOKBACK -> "no sample in the last " + Durations.format(lookback);
            case AGO ->
                    "no sample since "
                            + Formats.when(since, now, zone)
                            + ", "
                            + Formats.ago(since, now);
        };
    }
}
