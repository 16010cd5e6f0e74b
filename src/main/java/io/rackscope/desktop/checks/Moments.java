package io.rackscope.desktop.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A moment written by a person: RFC 3339 ({@code 2026-12-01T02:13:00Z}, or with an offset), a time
 * before now ({@code -2h}, {@code -90m}, {@code -1d12h}), {@code now}, epoch seconds, or a local
 * date and time in {@code zone} ({@code 2026-12-01 02:13}, {@code 02:13:30}: today, or yesterday
 * when that is still to come).
 */
public final class Moments {
    private Moments() {}

    public static Optional<Instant> parse(String text, Instant now, ZoneId zone) {
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
            return local(t, now, zone);
        }
    }

    private static Optional<Instant> local(String t, Instant now, ZoneId zone) {
        try {
            if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
                LocalDate today = LocalDate.ofInstant(now, zone);
                Instant at = today.atTime(time).atZone(zone).toInstant();
                return Optional.of(
                        at.isAfter(now)
                                ? today.minusDays(1).atTime(time).atZone(zone).toInstant()
                                : at);
            }
            return Optional.of(LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
