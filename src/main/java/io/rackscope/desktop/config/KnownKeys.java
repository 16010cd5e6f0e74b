package io.rackscope.desktop.config;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The keys a block of settings may have. Anything else is warned about with its file and line, and
 * with the nearest known key when it is a likely typo ({@code expand_by_lable}: "did you mean
 * expand_by_label?").
 */
final class KnownKeys {
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private final Set<String> known;

    private KnownKeys(Set<String> known) {
        this.known = known;
    }

    static KnownKeys of(String... keys) {
        return new KnownKeys(Set.of(keys));
    }

    /** Warns about every key of {@code m} not known here; {@code where} names the block. */
    void check(YamlNode.Mapping m, String where, Diagnostics diagnostics) {
        m.entries()
                .forEach(
                        (key, value) -> {
                            if (!known.contains(key)) {
                                diagnostics.warning(
                                        m.at(key),
                                        "unknown key '"
                                                + key
                                                + "' in "
                                                + where
                                                + " is ignored"
                                                + nearest(key)
                                                        .map(k -> "; did you mean " + k + "?")
                                                        .orElse(""));
                            }
                        });
    }

    Optional<String> nearest(String key) {
        return nearest(key, known);
    }

    /** The key of {@code known} within a few edits of {@code key}, if any (the nearest). */
    static Optional<String> nearest(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = DISTANCE.apply(key, k);
            if (d >= 0 && d < bestDistance && d <= Math.max(1, k.length() / 3)) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
