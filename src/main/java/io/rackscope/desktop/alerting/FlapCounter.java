package io.rackscope.desktop.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/** How many times each thing (an incident, an alert) changed state within a sliding window. */
final class FlapCounter {
    private final int transitions;
    private final Duration window;
    private final Map<String, Deque<Instant>> changes = new HashMap<>();

    FlapCounter(int transitions, Duration window) {
        this.transitions = transitions;
        this.window = window;
    }

    void change(String key, Instant at) {
        changes.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
    }

    /** The changes of {@code key} within the window ending at {@code at}. */
    int recent(String key, Instant at) {
        Deque<Instant> d = changes.get(key);
        if (d == null) {
            return 0;
        }
        drop(d, at.minus(window));
        return d.size();
    }

    /** More changes than allowed: flapping. */
    boolean flapping(int count) {
        return count > transitions;
    }

    /** Forgets what left the window, keeping the keys {@code active} still needs. */
    void prune(Instant at, Predicate<String> active) {
        Instant from = at.minus(window);
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = changes.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<String, Deque<Instant>> e = it.next();
            drop(e.getValue(), from);
            if (e.getValue().isEmpty() && !active.test(e.getKey())) {
                it.remove();
            }
        }
    }

    private static void drop(Deque<Instant> d, Instant from) {
        while (!d.isEmpty() && d.peekFirst().isBefore(from)) {
            d.pollFirst();
        }
    }

    int transitions() {
        return transitions;
    }

    Duration window() {
        return window;
    }
}
