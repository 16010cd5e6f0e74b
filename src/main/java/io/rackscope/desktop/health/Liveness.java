package io.rackscope.desktop.health;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether health cycles are still coming, judged from outside the cycle: a cycle running past the
 * interval means a slow server; one running past its deadline, or none finishing for two intervals
 * plus a deadline, means the planner stopped, and whatever is on screen is frozen.
 */
public record Liveness(State state, Duration age) {
    public enum State {
        /** No cycle has finished yet, and it is not late. */
        STARTING,
        CYCLING,
        /** A cycle has been running longer than the interval. */
        SLOW,
        /** No cycle finished for too long, or one is stuck beyond its deadline. */
        STOPPED
    }

    /** Slack for scheduling and the hand-off before a late cycle counts as stopped. */
    static final Duration GRACE = Duration.ofSeconds(10);

    public static final Liveness CYCLING_NOW = new Liveness(State.CYCLING, Duration.ZERO);

    /**
     * @param started when cycling began (the reference before any cycle finished)
     * @param lastFinished when the last cycle ended, with or without data; null: none yet
     * @param runningSince when the cycle in progress started; null: none running
     */
    public static Liveness of(
            Instant now,
            Instant started,
            Instant lastFinished,
            Instant runningSince,
            Duration interval,
            Duration deadline) {
        Instant reference = lastFinished == null ? started : lastFinished;
        Duration quiet = Duration.between(reference, now);
        if (runningSince != null) {
            Duration running = Duration.between(runningSince, now);
            if (running.compareTo(deadline.plus(GRACE)) > 0) {
                return new Liveness(State.STOPPED, quiet);
            }
            if (running.compareTo(interval) > 0) {
                return new Liveness(State.SLOW, running);
            }
        }
        if (runningSince == null
                && quiet.compareTo(interval.multipliedBy(2).plus(deadline).plus(GRACE)) > 0) {
            return new Liveness(State.STOPPED, quiet);
        }
        return new Liveness(lastFinished == null ? State.STARTING : State.CYCLING, quiet);
    }

    public boolean stopped() {
        return state == State.STOPPED;
    }

    /** The first words of {@link #text}, what the status bar shows; empty while cycles come. */
    public String headline() {
        return switch (state) {
            case STARTING, CYCLING -> "";
            case SLOW -> "Prometheus is slow";
            case STOPPED -> "Health updates stopped";
        };
    }

    /** What the status bar says; empty while cycles come normally. */
    public String text() {
        String n = age.toSeconds() + " s";
        return switch (state) {
            case STARTING, CYCLING -> "";
            case SLOW -> "Prometheus is slow: this cycle has been running for " + n;
            case STOPPED ->
                    "Health updates stopped: no cycle has finished for "
                            + n
                            + "; what is shown is frozen";
        };
    }
}
