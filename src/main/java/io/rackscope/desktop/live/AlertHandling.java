package io.rackscope.desktop.live;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Port: acknowledging and putting under maintenance, off the FX thread; every change is applied to
 * what the window shows as soon as the store has it (or queued, shown as pending, when it is down).
 */
@Port
public interface AlertHandling {
    AlertHandling NONE =
            new AlertHandling() {
                @Override
                public boolean enabled() {
                    return false;
                }

                @Override
                public CompletableFuture<Silence> acknowledge(
                        Incident i, String by, String note, Instant until) {
                    return unavailable();
                }

                @Override
                public CompletableFuture<Silence> acknowledge(
                        Alert a, String by, String note, Instant until) {
                    return unavailable();
                }

                @Override
                public CompletableFuture<Silence> maintain(
                        Target target,
                        String reason,
                        Silence.Effect effect,
                        Instant start,
                        Instant end,
                        String by) {
                    return unavailable();
                }

                @Override
                public CompletableFuture<Void> end(String id) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<Silence> extend(String id, Instant until) {
                    return unavailable();
                }

                @Override
                public CompletableFuture<Void> delete(String id) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public List<Silence> silences() {
                    return List.of();
                }

                @Override
                public Optional<String> problem() {
                    return Optional.empty();
                }

                @Override
                public String source() {
                    return "";
                }

                @Override
                public Target targetOf(Incident i) {
                    return new Target(Target.Type.INSTANCE, i.place());
                }
            };

    private static <T> CompletableFuture<T> unavailable() {
        return CompletableFuture.failedFuture(
                new IllegalStateException("nothing can be acknowledged here"));
    }

    /** False where nothing can be kept (a replayed snapshot). */
    boolean enabled();

    CompletableFuture<Silence> acknowledge(Incident i, String by, String note, Instant until);

    CompletableFuture<Silence> acknowledge(Alert a, String by, String note, Instant until);

    CompletableFuture<Silence> maintain(
            Target target,
            String reason,
            Silence.Effect effect,
            Instant start,
            Instant end,
            String by);

    CompletableFuture<Void> end(String id);

    CompletableFuture<Silence> extend(String id, Instant until);

    CompletableFuture<Void> delete(String id);

    /** Every maintenance and acknowledgement known, as last read. */
    List<Silence> silences();

    /** Why the store could not be read last time. */
    Optional<String> problem();

    /** "Alertmanager http://..." or "maintenances.yaml in /etc/rackscope". */
    String source();

    /** Where a maintenance of {@code i} is aimed: its place, or its one entity. */
    Target targetOf(Incident i);
}
