package io.rackscope.desktop.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * Which severity colours a theme shows: its usual ones; the colour-vision-safe ones (every pair of
 * states told apart under the common colour-vision deficiencies); or the quiet wall's (the safe
 * ones for what is wrong, calm drawn in a muted grey, and only a new CRIT nobody has acknowledged
 * flashing).
 */
public enum ColourScheme {
    STANDARD,
    SAFE,
    QUIET;

    /**
     * Whether a state blinks under this scheme: on the quiet wall only, a CRIT that changed less
     * than {@code recentMillis} ago ({@code sinceChangeMillis}), fresh, that nobody has answered.
     */
    public boolean blinks(
            boolean crit,
            boolean stale,
            boolean handled,
            long sinceChangeMillis,
            long recentMillis) {
        return this == QUIET && crit && !stale && !handled && sinceChangeMillis < recentMillis;
    }

    /** The stylesheet of tokens laid over {@code theme}'s, or none. */
    public Optional<String> overlay(Theme theme) {
        return this == STANDARD
                ? Optional.empty()
                : Optional.of(
                        "palette-"
                                + name().toLowerCase(Locale.ROOT)
                                + "-"
                                + theme.name().toLowerCase(Locale.ROOT)
                                + ".css");
    }

    /** {@code standard}, {@code safe} or {@code quiet}, in any case; empty for anything else. */
    public static Optional<ColourScheme> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ColourScheme c : values()) {
            if (c.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
