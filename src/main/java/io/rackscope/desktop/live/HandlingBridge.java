package io.rackscope.desktop.live;

import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.StoreException;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The window's handling: the store is read on its own thread every {@code
 * alerts.handling_refresh_seconds} (so a slow Alertmanager never delays health, and a colleague's
 * acknowledgement shows within seconds, not at the next cycle), changes go through that thread too,
 * and after each read that changed something the loop emits the current snapshot again with it
 * applied.
 */
public final class HandlingBridge implements AlertHandling, AutoCloseable {
    private final HandlingService service;
    private final LiveLoop loop;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "handling");
                        t.setDaemon(true);
                        return t;
                    });

    public HandlingBridge(HandlingService service, LiveLoop loop, Duration every) {
        this.service = service;
        this.loop = loop;
        loop.handleWith(
                new LiveLoop.Handler() {
                    @Override
                    public HealthSnapshot apply(HealthSnapshot s, boolean live) {
                        return service.apply(s, live);
                    }

                    @Override
                    public HealthSnapshot applyPast(HealthSnapshot s) {
                        return service.apply(s, s.takenAt(), false);
                    }
                });
        long ms = Math.max(1000, every.toMillis());
        worker.scheduleWithFixedDelay(
                () -> {
                    // each live cycle applies the store anyway: show again only what changed
                    if (service.refresh()) {
                        loop.rehandle();
                    }
                },
                0,
                ms,
                TimeUnit.MILLISECONDS);
    }

    private <T> CompletableFuture<T> change(Supplier<T> work) {
        return CompletableFuture.supplyAsync(
                () -> {
                    T out = work.get();
                    loop.rehandle();
                    return out;
                },
                worker);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public CompletableFuture<Silence> acknowledge(
            Incident i, String by, String note, Instant until) {
        return change(() -> service.acknowledge(i, by, note, until));
    }

    @Override
    public CompletableFuture<Silence> acknowledge(Alert a, String by, String note, Instant until) {
        return change(() -> service.acknowledge(a, by, note, until));
    }

    @Override
    public CompletableFuture<Silence> maintain(
            Target target,
            String reason,
            Silence.Effect effect,
            Instant start,
            Instant end,
            String by) {
        return change(() -> service.maintain(target, reason, effect, start, end, by));
    }

    @Override
    public CompletableFuture<Void> end(String id) {
        return change(
                () -> {
                    service.end(id);
                    return null;
                });
    }

    @Override
    public CompletableFuture<Silence> extend(String id, Instant until) {
        return change(
                () -> {
                    try {
                        return service.extend(id, until);
                    } catch (StoreException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return change(
                () -> {
                    try {
                        service.delete(id);
                        return null;
                    } catch (StoreException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    @Override
    public List<Silence> silences() {
        return service.silences();
    }

    @Override
    public Optional<String> problem() {
        return service.problem();
    }

    @Override
    public String source() {
        return service.source();
    }

    @Override
    public Target targetOf(Incident i) {
        return service.target(i);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** What closing now would leave unsent (see {@link HandlingService#unsentWarning()}). */
    public Optional<String> unsentWarning() {
        return service.unsentWarning();
    }
}
