package io.rackscope.desktop.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a snapshot says about the data source, decided from the kinds of its cycle errors: all is
 * well, some batches failed (one check's expression, say), or nothing came back and why.
 */
public record ConnectionStatus(Level level, String headline, String reason) {
    public enum Level {
        OK,
        DEGRADED,
        DOWN
    }

    /** Every server answered every batch. */
    public static final ConnectionStatus REACHABLE =
            new ConnectionStatus(Level.OK, "Prometheus reachable", "");

    /** For a small tile: "reachable" when every server answered, else the headline. */
    public String shortText() {
        return equals(REACHABLE) ? "reachable" : headline;
    }

    public static ConnectionStatus of(HealthSnapshot s) {
        ConnectionStatus c = fromErrors(s);
        String standIns = s.stats().standIns();
        if (!standIns.isEmpty()) {
            c =
                    c.level() == Level.OK
                            ? new ConnectionStatus(
                                    Level.OK,
                                    "Prometheus reachable: " + standIns,
                                    standIns
                                            + ", which failed; the one answering is kept until"
                                            + " it fails")
                            : new ConnectionStatus(
                                    c.level(), c.headline(), c.reason() + "; " + standIns);
        }
        String clock = s.stats().clockNote();
        if (clock.isEmpty()) {
            return c;
        }
        return c.level() == Level.OK
                ? new ConnectionStatus(
                        Level.DEGRADED, "Prometheus reachable, " + s.stats().clockHeadline(), clock)
                : new ConnectionStatus(c.level(), c.headline(), c.reason() + "; " + clock);
    }

    private static ConnectionStatus fromErrors(HealthSnapshot s) {
        List<CycleError> errors = s.errors();
        if (errors.isEmpty() && s.version() > 0 && s.stats().batches() == 0) {
            // nothing was sent, so nothing is known of the server: never "reachable"
            return new ConnectionStatus(
                    Level.OK,
                    "Prometheus not asked (no check to evaluate)",
                    "the estate has no check with a target yet, so nothing was asked of Prometheus");
        }
        if (errors.isEmpty()) {
            return REACHABLE;
        }
        CycleError.Kind common = CycleError.commonKind(errors);
        int batches = s.stats().batches();
        boolean everything =
                errors.stream().allMatch(e -> e.kind().aboutTheServer())
                        && (batches == 0 || s.stats().failedBatches() >= batches);
        String reason = reason(errors);
        if (everything) {
            return new ConnectionStatus(Level.DOWN, headline(common), reason);
        }
        Set<String> failing = new LinkedHashSet<>();
        errors.stream()
                .filter(e -> e.kind().aboutTheServer())
                .forEach(e -> failing.add(e.server()));
        if (s.stats().servers() > 1 && !failing.isEmpty()) {
            return new ConnectionStatus(
                    Level.DEGRADED,
                    headline(common)
                            + " ("
                            + String.join(", ", failing)
                            + "; "
                            + (s.stats().servers() - failing.size())
                            + " of "
                            + s.stats().servers()
                            + " Prometheus servers answer)",
                    reason);
        }
        long failed = errors.stream().filter(e -> !CycleError.SLURM.equals(e.source())).count();
        String head =
                failed == 0
                        ? "Slurm query failed"
                        : failed
                                + " of "
                                + batches
                                + (batches == 1 ? " batch" : " batches")
                                + " failed";
        return new ConnectionStatus(Level.DEGRADED, head, reason);
    }

    private static String headline(CycleError.Kind kind) {
        if (kind == null) {
            return "No answers from Prometheus";
        }
        return switch (kind) {
            case UNREACHABLE -> "Prometheus unreachable";
            case TIMEOUT -> "Prometheus does not answer in time";
            case CREDENTIALS -> "Prometheus refuses the credentials";
            case NOT_PROMETHEUS -> "The server does not answer as Prometheus";
            case TLS -> "TLS connection to Prometheus failed";
            case UNAVAILABLE -> "Prometheus overloaded or unavailable";
            case DEADLINE -> "The cycle ran out of time";
            case INVALID_SETTINGS -> "The Prometheus settings cannot be used";
            default -> "No answers from Prometheus";
        };
    }

    /** The message of the errors when they share one, else the first with a count of the rest. */
    private static String reason(List<CycleError> errors) {
        Set<String> messages = new LinkedHashSet<>();
        errors.forEach(e -> messages.add(e.message()));
        String first = messages.iterator().next();
        if (messages.size() == 1) {
            return first;
        }
        CycleError e = errors.get(0);
        return e.source() + ": " + e.message() + "  (+" + (messages.size() - 1) + " more)";
    }
}
