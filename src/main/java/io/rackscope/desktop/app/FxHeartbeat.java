package io.rackscope.desktop.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the window's thread still runs: a beat is handed to it every second, and how long the
 * last one has waited is the stall (shown as {@code rackscope_ui_stalled_seconds} and logged once
 * past {@link #LOGGED_AFTER}), so a frozen window is seen from outside even when it cannot draw.
 */
public final class FxHeartbeat implements AutoCloseable {
    static final Duration LOGGED_AFTER = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(FxHeartbeat.class.getName());
    private final Clock clock;
    private volatile Instant answered;
    private volatile boolean waiting;
    private volatile Instant sent;
    private boolean said;
    private final ScheduledExecutorService beat =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "fx-heartbeat");
                        t.setDaemon(true);
                        return t;
                    });

    /** {@code onFx}: runs a task on the window's thread (Platform::runLater). */
    public FxHeartbeat(Consumer<Runnable> onFx, Clock clock) {
        this.clock = clock;
        this.answered = clock.instant();
        beat.scheduleWithFixedDelay(() -> tick(onFx), 0, 1, TimeUnit.SECONDS);
    }

    // one at a time: a beat checked as not waiting is handed over before another checks
    synchronized void tick(Consumer<Runnable> onFx) {
        if (!waiting) {
            waiting = true;
            sent = clock.instant();
            onFx.accept(
                    () -> {
                        answered = clock.instant();
                        waiting = false;
                    });
        }
        Duration stall = stalled();
        if (stall.compareTo(LOGGED_AFTER) > 0 && !said) {
            said = true;
            LOG.log(
                    Level.SEVERE,
                    "The window has not answered for " + stall.toSeconds() + " s: it is frozen");
        } else if (stall.isZero()) {
            said = false;
        }
    }

    /** How long a beat has waited for the window's thread (zero when it keeps up). */
    public Duration stalled() {
        Instant since = sent;
        return waiting && since != null ? Duration.between(since, clock.instant()) : Duration.ZERO;
    }

    @Override
    public void close() {
        beat.shutdownNow();
    }
}
