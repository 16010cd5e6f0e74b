package io.rackscope.desktop.telemetry;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes seen moving lately (a sentinel value or presence that changed), where the next change
 * of a target serving many is most likely. A node that keeps moving (one that flaps) is remembered
 * for {@link #FLAPPING_FOR} after its last move; one seen moving in fewer than {@link #FLAPPING}
 * cycles (gone and back with its rack's power, say) only for {@link #MOVED_FOR}: reading its series
 * every cycle for half an hour cost more than the rare cycle it would account for.
 */
final class UnsteadyNodes {
    static final Duration FLAPPING_FOR = Duration.ofMinutes(30);
    static final Duration MOVED_FOR = Duration.ofMinutes(5);
    static final int FLAPPING = 3;

    private record Seen(long last, int cycles) {}

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** {@code ids} moved in the cycle asked at {@code atMillis} (each counted once a cycle). */
    void moved(Collection<String> ids, long atMillis) {
        for (String id : ids) {
            seen.merge(
                    id,
                    new Seen(atMillis, 1),
                    (was, now) ->
                            was.last() == atMillis ? was : new Seen(atMillis, was.cycles() + 1));
        }
    }

    /** The nodes still remembered at {@code atMillis}, the latest to move first. */
    List<String> latestFirst(long atMillis) {
        seen.entrySet().removeIf(e -> forgotten(e.getValue(), atMillis));
        // each node's last move read once: another route's cycle may record moves meanwhile
        return seen.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().last()))
                .sorted(
                        Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static boolean forgotten(Seen s, long atMillis) {
        Duration memory = s.cycles() >= FLAPPING ? FLAPPING_FOR : MOVED_FOR;
        return s.last() < atMillis - memory.toMillis();
    }
}
