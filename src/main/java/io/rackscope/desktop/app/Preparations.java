package io.rackscope.desktop.app;

import io.rackscope.desktop.health.HealthSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * State the views asked to have made from every new snapshot on the thread that delivers it, before
 * the UI thread gets the snapshot: there it is then found made instead of being assembled in the
 * frame. Each asker holds one slot (a later ask replaces its earlier one); askers with the same key
 * share one making. What is made is kept for the one snapshot it was made from.
 */
final class Preparations {
    private static final Logger LOG = Logger.getLogger(Preparations.class.getName());

    private record Asked(String key, Function<HealthSnapshot, ?> assemble) {}

    private record Made(HealthSnapshot from, Object value) {}

    private final Map<String, Asked> bySlot = new ConcurrentHashMap<>();
    private final Map<String, Made> byKey = new ConcurrentHashMap<>();

    void ask(String slot, String key, Function<HealthSnapshot, ?> assemble) {
        Asked was = bySlot.put(slot, new Asked(key, assemble));
        if (was != null && !was.key().equals(key)) {
            dropUnasked(was.key());
        }
    }

    void forget(String slot) {
        Asked was = bySlot.remove(slot);
        if (was != null) {
            dropUnasked(was.key());
        }
    }

    private void dropUnasked(String key) {
        if (bySlot.values().stream().noneMatch(a -> a.key().equals(key))) {
            byKey.remove(key);
        }
    }

    /** Makes every asked key from {@code s} (called before {@code s} is handed to the views). */
    void make(HealthSnapshot s) {
        Map<String, Function<HealthSnapshot, ?>> distinct = new LinkedHashMap<>();
        bySlot.values().forEach(a -> distinct.putIfAbsent(a.key(), a.assemble()));
        distinct.forEach(
                (key, assemble) -> {
                    try {
                        byKey.put(key, new Made(s, assemble.apply(s)));
                    } catch (RuntimeException e) {
                        // the UI thread assembles it again and meets the same failure there
                        byKey.remove(key);
                        LOG.log(Level.WARNING, "could not prepare " + key + " for the views", e);
                    }
                });
    }

    /** What was made under {@code key} from {@code s} itself, or null. */
    Object made(String key, HealthSnapshot s) {
        Made m = byKey.get(key);
        return m != null && m.from() == s ? m.value() : null;
    }
}
