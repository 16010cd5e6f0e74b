package io.rackscope.desktop.telemetry;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How many of a cycle's requests to one server are in flight at once. A steady cycle is background
 * work nobody waits for: it sends one query at a time, so that its queries never compete with each
 * other (or with anyone else's) for the server's cores; a first cycle, a look back or a refresh
 * somebody waits for goes as wide as the client allows. Once an answer says the server itself
 * cannot be asked (down, refusing the credentials), the requests still waiting fail with it at once
 * instead of each being tried in turn.
 */
final class Pacer {
    private static final Pacer UNLIMITED = new Pacer(Integer.MAX_VALUE, e -> false);

    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private final Predicate<Throwable> serverDown;
    private int free;
    private volatile Throwable down;

    private Pacer(int permits, Predicate<Throwable> serverDown) {
        this.free = permits;
        this.serverDown = serverDown;
    }

    /**
     * At most {@code permits} requests in flight (at least one); a failure {@code serverDown}
     * accepts fails the requests not sent yet.
     */
    static Pacer of(int permits, Predicate<Throwable> serverDown) {
        return new Pacer(Math.max(1, permits), serverDown);
    }

    /** No limit of its own: the client's dispatcher alone bounds the requests in flight. */
    static Pacer unlimited() {
        return UNLIMITED;
    }

    /**
     * {@code request} sent now if a permit is free, else when one frees; the answer completes the
     * returned future either way, and an exception thrown by {@code request} fails it.
     */
    <T> CompletableFuture<T> send(Supplier<CompletableFuture<T>> request) {
        if (this == UNLIMITED) {
            return request.get();
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        Runnable start =
                () -> {
                    CompletableFuture<T> answer;
                    try {
                        answer =
                                down != null ? CompletableFuture.failedFuture(down) : request.get();
                    } catch (RuntimeException e) {
                        answer = CompletableFuture.failedFuture(e);
                    }
                    answer.whenComplete(
                            (v, e) -> {
                                if (e != null && down == null && serverDown.test(e)) {
                                    down = e;
                                }
                                release();
                                if (e != null) {
                                    out.completeExceptionally(e);
                                } else {
                                    out.complete(v);
                                }
                            });
                };
        boolean now;
        synchronized (this) {
            now = free > 0;
            if (now) {
                free--;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return out;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                free++;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
