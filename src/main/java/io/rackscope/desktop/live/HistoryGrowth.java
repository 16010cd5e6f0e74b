package io.rackscope.desktop.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each server's history began at the last look, to tell when one begins earlier. */
final class HistoryGrowth {
    private final Map<String, Instant> known = new HashMap<>();

    /**
     * The former starts of the servers whose history begins earlier in {@code now} (by server) than
     * it did; a server that does not say keeps its last known start.
     */
    List<Instant> movedBack(Map<String, Instant> now) {
        List<Instant> out = new ArrayList<>();
        now.forEach(
                (server, begins) -> {
                    Instant before = known.put(server, begins);
                    if (before != null && begins.isBefore(before)) {
                        out.add(before);
                    }
                });
        return out;
    }
}
