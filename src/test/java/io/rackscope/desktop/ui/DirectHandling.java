package io.rackscope.desktop.ui;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.live.AlertHandling;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The service, synchronously: each change is applied and published at once. */
/** The handling service, synchronously: each change is applied and published at once. */
public final class DirectHandling implements AlertHandling {
    private final HandlingService service;
    private final HealthFeed feed;
    private final Supplier<HealthSnapshot> raw;

    public DirectHandling(HandlingService service, HealthFeed feed, Supplier<HealthSnapshot> raw) {
        this.service = service;
        this.feed = feed;
        this.raw = raw;
    }

    private <T> CompletableFuture<T> done(T t) {
        feed.publish(service.apply(raw.get(), false));
        return CompletableFuture.completedFuture(t);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public CompletableFuture<Silence> acknowledge(
            Incident i, String by, String note, Instant until) {
        return done(service.acknowledge(i, by, note, until));
    }

    @Override
    public CompletableFuture<Silence> acknowledge(Alert a, String by, String note, Instant until) {
        return done(service.acknowledge(a, by, note, until));
    }

    @Override
    public CompletableFuture<Silence> maintain(
            Target target,
            String reason,
            Silence.Effect effect,
            Instant start,
            Instant end,
            String by) {
        return done(service.maintain(target, reason, effect, start, end, by));
    }

    @Override
    public CompletableFuture<Void> end(String id) {
        service.end(id);
        return done(null);
    }

    @Override
    public CompletableFuture<Silence> extend(String id, Instant until) {
        try {
            return done(service.extend(id, until));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        try {
            service.delete(id);
            return done(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
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
}
