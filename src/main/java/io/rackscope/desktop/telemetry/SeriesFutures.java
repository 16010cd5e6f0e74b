package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Answers asked apart, read as one. */
final class SeriesFutures {
    private SeriesFutures() {}

    /**
     * The series of every one of {@code asked}, in order, once all are answered; failed when one
     * is.
     */
    static CompletableFuture<List<Series>> together(List<CompletableFuture<List<Series>>> asked) {
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .thenApply(
                        x -> {
                            List<Series> out = new ArrayList<>();
                            asked.forEach(a -> out.addAll(a.join()));
                            return out;
                        });
    }
}
