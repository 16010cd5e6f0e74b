package io.rackscope.desktop.live;

import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.telemetry.LookBack;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates past moments on its own thread through a {@link LookBack}: only the newest moment asked
 * is evaluated, so dragging a slider costs one evaluation at a time.
 */
public final class PastLooks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PastLooks.class.getName());

    /** Where an evaluated moment goes. */
    public interface Shown {
        /**
         * {@code snapshot} of the moment {@code evaluated}, or null when it could not be evaluated;
         * {@code more}: a newer moment is being evaluated already.
         */
        void past(Instant evaluated, HealthSnapshot snapshot, boolean more);
    }

    private final LookBack lookBack;
    private final UnaryOperator<HealthSnapshot> handled;
    private final Shown shown;
    private final AtomicReference<Instant> asked = new AtomicReference<>();
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "look-back");
                        t.setDaemon(true);
                        return t;
                    });

    /** {@code handled}: what was handled at that moment, applied to each evaluated snapshot. */
    public PastLooks(LookBack lookBack, UnaryOperator<HealthSnapshot> handled, Shown shown) {
        this.lookBack = lookBack;
        this.handled = handled;
        this.shown = shown;
    }

    public LookBack lookBack() {
        return lookBack;
    }

    /** Asks for the moment {@code slot} (a slot of {@link #lookBack()}); returns at once. */
    public void ask(Instant slot) {
        if (asked.getAndSet(slot) == null) {
            worker.execute(this::evaluate);
        }
    }

    private void evaluate() {
        Instant slot = asked.get();
        while (slot != null) {
            HealthSnapshot past;
            try {
                past = handled.apply(lookBack.at(slot).snapshot());
            } catch (RuntimeException | Error e) {
                if (worker.isShutdown()) {
                    return;
                }
                LOG.log(Level.WARNING, "looking back failed", e);
                past = null;
            }
            Instant evaluated = slot;
            slot = asked.compareAndSet(slot, null) ? null : asked.get();
            shown.past(evaluated, past, slot != null);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        lookBack.close();
    }
}
