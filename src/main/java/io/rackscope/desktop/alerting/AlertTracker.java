package io.rackscope.desktop.alerting;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Remembers since when each alert has been active and tells which alerts are new in a snapshot. The
 * first snapshot with data only seeds what is already failing: starting the app raises no storm. A
 * step of the feed: it runs on each snapshot before the views see it.
 */
public final class AlertTracker {
    private Map<String, Instant> since = new HashMap<>();
    private Map<String, Alert> last = new HashMap<>();
    private boolean seeded;
    private final IncidentTracker incidents;
    private final Duration sinceLookback;
    private final Map<String, List<String>> toLookUp = new HashMap<>();
    private final FlapCounter flaps;
    private Map<String, Severity> severities = new HashMap<>();
    private Consumer<List<Transition>> journal = t -> {};
    private Set<String> down = new HashSet<>();

    /** Where the incidents' transitions go (the journal). */
    public void journalTo(Consumer<List<Transition>> sink) {
        this.journal = sink;
    }

    /** Incidents flap after 4 changes within 15 minutes; starts are looked for 24 h back. */
    public AlertTracker() {
        this(new IncidentTracker(4, Duration.ofMinutes(15)), Duration.ofHours(24));
    }

    public AlertTracker(IncidentTracker incidents, Duration sinceLookback) {
        this.incidents = incidents;
        this.sinceLookback = sinceLookback;
        this.flaps = incidents.newCounter();
    }

    /** How far back an alert's start is looked for in Prometheus' history. */
    public Duration sinceLookback() {
        return sinceLookback;
    }

    /**
     * The alerts first seen since the last call, by check id: their start is only when the app saw
     * them until Prometheus' history says since when they really fail ({@link #started}).
     */
    public Map<String, List<String>> takeNewAlerts() {
        Map<String, List<String>> out = new HashMap<>(toLookUp);
        toLookUp.clear();
        return out;
    }

    /** What history says: {@code starts} of {@code check}'s alerts by entity (earlier wins). */
    public void started(String check, Map<String, Instant> starts) {
        starts.forEach(
                (entity, start) ->
                        since.computeIfPresent(
                                Alert.key(check, entity),
                                (k, seen) -> start.isBefore(seen) ? start : seen));
    }

    /**
     * The checks' alerts whose start is not after {@code bound}, by check id: those history gave
     * where it began, to be read again once it is found to begin earlier (a backfill, a store that
     * grew its past).
     */
    public Map<String, List<String>> startingBy(Instant bound) {
        Map<String, List<String>> out = new HashMap<>();
        last.forEach(
                (key, a) -> {
                    Instant start = since.get(key);
                    if (a.source() == Alert.Source.CHECK
                            && start != null
                            && !start.isAfter(bound)) {
                        out.computeIfAbsent(a.check(), k -> new ArrayList<>()).add(a.entity());
                    }
                });
        return out;
    }

