package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code for:} check's batch between its discoveries is asked its presence instead of nothing, so
 * that a series that vanishes is seen in the first cycle without it, at the cost of one number: how
 * many of the batch's entities have samples ({@code expected} did at the cycle's start), and which
 * of those that had none ({@code missing}) have one again. When the count is not what those two
 * say, some entity vanished and the batch's presence is read in the second phase. With {@code
 * expected} below zero the batch's presence is read in full instead (too many to name).
 */
final class PresenceProbe {
    final CheckQueries.Batch batch;
    final List<String> parts;
    final int expected;
    final Set<String> missing;
    double count;
    final Set<String> back = new HashSet<>();

    private PresenceProbe(
            CheckQueries.Batch batch, List<String> parts, int expected, Set<String> missing) {
        this.batch = batch;
        this.parts = parts;
        this.expected = expected;
        this.missing = missing;
    }

    /** The probe of {@code b}: the count, and the entities without samples asked back. */
    static PresenceProbe of(
            CheckQueries.Batch b,
            Set<String> present,
            CheckQueries queries,
            Check check,
            String entityLabel) {
        int expected = 0;
        Set<String> missing = new LinkedHashSet<>();
        for (String id : b.ids()) {
            if (present.contains(id)) {
                expected++;
            } else {
                missing.add(id);
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(CheckQueries.entityCount(b.expr(), entityLabel));
        if (!missing.isEmpty()) {
            String back = queries.expr(check, List.copyOf(missing));
            if (back.length() > queries.maxQueryBytes() / 2) {
                // too many to name: the batch's presence is read in full instead
                return new PresenceProbe(
                        b,
                        List.of(CheckQueries.returned(b.expr(), entityLabel)),
                        -1,
                        Set.copyOf(b.ids()));
            }
            parts.add(CheckQueries.returned(back, entityLabel));
        }
        return new PresenceProbe(b, parts, expected, missing);
    }

    /**
     * The parts joined with {@code or} while a request stays within {@code maxQueryBytes}
     * (VictoriaMetrics refuses more than 16 KiB): the count and the entities asked back go in one
     * request when there is room.
     */
    List<String> requests(int maxQueryBytes) {
        List<String> requests = new ArrayList<>();
        for (String part : parts) {
            int last = requests.size() - 1;
            if (last >= 0 && requests.get(last).length() + 4 + part.length() <= maxQueryBytes) {
                requests.set(last, requests.get(last) + " or " + part);
            } else {
                requests.add(part);
            }
        }
        return requests;
    }

    /** One answer: the count, or entities without samples that have one again. */
    void read(QueryResult r, String entityLabel) {
        for (Series s : r.series()) {
            if ("all".equals(s.label(CheckQueries.PROBE_LABEL))) {
                count = s.value();
            } else {
                String id = s.label(entityLabel);
                if (id != null && missing.contains(id)) {
                    back.add(id);
                }
            }
        }
    }

    /**
     * Whether {@code asked} entities of the batch, read again ({@code found}: those with samples),
     * account for the count: then every other entity known present at the cycle's start still is.
     * Of the entities known present, {@code count} less those back have samples; those asked are
     * known, so the others must be as many as they were.
     */
    boolean accountedFor(java.util.Collection<String> asked, Set<String> found) {
        long knownAsked = asked.stream().filter(id -> !missing.contains(id)).count();
        long knownFound = found.stream().filter(id -> !missing.contains(id)).count();
        return expected >= 0 && count - back.size() - knownFound == expected - knownAsked;
    }

    /** Whether the count says an entity vanished (a probe read in full doubts nothing). */
    boolean doubts() {
        return expected >= 0 && count != expected + back.size();
    }
}
