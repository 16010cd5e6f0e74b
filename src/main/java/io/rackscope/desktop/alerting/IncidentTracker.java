package io.rackscope.desktop.alerting;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows incidents from snapshot to snapshot: a stable id per place (its key and the moment first
 * seen), which are new or worse than before (those are announced), and which flap: more than {@code
 * flapTransitions} changes (appearing, clearing, changing severity) within {@code flapWindow}; a
 * flapping incident is shown with its count and not announced until it has been stable for the
 * window.
 */
public final class IncidentTracker {
    /** The incidents as tracked, those to announce, and what changed (for the journal). */
    public record Tracked(
            List<Incident> incidents, List<Incident> announce, List<Transition> transitions) {}

    /**
     * {@code beforeSilence}: its severity before all its members went silent (no sample), so that
     * their return to it is not news; null while they are not.
     */
    private record Seen(
            String id,
            Severity severity,
            Instant firstSeen,
            Incident last,
            Severity beforeSilence) {}

    private final FlapCounter flaps;
    private Map<String, Seen> active = new HashMap<>();

    public IncidentTracker(int flapTransitions, Duration flapWindow) {
        this.flaps = new FlapCounter(flapTransitions, flapWindow);
    }

    /** A counter of changes with the same limits, for the alerts inside the incidents. */
    FlapCounter newCounter() {
        return new FlapCounter(flaps.transitions(), flaps.window());
    }

    /** Tracks {@code incidents} seen at {@code at}; {@code announceNew} is false while seeding. */
    public Tracked track(List<Incident> incidents, Instant at, boolean announceNew) {
        return track(incidents, at, announceNew, Set.of());
    }

    /**
     * As above; {@code silent}: the entities without a sample now. An incident all of whose members
     * are silent did not clear: it is held (not listed, not journalled as cleared) and continues
     * when samples return, announced only if it is then worse than before the silence.
     */
    public Tracked track(
            List<Incident> incidents, Instant at, boolean announceNew, Set<String> silent) {
        Map<String, Seen> next = new HashMap<>();
        List<Incident> tracked = new ArrayList<>(incidents.size());
        List<Incident> announce = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Incident i : incidents) {
            present.add(i.key());
            Seen before = active.get(i.key());
            boolean fresh = before == null;
            boolean quiet = silent.containsAll(i.members());
            Severity baseline =
                    fresh
                            ? null
                            : !quiet && before.beforeSilence() != null
                                    ? before.beforeSilence()
                                    : before.severity();
            boolean worse = !fresh && i.severity().compareTo(baseline) > 0;
            Severity beforeSilence =
                    quiet
                            ? fresh
                                    ? null
                                    : before.beforeSilence() != null
                                            ? before.beforeSilence()
                                            : before.severity()
                            : null;
            if (fresh || i.severity() != before.severity()) {
                flaps.change(i.key(), at);
            }
            Instant first = fresh ? at : before.firstSeen();
            String id = fresh ? i.key() + "@" + at.getEpochSecond() : before.id();
            int count = flaps.recent(i.key(), at);
            boolean flapping = flaps.flapping(count);
            Instant since = i.since() != null && i.since().isBefore(first) ? i.since() : first;
            Incident t = i.tracked(id, since, flapping, count);
            next.put(i.key(), new Seen(id, i.severity(), first, t, beforeSilence));
            tracked.add(t);
            if (fresh) {
                transitions.add(new Transition(Transition.Kind.NEW, at, t, null));
            } else if (i.severity() != before.severity()) {
                transitions.add(
                        new Transition(
                                i.severity().compareTo(before.severity()) > 0
                                        ? Transition.Kind.WORSE
                                        : Transition.Kind.BETTER,
                                at,
                                t,
                                before.severity()));
            }
            if (announceNew && (fresh || worse) && !flapping) {
                announce.add(t);
            }
        }
        for (Map.Entry<String, Seen> gone : active.entrySet()) {
            Seen g = gone.getValue();
            if (!present.contains(gone.getKey())
                    && !g.last().members().isEmpty()
                    && silent.containsAll(g.last().members())) {
                next.put(
                        gone.getKey(),
                        new Seen(
                                g.id(),
                                g.severity(),
                                g.firstSeen(),
                                g.last(),
                                g.beforeSilence() != null ? g.beforeSilence() : g.severity()));
                continue;
            }
            if (!present.contains(gone.getKey())) {
                flaps.change(gone.getKey(), at);
                transitions.add(
                        new Transition(
                                Transition.Kind.CLEARED,
                                at,
                                gone.getValue().last(),
                                gone.getValue().severity()));
            }
        }
        active = next;
        flaps.prune(at, active::containsKey);
        return new Tracked(List.copyOf(tracked), List.copyOf(announce), List.copyOf(transitions));
    }
}
