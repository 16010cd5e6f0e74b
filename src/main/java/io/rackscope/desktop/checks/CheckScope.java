package io.rackscope.desktop.checks;

import java.util.Locale;
import java.util.Optional;

/** What a check's samples are about: a node instance, a device (chassis) or a rack. */
public enum CheckScope {
    NODE,
    CHASSIS,
    RACK;

    public static Optional<CheckScope> parse(String text) {
        if (text == null) {
            return Optional.of(NODE);
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "node", "instance" -> Optional.of(NODE);
            case "chassis", "device" -> Optional.of(CHASSIS);
            case "rack" -> Optional.of(RACK);
            default -> Optional.empty();
        };
    }
}
