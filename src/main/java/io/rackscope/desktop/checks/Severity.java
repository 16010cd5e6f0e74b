package io.rackscope.desktop.checks;

import java.util.Locale;
import java.util.Optional;

/** Health states in roll-up order: a worse state has a higher rank. */
public enum Severity {
    OK,
    UNKNOWN,
    WARN,
    CRIT;

    public boolean worseThan(Severity other) {
        return ordinal() > other.ordinal();
    }

    public static Severity worst(Severity a, Severity b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "OK" -> Optional.of(OK);
            case "WARN", "WARNING" -> Optional.of(WARN);
            case "CRIT", "CRITICAL" -> Optional.of(CRIT);
            case "UNKNOWN" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }
}
