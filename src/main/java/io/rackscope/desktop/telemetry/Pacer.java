package io.rackscope.desktop.telemetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How many of a cycle's requests to one server are in flight at once. A cycle forward in time (the
 * live ones, the first among them) sends one query at a time, so that its queries never compete
 * with each other (or with anyone else's) for the server's cores; one still running after its
 * budget (a large estate on a busy server) sends the rest as wide as the client allows, so that it
 * ends before the next is due; a look back goes wide at once. Once an answer says the server itself
 * cannot be asked (down, refusing the credentials), the requests still waiting fail with it at once
 * instead of each being tried in turn.
 */
final class Pacer {
    private static final Pacer UNLIMITED =
            new Pacer(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, () -> 0, e -> false);

    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private final Predicate<Throwable> serverDown;
    private final LongSupplier nanos;
    private final long widenAt;
    private int free;
    private int wider;
    private volatile Throwable down;

    private Pacer(
            int permits,
            int widePermits,
            long widenAt,
            LongSupplier nanos,
            Predicate<Throwable> serverDown) {
        this.free = permits;
        this.wider = Math.max(0, widePermits - permits);
        this.widenAt = widenAt;
        this.nanos = nanos;
        this.serverDown = serverDown;
    }

    /**
     * One request in flight at a time until {@code budgetNanos} (on {@code nanos}) from now, then
     * up to {@code widePermits}; a failure {@code serverDown} accepts fails the requests not sent
     * yet.
     */
    static Pacer oneAtATime(
            int widePermits,
            long budgetNanos,
            LongSupplier nanos,
            Predicate<Throwable> serverDown) {
        Pacer p =
                new Pacer(
                        1,
                        Math.max(1, widePermits),
                        nanos.getAsLong() + budgetNanos,
                        nanos,
                        serverDown);
        // an answer that never comes must not hold the rest past the budget
        CompletableFuture.delayedExecutor(Math.max(0, budgetNanos), TimeUnit.NANOSECONDS)
                .execute(p::startWaiting);
        return p;
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
                                // the work an answer sets off is done before the next query
                                // goes, never beside it on the cores of a server on this machine
                                try {
                                    if (e != null) {
                                        out.completeExceptionally(e);
                                    } else {
                                        out.complete(v);
                                    }
                                } finally {
                                    release();
                                }
                            });
                };
        boolean now;
        synchronized (this) {
            widenIfDue();
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
        synchronized (this) {
            free++;
        }
        startWaiting();
    }

    /** Starts the waiting requests there are permits for (more once the budget is spent). */
    private void startWaiting() {
        List<Runnable> next = new ArrayList<>();
        synchronized (this) {
            widenIfDue();
            while (free > 0 && !waiting.isEmpty()) {
                free--;
                next.add(waiting.poll());
            }
        }
        next.forEach(Runnable::run);
    }

    /** Past the budget: the wider permits join, once. Called holding the lock. */
    private void widenIfDue() {
        if (wider > 0 && nanos.getAsLong() - widenAt >= 0) {
            free += wider;
            wider = 0;
        }
    }
}
