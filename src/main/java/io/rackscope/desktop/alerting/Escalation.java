package io.rackscope.desktop.alerting;

import io.rackscope.desktop.checks.Severity;
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
 * No CRIT left unanswered: a CRIT incident nobody has acknowledged (or put under maintenance) for
 * {@code after} is announced again (toast, sound, the wall's jump), and after twice that it is
 * marked unanswered on every desk. Its age counts from its start as the snapshot knows it (the true
 * "since", the same on every desk), else from when this desk first saw it. What is already overdue
 * when the desk starts is marked, not announced again at once. Each moment ({@code new}, {@code
 * escalated}, {@code unanswered}) is also told to {@code moments} (the webhooks).
 */
public final class Escalation {
    /** A moment of an incident worth telling outside: its kind, the incident, when. */
    public record Moment(String kind, Incident incident, Instant at) {}

    private final Duration after;
    private final Consumer<Moment> moments;

    /** How far each unanswered CRIT has gone: 1 reminded, 2 marked unanswered. */
    private final Map<String, Integer> stage = new HashMap<>();

    private final Map<String, Instant> firstSeen = new HashMap<>();
    private boolean seeded;

    /** {@code after} null: no reminder, no mark; the moments of new incidents are still told. */
    public Escalation(Duration after, Consumer<Moment> moments) {
        this.after = after;
        this.moments = moments;
    }

    /**
     * {@code s} with its overdue CRITs announced again and marked; {@code live}: a new cycle (a
     * snapshot handled again after an acknowledgement announces nothing and tells nobody).
     */
    public synchronized HealthSnapshot apply(HealthSnapshot s, boolean live) {
        Instant now = s.takenAt();
        List<Incident> remind = new ArrayList<>();
        Set<String> unanswered = new HashSet<>();
        Set<String> present = new HashSet<>();
        if (live) {
            s.announced().forEach(i -> moments.accept(new Moment("new", i, now)));
        }
        for (Incident i : s.incidents()) {
            present.add(i.key());
            Instant seen = firstSeen.computeIfAbsent(i.key(), k -> now);
            if (after == null
                    || i.severity() != Severity.CRIT
                    || s.handling().incident(i) != null) {
                stage.remove(i.key());
                continue;
            }
            Instant since = i.since() != null && i.since().isBefore(seen) ? i.since() : seen;
            Duration age = Duration.between(since, now);
            int reached =
                    age.compareTo(after.multipliedBy(2)) >= 0
                            ? 2
                            : age.compareTo(after) >= 0 ? 1 : 0;
            int was = stage.getOrDefault(i.key(), 0);
            if (reached == 2) {
                unanswered.add(i.key());
            }
            if (reached > was) {
                stage.put(i.key(), reached);
                if (live && seeded) {
                    remind.add(i);
                    moments.accept(new Moment(reached == 2 ? "unanswered" : "escalated", i, now));
                }
            }
        }
        stage.keySet().retainAll(present);
        firstSeen.keySet().retainAll(present);
        if (live) {
            seeded = true;
        }
        if (remind.isEmpty() && unanswered.isEmpty()) {
            return s;
        }
        List<Incident> announce = new ArrayList<>(s.announced());
        remind.stream().filter(i -> !announce.contains(i)).forEach(announce::add);
        return s.withHandling(s.handling().withUnanswered(unanswered), announce);
    }
}
