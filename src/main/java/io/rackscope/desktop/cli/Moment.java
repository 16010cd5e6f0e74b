package io.rackscope.desktop.cli;

import io.rackscope.desktop.checks.Durations;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A moment on the command line: RFC 3339 ({@code 2026-12-01T02:13:00Z}, an offset instead of Z),
 * relative to now ({@code -2h}, {@code -90m}, {@code -1d12h}), {@code now}, or epoch seconds.
 */
public final class Moment implements CommandLine.ITypeConverter<Instant> {
    private final Clock clock;

    public Moment() {
        this(Clock.systemUTC());
    }

    Moment(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String text) {
        return parse(text, clock.instant())
                .orElseThrow(
                        () ->
                                new CommandLine.TypeConversionException(
                                        "'"
                                                + text
                                                + "' is not a moment: write RFC 3339"
                                                + " (2026-12-01T02:13:00Z), a time before now (-2h,"
                                                + " -90m) or epoch seconds"));
    }

    static Optional<Instant> parse(String text, Instant now) {
        String t = text.trim();
        if (t.equals("now")) {
            return Optional.of(now);
        }
        if (t.startsWith("-")) {
            return Durations.parse(t.substring(1)).map(now::minus);
        }
        if (t.matches("\\d{9,11}(\\.\\d+)?")) {
            return Optional.of(Instant.ofEpochMilli((long) (Double.parseDouble(t) * 1000)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
