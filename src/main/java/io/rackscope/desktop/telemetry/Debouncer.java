package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long each series of a {@code for:} check has met each severity's condition, carried from
 * cycle to cycle so that history is read only when it is not known.
 *
 * <p>The rule, evaluated on the grid of the check's resolution ({@code step}): a series is at
 * severity S at time T when S's condition held, with a sample, at every grid point of [T − for, T].
 * This is what {@code count_over_time((cond == 1)[for:step])} equal to the number of steps says,
 * and what the planner is tested against. A series' run of S starts at the first grid point of its
 * current uninterrupted stretch meeting S; the series is S once that start is at or before the
 * window's first point.
 *
 * <p>Two ways to learn runs: on the grid ({@link #observe}), from range answers that cover every
 * point since the series was last verified (or the window when it was not known); or at cycle
 * granularity ({@link #observeInstant}), from one sample per cycle, which is how the original keeps
 * {@code for:} in process.
 */
final class Debouncer {
    static final long NONE = Long.MIN_VALUE;

    /** One series being followed: its entity (and sub-node), run starts by severity, last value. */
    static final class Track {
        final String entity;
        final String child;
        final long[] runStart;
        long verifiedUntil = NONE;
        double lastValue = Double.NaN;

        Track(String entity, String child, int severities) {
            this.entity = entity;
            this.child = child;
            this.runStart = new long[severities];
            Arrays.fill(runStart, NONE);
        }

        boolean running() {
            for (long r : runStart) {
                if (r != NONE) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What a series is held at: its severity and its latest value. */
    record Held(String entity, String child, Severity severity, double value) {}

    private final Check check;
    private final String entityLabel;
    private final long step;
    private final long window;
    private final List<Severity> severities = new ArrayList<>();
    private final List<List<Rule>> conditions = new ArrayList<>();
    private final Map<String, Track> tracks = new HashMap<>();

    Debouncer(Check check, String entityLabel, long stepSeconds) {
        this.check = check;
        this.entityLabel = entityLabel;
        this.step = Math.max(1, stepSeconds);
        this.window = check.forDuration().toSeconds();
        for (Severity s : List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN)) {
            List<Rule> rules = check.rules().stream().filter(r -> r.severity() == s).toList();
            if (!rules.isEmpty()) {
                severities.add(s);
                conditions.add(rules);
            }
        }
    }

    long step() {
        return step;
    }

    /** The first grid point of the window [t − for, t]. */
    long windowStart(long t) {
        return windowStart(t, window, step);
    }

    /** The first point of the grid of {@code step} in [t − window, t]. */
    static long windowStart(long t, long window, long step) {
        return Math.floorDiv(t - window + step - 1, step) * step;
    }

    /** Whether a sample's value meets any non-OK condition (then the series is worth following). */
    boolean failing(double value) {
        for (List<Rule> rules : conditions) {
            for (Rule r : rules) {
                if (r.matches(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Entities with a series being followed. */
    Set<String> trackedEntities() {
        Set<String> out = new HashSet<>();
        tracks.values().forEach(t -> out.add(t.entity));
        return out;
    }

    /** Whether every followed series of {@code entity} is known up to {@code t}. */
    boolean verifiedAt(String entity, long t) {
        boolean any = false;
        for (Track tr : tracks.values()) {
            if (tr.entity.equals(entity)) {
                if (tr.verifiedUntil != t) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Entities followed but not verified up to {@code t}, with the oldest point they miss. */
    long unverifiedSince(long t, Collection<String> into) {
        long oldest = NONE;
        for (Track tr : tracks.values()) {
            if (tr.verifiedUntil < t) {
                into.add(tr.entity);
                long next = tr.verifiedUntil == NONE ? NONE : tr.verifiedUntil + step;
                oldest = oldest == NONE || next < oldest ? next : oldest;
            }
        }
        return oldest;
    }

    /**
     * Range answers (at the grid points from {@code from} to {@code to}) for {@code entities}: a
     * followed series verified up to {@code from − step} carries on; any other starts afresh at
     * {@code from}. Series of those entities absent from the answer are no longer followed.
     */
    void observe(List<Series> matrix, Collection<String> entities, long from, long to) {
        Set<String> wanted = new HashSet<>(entities);
        Set<String> seen = new HashSet<>();
        for (Series s : matrix) {
            String entity = s.label(entityLabel);
            if (entity == null || !wanted.contains(entity)) {
                continue;
            }
            String key = SeriesKeys.of(s);
            seen.add(key);
            Track tr = tracks.get(key);
            boolean carries =
                    tr != null && tr.verifiedUntil != NONE && tr.verifiedUntil >= from - step;
            if (!carries) {
                tr = new Track(entity, child(s), severities.size());
            }
            Map<Long, Double> points = new HashMap<>();
            for (int i = 0; i < s.timestamps().length; i++) {
                points.put(Math.round(s.timestamps()[i]), s.values()[i]);
            }
            long start = carries ? tr.verifiedUntil + step : from;
            for (long t = start; t <= to; t += step) {
                Double v = points.get(t);
                advance(tr, t, v);
            }
            tr.verifiedUntil = to;
            keep(key, tr);
        }
        dropUnseen(wanted, seen);
    }

    /**
     * One sample per series at {@code t} for {@code entities} (cycle granularity): a series met at
     * the previous observation carries on, others start at {@code t}.
     */
    void observeInstant(List<Series> vector, Collection<String> entities, long t) {
        Set<String> wanted = new HashSet<>(entities);
        Set<String> seen = new HashSet<>();
        for (Series s : vector) {
            String entity = s.label(entityLabel);
            if (entity == null || !wanted.contains(entity)) {
                continue;
            }
            String key = SeriesKeys.of(s);
            seen.add(key);
            Track tr =
                    tracks.computeIfAbsent(
                            key, k -> new Track(entity, child(s), severities.size()));
            advance(tr, t, s.value());
            tr.verifiedUntil = t;
            keep(key, tr);
        }
        dropUnseen(wanted, seen);
    }

    private void advance(Track tr, long t, Double v) {
        tr.lastValue = v == null ? Double.NaN : v;
        for (int i = 0; i < severities.size(); i++) {
            boolean met = false;
            if (v != null && !v.isNaN()) {
                for (Rule r : conditions.get(i)) {
                    met |= r.matches(v);
                }
            }
            if (!met) {
                tr.runStart[i] = NONE;
            } else if (tr.runStart[i] == NONE) {
                tr.runStart[i] = t;
            }
        }
    }

    private void keep(String key, Track tr) {
        if (tr.running()) {
            tracks.put(key, tr);
        } else {
            tracks.remove(key);
        }
    }

    private void dropUnseen(Set<String> entities, Set<String> seen) {
        tracks.entrySet()
                .removeIf(
                        e -> entities.contains(e.getValue().entity) && !seen.contains(e.getKey()));
    }

    /** Forgets what is known of {@code entities}: their history will be read again. */
    void forget(Collection<String> entities) {
        Set<String> gone = new HashSet<>(entities);
        tracks.values().removeIf(tr -> gone.contains(tr.entity));
    }

    /**
     * The series held at a non-OK severity at grid time {@code t}: verified up to {@code t} with a
     * run reaching back to the first point of the window ending at {@code t} (a moment between two
     * grid points is judged at the one before it: judged at the next window, a run would be held up
     * to one step short of {@code for:}). {@code gridded} false measures the run in time up to
     * {@code now} rather than on the grid (the in-process scheme).
     */
    List<Held> held(long t, long now, boolean gridded) {
        List<Held> out = new ArrayList<>();
        long first = windowStart(t);
        for (Iterator<Track> it = tracks.values().iterator(); it.hasNext(); ) {
            Track tr = it.next();
            if (tr.verifiedUntil != t) {
                continue;
            }
            for (int i = 0; i < severities.size(); i++) {
                long run = tr.runStart[i];
                if (run != NONE && (gridded ? run <= first : now - run >= window)) {
                    out.add(new Held(tr.entity, tr.child, severities.get(i), tr.lastValue));
                    break;
                }
            }
        }
        return out;
    }

    private String child(Series s) {
        return check.expandByLabel() == null ? null : s.label(check.expandByLabel());
    }
}