    /** {@code s} with each alert's start filled in and its new alerts listed. */
    public HealthSnapshot track(HealthSnapshot s) {
        Map<String, Instant> next = new HashMap<>();
        List<Alert> tracked = new ArrayList<>(s.alerts().size());
        List<Alert> fresh = new ArrayList<>();
        for (Alert a : s.alerts()) {
            Instant first = since.get(a.key());
            if (first == null) {
                first = a.since() != null ? a.since() : s.takenAt();
                // a check's start is read from history; a site alert's comes with it, or is not
                // known
                if (a.source() == Alert.Source.CHECK) {
                    toLookUp.computeIfAbsent(a.check(), k -> new ArrayList<>()).add(a.entity());
                }
                if (seeded) {
                    fresh.add(a.since(first));
                }
            }
            next.put(a.key(), first);
            tracked.add(counted(a, s.takenAt()).since(first));
        }
        Map<String, Alert> nextLast = new HashMap<>();
        tracked.forEach(a -> nextLast.put(a.key(), a));
        // an alert gone because its check has no sample now did not clear: it is held, with its
        // start, and continues when samples return (a Prometheus restarted empty, a silent
        // exporter)
        Set<String> silent = new HashSet<>();
        s.alerts().stream().filter(Alert::noData).forEach(a -> silent.add(a.entity()));
        last.forEach(
                (key, a) -> {
                    if (!next.containsKey(key) && noSample(s, a)) {
                        next.put(key, since.get(key));
                        nextLast.put(key, a);
                        silent.add(a.entity());
                    }
                });
        since = next;
        last = nextLast;
        for (String gone : severities.keySet()) {
            if (!next.containsKey(gone)) {
                flaps.change(gone, s.takenAt());
            }
        }
        Map<String, Severity> now = new HashMap<>();
        tracked.forEach(a -> now.put(a.key(), a.severity()));
        nextLast.forEach((key, a) -> now.putIfAbsent(key, a.severity()));
        severities = now;
        flaps.prune(s.takenAt(), severities::containsKey);
        // alerts not taken before they cleared need no start any more (and must not pile up)
        toLookUp.forEach((check, l) -> l.removeIf(e -> !next.containsKey(Alert.key(check, e))));
        toLookUp.values().removeIf(List::isEmpty);
        boolean announce = seeded;
        if (s.version() > 0 && s.errors().isEmpty()) {
            seeded = true;
        }
        IncidentTracker.Tracked t =
                incidents.track(withStarts(s.incidents(), tracked), s.takenAt(), announce, silent);
        List<Transition> outages = outages(s);
        if (!outages.isEmpty()) {
            journal.accept(outages);
        }
        journal.accept(
                announce
                        ? t.transitions()
                        : t.transitions().stream()
                                .map(
                                        x ->
                                                x.kind() == Transition.Kind.NEW
                                                        ? new Transition(
                                                                Transition.Kind.ONGOING,
                                                                x.at(),
                                                                x.incident(),
                                                                null)
                                                        : x)
                                .toList());
        return s.withTracking(tracked, fresh).withIncidents(t.incidents(), t.announce());
    }

    /**
     * A Prometheus that stopped answering (every error of it about the server, not a check) and one
     * that answers again, for the journal: a shift's outages belong in its handover.
     */
    private List<Transition> outages(HealthSnapshot s) {
        Map<String, String> nowDown = new HashMap<>();
        for (CycleError e : s.errors()) {
            if (e.kind().aboutTheServer() && e.server() != null) {
                nowDown.putIfAbsent(e.server(), e.message());
            }
        }
        List<Transition> out = new ArrayList<>();
        nowDown.forEach(
                (server, why) -> {
                    if (!down.contains(server)) {
                        out.add(
                                Transition.event(
                                        Transition.Kind.OUTAGE,
                                        s.takenAt(),
                                        "prometheus:" + server,
                                        server,
                                        "",
                                        Severity.CRIT,
                                        null,
                                        why));
                    }
                });
        for (String server : down) {
            if (!nowDown.containsKey(server)) {
                out.add(
                        Transition.event(
                                Transition.Kind.RECOVERED,
                                s.takenAt(),
                                "prometheus:" + server,
                                server,
                                "",
                                Severity.OK,
                                null,
                                null));
            }
        }
        down = new HashSet<>(nowDown.keySet());
        return out;
    }

    /** Whether {@code a}'s check has no sample of its entity in {@code s} (not: it is fine). */
    private static boolean noSample(HealthSnapshot s, Alert a) {
        io.rackscope.desktop.health.CheckOutcome o = s.checks().get(a.check());
        return o != null
                && o.state(a.entity()).reason()
                        == io.rackscope.desktop.health.CheckState.Reason.NO_SAMPLE;
    }

    /** {@code a} with its changes in the flap window, this one included when it is one. */
    private Alert counted(Alert a, Instant at) {
        if (severities.get(a.key()) != a.severity()) {
            flaps.change(a.key(), at);
        }
        int count = flaps.recent(a.key(), at);
        return a.changed(count, flaps.flapping(count));
    }

    /** Each incident with the earliest start among its members' alerts. */
    private static List<Incident> withStarts(List<Incident> list, List<Alert> tracked) {
        Map<String, Instant> byEntity = new HashMap<>();
        for (Alert a : tracked) {
            byEntity.merge(a.entity(), a.since(), (x, y) -> x.isBefore(y) ? x : y);
        }
        List<Incident> out = new ArrayList<>(list.size());
        for (Incident i : list) {
            Instant earliest = i.since();
            for (String m : i.members()) {
                Instant st = byEntity.get(m);
                if (st != null && (earliest == null || st.isBefore(earliest))) {
                    earliest = st;
                }
            }
            out.add(i.tracked(i.id(), earliest, i.flapping(), i.transitions()));
        }
        return out;
    }
}
