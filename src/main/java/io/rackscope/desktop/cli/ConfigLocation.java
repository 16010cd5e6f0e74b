package io.rackscope.desktop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which configuration to open when none is given: {@code /etc/rackscope}, then {@code
 * ~/.config/rackscope}, then the demo configuration shipped with the app.
 */
public final class ConfigLocation {
    private ConfigLocation() {}

    public static Path resolve(Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        for (Path candidate : candidates()) {
            if (Files.exists(candidate.resolve("app.yaml"))) {
                return candidate;
            }
        }
        return bundled();
    }

    /**
     * A configuration of this machine or user ({@code /etc}, {@code ~/.config}), if there is one.
     */
    public static java.util.Optional<Path> found() {
        return candidates().stream()
                .filter(c -> !c.equals(bundled()))
                .filter(c -> Files.exists(c.resolve("app.yaml")))
                .findFirst();
    }

    /** Where a user's own configuration goes: {@code ~/.config/rackscope}. */
    public static Path userDirectory() {
        return Path.of(System.getProperty("user.home"), ".config", "rackscope");
    }

    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        out.add(Path.of("/etc/rackscope"));
        out.add(Path.of(System.getProperty("user.home"), ".config", "rackscope"));
        out.add(bundled());
        return out;
    }

    /**
     * The demo configuration: beside the launcher when installed or built, else {@code ./config}.
     */
    public static Path bundled() {
        String home = System.getProperty("rackscope.home");
        if (home != null && Files.isDirectory(Path.of(home, "config"))) {
            return Path.of(home, "config");
        }
        return Path.of("config");
    }
}
