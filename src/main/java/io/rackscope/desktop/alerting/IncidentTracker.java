package io.rackscope.desktop.alerting;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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

    private record Seen(String id, Severity severity, Instant firstSeen, Incident last) {}

    private final int flapTransitions;
    private final Duration flapWindow;
    private Map<String, Seen> active = new HashMap<>();
    private final Map<String, Deque<Instant>> changes = new HashMap<>();

    public IncidentTracker(int flapTransitions, Duration flapWindow) {
        this.flapTransitions = flapTransitions;
        this.flapWindow = flapWindow;
    }

    /** Tracks {@code incidents} seen at {@code at}; {@code announceNew} is false while seeding. */
    public Tracked track(List<Incident> incidents, Instant at, boolean announceNew) {
        Map<String, Seen> next = new HashMap<>();
        List<Incident> tracked = new ArrayList<>(incidents.size());
        List<Incident> announce = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Incident i : incidents) {
            present.add(i.key());
            Seen before = active.get(i.key());
            boolean fresh = before == null;
            boolean worse = !fresh && i.severity().compareTo(before.severity()) > 0;
            if (fresh || i.severity() != before.severity()) {
                change(i.key(), at);
            }
            Instant first = fresh ? at : before.firstSeen();
            String id = fresh ? i.key() + "@" + at.getEpochSecond() : before.id();
            int count = recent(i.key(), at);
            boolean flapping = count > flapTransitions;
            Instant since = i.since() != null && i.since().isBefore(first) ? i.since() : first;
            Incident t = i.tracked(id, since, flapping, count);
            next.put(i.key(), new Seen(id, i.severity(), first, t));
            tracked.add(t);
            if (fresh) {
                transitions.add(new Transition(Transition.Kind.NEW, at, t, null));
            } else if (i.severity() != before.severity()) {
                transitions.add(
                        new Transition(
                                worse ? Transition.Kind.WORSE : Transition.Kind.BETTER,
                                at,
                                t,
                                before.severity()));
            }
            if (announceNew && (fresh || worse) && !flapping) {
                announce.add(t);
            }
        }
        for (Map.Entry<String, Seen> gone : active.entrySet()) {
            if (!present.contains(gone.getKey())) {
                change(gone.getKey(), at);
                transitions.add(
                        new Transition(
                                Transition.Kind.CLEARED,
                                at,
                                gone.getValue().last(),
                                gone.getValue().severity()));
            }
        }
        active = next;
        prune(at);
        return new Tracked(List.copyOf(tracked), List.copyOf(announce), List.copyOf(transitions));
    }

    private void change(String key, Instant at) {
        changes.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
    }

    private int recent(String key, Instant at) {
        Deque<Instant> d = changes.get(key);
        if (d == null) {
            return 0;
        }
        Instant from = at.minus(flapWindow);
        while (!d.isEmpty() && d.peekFirst().isBefore(from)) {
            d.pollFirst();
        }
        return d.size();
    }

    private void prune(Instant at) {
        Instant from = at.minus(flapWindow);
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = changes.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<String, Deque<Instant>> e = it.next();
            Deque<Instant> d = e.getValue();
            while (!d.isEmpty() && d.peekFirst().isBefore(from)) {
                d.pollFirst();
            }
            if (d.isEmpty() && !active.containsKey(e.getKey())) {
                it.remove();
            }
        }
    }
}
