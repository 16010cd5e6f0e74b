package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How long an acknowledgement or a maintenance lasts, as chosen from a list or typed: a length
 * ({@code 2h}, {@code 90m}, {@code 1d12h}), an end time today or tomorrow ({@code 06:30}) or a date
 * and time ({@code 2026-12-05 06:30}). Never more than {@link #LONGEST}.
 */
public final class HandleLength {
    /** The longest a typed length may be: a forgotten maintenance must end by itself. */
    public static final Duration LONGEST = Duration.ofDays(30);

    private HandleLength() {}

    /** What was read: a length (null for a chosen open-ended entry), or why it cannot be. */
    public record Read(Duration length, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public static Read parse(String text, Map<String, Duration> choices, Instant now, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        if (choices.containsKey(t)) {
            return new Read(choices.get(t), null);
        }
        Duration d = Durations.parse(t).orElse(null);
        if (d == null) {
            Instant end = end(t, now, zone);
            if (end == null) {
                return new Read(
                        null,
                        "Write a length (2h, 90m), an end time (06:30) or a date and time"
                                + " (2026-12-05 06:30).");
            }
            d = Duration.between(now, end);
        }
        if (d.isNegative() || d.isZero()) {
            return new Read(null, "That end has passed already.");
        }
        if (d.compareTo(LONGEST) > 0) {
            return new Read(null, "At most " + Durations.format(LONGEST) + ".");
        }
        return new Read(d, null);
    }

    /** The next {@code HH:MM} after {@code now}, or a written date and time; null otherwise. */
    private static Instant end(String t, Instant now, ZoneId zone) {
        try {
            if (t.matches("\\d{1,2}:\\d{2}")) {
                LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
                LocalDate today = LocalDate.ofInstant(now, zone);
                Instant at = today.atTime(time).atZone(zone).toInstant();
                return at.isAfter(now)
                        ? at
                        : today.plusDays(1).atTime(time).atZone(zone).toInstant();
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{1,2}:\\d{2}")) {
                String iso = t.replace(' ', 'T');
                int colon = iso.lastIndexOf(':');
                if (colon - iso.indexOf('T') == 2) {
                    iso = iso.replace("T", "T0");
                }
                return LocalDateTime.parse(iso).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
