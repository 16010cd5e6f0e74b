package io.rackscope.desktop.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Runs work on the FX thread from another thread and waits for its result (headless rendering,
 * tests, benchmarks).
 */
public final class FxThread {
    private FxThread() {}

    public static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(
                () -> {
                    try {
                        f.complete(work.call());
                    } catch (Throwable t) {
                        f.completeExceptionally(t);
                    }
                });
        return f.get(60, TimeUnit.SECONDS);
    }
}
