package io.rackscope.desktop.cli;

import io.rackscope.desktop.checks.Moments;
import java.time.Clock;
import java.time.Instant;
import picocli.CommandLine;

/**
 * A moment on the command line: RFC 3339 ({@code 2026-12-01T02:13:00Z}, an offset instead of Z),
 * relative to now ({@code -2h}, {@code -90m}, {@code -1d12h}), {@code now}, epoch seconds, or a
 * local date and time ({@code 2026-12-01 02:13}); see {@link Moments}.
 */
public final class Moment implements CommandLine.ITypeConverter<Instant> {
    private final Clock clock;

    public Moment() {
        this(Clock.systemDefaultZone());
    }

    Moment(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String text) {
        return Moments.parse(text, clock.instant(), clock.getZone())
                .orElseThrow(
                        () ->
                                new CommandLine.TypeConversionException(
                                        "'"
                                                + text
                                                + "' is not a moment: write RFC 3339"
                                                + " (2026-12-01T02:13:00Z), a time before now (-2h,"
                                                + " -90m) or epoch seconds"));
    }
}
