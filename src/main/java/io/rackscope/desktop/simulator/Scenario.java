package io.rackscope.desktop.simulator;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.YamlNode;
import io.rackscope.desktop.config.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scripted list of events, times relative to the simulator's start (negative times lie in the
 * backfilled history, so a condition can already have held for an hour when the app starts).
 */
public record Scenario(String name, List<Event> events) {
    public static final Scenario NONE = new Scenario("healthy", List.of());

    public Scenario {
        events = List.copyOf(events);
    }

    public enum Kind {
        NODE_DOWN,
        RACK_POWER_LOSS,
        HOT_AISLE,
        FLAPPING,
        DEGRADATION,
        TARGET_SILENT,
        SLURM_DRAIN,
        SLURM_DOWN,
        LARGE_JOB;

        static Optional<Kind> parse(String text) {
            try {
                return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * {@code duration} null means until the simulator stops; {@code metric} names the series a
     * degradation moves; {@code period} is a flapping node's cycle; {@code over} how long a
     * degradation takes.
     */
    public record Event(
            Kind kind,
            String target,
            Duration at,
            Duration duration,
            Severity severity,
            String metric,
            Duration period,
            Duration over) {
        boolean activeAt(long offsetSeconds) {
            return offsetSeconds >= at.toSeconds()
                    && (duration == null || offsetSeconds < at.plus(duration).toSeconds());
        }
    }

    /**
     * Reads a scenario file; problems go to {@code diagnostics} with file and line, and bad events
     * are skipped.
     */
    public static Scenario read(Path file, Diagnostics diagnostics) {
        Optional<YamlNode.Mapping> root = new YamlReader(diagnostics).readMapping(file);
        if (root.isEmpty()) {
            return new Scenario(file.getFileName().toString(), List.of());
        }
        List<Event> events = new ArrayList<>();
        for (YamlNode n : root.get().list("events")) {
            if (!(n instanceof YamlNode.Mapping m)) {
                diagnostics.error(
                        n, "an event must be a mapping with at least 'event' and 'target'");
                continue;
            }
            Optional<Kind> kind = Kind.parse(m.text("event", ""));
            String target = m.text("target", null);
            if (kind.isEmpty() || target == null) {
                diagnostics.error(
                        m,
                        "event needs 'event' (one of node_down, rack_power_loss, hot_aisle, flapping, "
                                + "degradation, target_silent, slurm_drain, slurm_down, large_job) and 'target'");
                continue;
            }
            Optional<Severity> severity =
                    Optional.ofNullable(m.text("severity", null)).flatMap(Scenario::severity);
            if (m.has("severity") && severity.isEmpty()) {
                diagnostics.error(
                        m,
                        "severity must be OK, WARN, CRIT or UNKNOWN, not '"
                                + m.text("severity", "")
                                + "'");
                continue;
            }
            if (kind.get() == Kind.DEGRADATION && !m.has("metric")) {
                diagnostics.error(m, "a degradation event needs 'metric' (the series it moves)");
                continue;
            }
            events.add(
                    new Event(
                            kind.get(),
                            target,
                            signed(m.text("at", "0s"), m, diagnostics),
                            m.has("for") ? Durations.parse(m.text("for", "")).orElse(null) : null,
                            severity.orElse(
                                    kind.get() == Kind.HOT_AISLE ? Severity.WARN : Severity.CRIT),
                            m.text("metric", null),
                            Durations.parse(m.text("period", "60s")).orElse(Duration.ofMinutes(1)),
                            Durations.parse(m.text("over", "10m")).orElse(Duration.ofMinutes(10))));
        }
        return new Scenario(root.get().text("name", file.getFileName().toString()), events);
    }

    private static Optional<Severity> severity(String text) {
        try {
            return Optional.of(Severity.valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Duration signed(String text, YamlNode at, Diagnostics diagnostics) {
        String t = text.trim();
        boolean negative = t.startsWith("-");
        Optional<Duration> d = Durations.parse(negative ? t.substring(1) : t);
        if (d.isEmpty()) {
            diagnostics.error(
                    at, "'at' must be a duration such as 30s, 5m or -1h, not '" + text + "'");
            return Duration.ZERO;
        }
        return negative ? d.get().negated() : d.get();
    }
}
