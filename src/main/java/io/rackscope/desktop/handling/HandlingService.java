package io.rackscope.desktop.handling;

import io.rackscope.desktop.alerting.Transition;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.Handling;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Acknowledgements and maintenances over one store: read every cycle (the last good read is kept,
 * with its age, while the store cannot be read), applied to each live snapshot, and ended when they
 * no longer hold. An acknowledgement ends when its alert or incident clears, gets worse, or (an
 * incident) gains members, or when it expires. What is typed while the store is down is queued,
 * shown as handled ("pending") and sent when the store is back: nothing is lost.
 */
public final class HandlingService {
    private static final Logger LOG = Logger.getLogger(HandlingService.class.getName());
    static final java.time.Duration RESTORED_SHOWN_FOR = java.time.Duration.ofMinutes(10);

    /** A queued change, sent when the store answers again. */
    sealed interface Change permits Create, End {}

    record Create(Silence silence) implements Change {}

    record End(String id, Instant at) implements Change {}

    private final SilenceStore store;
    private final AlertLabels labels;
    private final Clock clock;
    private List<Silence> silences = List.of();
    private Instant readAt;
    private StoreException problem;
    private final List<Change> queue = new ArrayList<>();
    private Set<String> hiddenBefore = Set.of();
    private String dropped;
    private final HandlingJournal journal = new HandlingJournal();
    private final UnsentFile unsent;
    private List<Change> saved = List.of();
    private String unsentProblem;
    private String restored;
    private Instant restoredAt;

    public HandlingService(SilenceStore store, AlertLabels labels, Clock clock) {
        this(store, labels, clock, null);
    }

    /**
     * {@code unsent}: where what is typed while the store is down is kept until it is sent (null:
     * only in memory); what an earlier session left there is sent at the first {@link #refresh}.
     */
    public HandlingService(SilenceStore store, AlertLabels labels, Clock clock, UnsentFile unsent) {
        this.store = store;
        this.labels = labels;
        this.clock = clock;
        this.unsent = unsent;
        if (unsent != null) {
            queue.addAll(unsent.read());
            saved = List.copyOf(queue);
        }
    }

    /** How many acknowledgements, maintenances and their ends have not reached the store yet. */
    public synchronized int unsent() {
        return queue.size();
    }

    /**
     * What closing now would leave unsent, said for the operator (empty when nothing waits): how
     * many, to which store, and whether they are kept for the next start or lost.
     */
    public synchronized Optional<String> unsentWarning() {
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        String what =
                queue.size()
                        + (queue.size() == 1
                                ? " acknowledgement or maintenance change has"
                                : " acknowledgement or maintenance changes have")
                        + " not reached "
                        + store.describe()
                        + " yet. ";
        return Optional.of(
                unsent != null && unsentProblem == null
                        ? what
                                + "They are kept in "
                                + unsent.path()
                                + " and sent when the app next starts and "
                                + store.describe()
                                + " answers."
                        : what + "They cannot be kept on disk and are lost if the app closes now.");
    }

    private void persist() {
        if (unsent == null || queue.equals(saved)) {
            return;
        }
        try {
            unsent.write(queue);
            saved = List.copyOf(queue);
            unsentProblem = null;
        } catch (java.io.IOException e) {
            String why =
                    "what is not yet sent cannot be kept in "
                            + unsent.path()
                            + " ("
                            + e.getMessage()
                            + "): it is lost if the app is closed before the store answers";
            if (!why.equals(unsentProblem)) {
                LOG.log(Level.WARNING, why);
            }
            unsentProblem = why;
        }
    }

    /** Where incidents becoming handled (or new again) are written: the journal. */
    public void journalTo(Consumer<List<Transition>> sink) {
        journal.to(sink);
    }

    /** Where they are kept, and what the operator should know of it ("... cannot be written"). */
    public String source() {
        return store.describe() + limitation().map(l -> " (" + l + ")").orElse("");
    }

    /** What the operator should know of the store though it answers, or empty. */
    public Optional<String> limitation() {
        return store.limitation();
    }

    /**
     * Reads the store and sends what was queued; a failure keeps the last good read. True when what
     * is known changed (silences, the queue, or the problem), so that it is shown again.
     */
    public synchronized boolean refresh() {
        List<Silence> before = silences;
        String problemBefore = problem == null ? null : problem.getMessage();
        String shownBefore = problem().orElse(null);
        int queued = queue.size();
        try {
            flush();
            List<Silence> read = store.read();
            if (readAt != null && store.keepsEndedSilences() && restoreLost(before, read)) {
                flush();
                read = store.read();
            }
            silences = read;
            readAt = clock.instant();
            problem = null;
        } catch (StoreException e) {
            if (problemBefore == null || !problemBefore.equals(e.getMessage())) {
                LOG.log(Level.WARNING, e.getMessage());
            }
            problem = e;
        }
        persist();
        return !silences.equals(before)
                || queue.size() != queued
                || !java.util.Objects.equals(shownBefore, problem().orElse(null));
    }

    /**
     * Silences in force at the last read that are gone from this one, from a store that keeps what
     * ended: its data was lost (wiped, or another server answers at its address). They are queued
     * to be made again, and that is said. True when there were any.
     */
    private boolean restoreLost(List<Silence> before, List<Silence> read) {
        Instant now = clock.instant();
        Set<String> ids = new HashSet<>();
        read.forEach(x -> ids.add(x.id()));
        List<Silence> lost =
                before.stream()
                        .filter(x -> !x.id().startsWith("pending-") && !ids.contains(x.id()))
                        .filter(x -> x.status(now) != Silence.Status.EXPIRED)
                        .toList();
        if (lost.isEmpty()) {
            return false;
        }
        for (Silence x : lost) {
            queue.add(new Create(x.withId(pendingId())));
        }
        restored =
                store.describe()
                        + " lost "
                        + lost.size()
                        + (lost.size() == 1 ? " silence" : " silences")
                        + " in force (its data was wiped, or another server answers at its"
                        + " address); made again: "
                        + String.join(
                                ", ",
                                lost.stream()
                                        .map(
                                                x ->
                                                        (x.kind() == Silence.Kind.ACK
                                                                        ? "acknowledgement of "
                                                                        : "maintenance of ")
                                                                + x.scope()
                                                                + (x.by() == null
                                                                        ? ""
                                                                        : " by " + x.by()))
                                        .toList());
        restoredAt = now;
        LOG.log(Level.WARNING, restored);
        return true;
    }

    private void flush() throws StoreException {
        // what the store holds, read once for all the twins looked for below
        List<Silence> held = null;
        while (!queue.isEmpty()) {
            Change c = queue.get(0);
            if (c instanceof Create cr) {
                Silence s = cr.silence();
                if (s.endsAt() != null && !s.endsAt().isAfter(clock.instant())) {
                    // it can no longer be kept as asked: said, dropped, never blocking the others
                    notLongerKept(s, "it ended at " + s.endsAt() + " before the store answered");
                    queue.remove(0);
                    continue;
                }
                Silence made;
                try {
                    // a first try that timed out may have been taken: never make it twice
                    Instant now = clock.instant();
                    if (held == null) {
                        held = new ArrayList<>(store.read());
                    }
                    made =
                            held.stream()
                                    .filter(x -> sameRequest(x, s, now))
                                    .findFirst()
                                    .orElse(null);
                    if (made == null) {
                        made = store.create(s);
                        held.add(made);
                    }
                } catch (StoreException e) {
                    if (e.kind() != StoreException.Kind.REJECTED) {
                        throw e;
                    }
                    notLongerKept(s, e.getMessage());
                    queue.remove(0);
                    continue;
                }
                // an end queued for the placeholder now ends the real one
                String madeId = made.id();
                queue.replaceAll(
                        x ->
                                x instanceof End en && en.id().equals(s.id())
                                        ? new End(madeId, en.at())
                                        : x);
            } else if (c instanceof End en) {
                try {
                    store.end(en.id(), en.at());
                } catch (StoreException e) {
                    if (e.kind() != StoreException.Kind.REJECTED) {
                        throw e;
                    }
                }
            }
            queue.remove(0);
        }
    }

    /**
     * Whether {@code x} is the silence {@code asked} would make (the same kind, matchers, author
     * and text), still in force at {@code now}: a twin a timed-out first try left behind.
     */
    private static boolean sameRequest(Silence x, Silence asked, Instant now) {
        return x.kind() == asked.kind()
                && new HashSet<>(x.matchers()).equals(new HashSet<>(asked.matchers()))
                && java.util.Objects.equals(x.by(), asked.by())
                && java.util.Objects.equals(x.text(), asked.text())
                && x.status(now) != Silence.Status.EXPIRED;
    }

    /** The id shown for a silence queued until the store takes it. */
    private String pendingId() {
        return "pending-" + queue.size() + "-" + clock.millis();
    }

    /** Says that {@code s}, typed while the store was down, was not kept, and why. */
    private void notLongerKept(Silence s, String why) {
        String what =
                (s.kind() == Silence.Kind.ACK ? "the acknowledgement" : "the maintenance")
                        + (s.text() == null || s.text().isBlank() ? "" : " '" + s.text() + "'")
                        + " by "
                        + s.by()
                        + (s.target() == null ? "" : " on " + s.target().text());
        dropped = what + " was not kept: " + why;
        LOG.log(Level.WARNING, dropped);
    }

    /** Every silence known (the last good read), and those still queued. */
    public synchronized List<Silence> silences() {
        List<Silence> out = new ArrayList<>(silences);
        for (Change c : queue) {
            if (c instanceof Create cr) {
                out.add(cr.silence());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Why the store could not be read last time, and what else the operator must be told ({@link
     * #notices()}), or empty.
     */
    public synchronized Optional<String> problem() {
        return joined(problem == null ? null : problem.getMessage(), notices().orElse(null));
    }

    /**
     * What the operator must be told though the store answers: what typed meanwhile could not be
     * kept (an entry that expired before the store came back, or one it refused), silences the
     * store lost and the app made again (said for {@link #RESTORED_SHOWN_FOR}), and that what waits
     * to be sent cannot be kept on disk.
     */
    synchronized Optional<String> notices() {
        if (restoredAt != null && clock.instant().isAfter(restoredAt.plus(RESTORED_SHOWN_FOR))) {
            restored = null;
            restoredAt = null;
        }
        return joined(dropped, restored, unsentProblem);
    }

    /** Those of {@code parts} that are said, joined; empty when none is. */
    private static Optional<String> joined(String... parts) {
        String said =
                java.util.stream.Stream.of(parts)
                        .filter(java.util.Objects::nonNull)
                        .collect(java.util.stream.Collectors.joining("; "));
        return said.isEmpty() ? Optional.empty() : Optional.of(said);
    }

    public synchronized Instant readAt() {
        return readAt;
    }

    /**
     * Acknowledges {@code incident} (all its members' alerts) for {@code by} with {@code note},
     * until {@code until} (null: until it clears, worsens or gains members).
     */
    public Silence acknowledge(Incident incident, String by, String note, Instant until) {
        Target target = target(incident);
        return ack(
                List.of(target.matcher()),
                target,
                by,
                note,
                until,
                new Silence.Ack(incident.key(), incident.severity(), incident.members().size()));
    }

    /**
     * Acknowledges one alert: its check on its entity; an alert of the site's own rules by all its
     * labels, so that the silence silences it in Alertmanager too.
     */
    public Silence acknowledge(Alert alert, String by, String note, Instant until) {
        Target target = labels.targetOf(alert.entity());
        List<Matcher> matchers =
                alert.source() == Alert.Source.CHECK
                        ? List.of(Matcher.equal("rackscope_check", alert.check()), target.matcher())
                        : new java.util.TreeMap<>(alert.labels())
                                .entrySet().stream()
                                        .map(e -> Matcher.equal(e.getKey(), e.getValue()))
                                        .toList();
        return ack(
                matchers,
                target,
                by,
                note,
                until,
                new Silence.Ack(alert.check() + "/" + alert.entity(), alert.severity(), 1));
    }

    private Silence ack(
            List<Matcher> matchers,
            Target target,
            String by,
            String note,
            Instant until,
            Silence.Ack given) {
        Instant now = clock.instant();
        return keep(
                new Silence(
                        "",
                        Silence.Kind.ACK,
                        matchers,
                        target,
                        Silence.Effect.BADGE,
                        by,
                        note,
                        now,
                        now,
                        until,
                        null,
                        given));
    }

    /**
     * A maintenance on {@code target} from {@code start} (null: now) to {@code end} (null: open).
     */
    public Silence maintain(
            Target target,
            String reason,
            Silence.Effect effect,
            Instant start,
            Instant end,
            String by) {
        Instant now = clock.instant();
        return keep(
                new Silence(
                        "",
                        Silence.Kind.MAINTENANCE,
                        List.of(target.matcher()),
                        target,
                        effect,
                        by,
                        reason,
                        now,
                        start == null ? now : start,
                        end,
                        null,
                        null));
    }

    private synchronized Silence keep(Silence s) {
        try {
            flush();
            Silence made = store.create(s);
            silences = store.read();
            readAt = clock.instant();
            problem = null;
            dropped = null;
            return made;
        } catch (StoreException e) {
            problem = e;
            Silence pending = s.withId(pendingId());
            queue.add(new Create(pending));
            persist();
            return pending;
        }
    }

    /** Ends the silence {@code id} now (stop a maintenance, withdraw an acknowledgement). */
    public synchronized void end(String id) {
        Instant now = clock.instant();
        endHere(id, now);
        try {
            flush();
            store.end(id, now);
            // and any twin of it a timed-out first try left behind
            Silence ended =
                    silences.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (ended != null) {
                for (Silence twin : store.read()) {
                    if (!twin.id().equals(id)
                            && twin.status(now) == Silence.Status.ACTIVE
                            && sameRequest(twin, ended, now)) {
                        store.end(twin.id(), now);
                    }
                }
            }
            silences = store.read();
        } catch (StoreException e) {
            problem = e;
            if (!id.startsWith("pending-")) {
                queue.add(new End(id, now));
            }
        }
        persist();
    }

    /** Shows {@code id} ended from {@code now} on, and forgets it if it was never sent. */
    private void endHere(String id, Instant now) {
        silences = silences.stream().map(s -> s.id().equals(id) ? s.endedAt(now) : s).toList();
        queue.removeIf(c -> c instanceof Create cr && cr.silence().id().equals(id));
    }

    /**
     * Ends {@code id} where it is shown at once, and in the store at the next {@link #refresh}:
     * applying a snapshot never waits on the store (it runs on the health cycle's hand-off).
     */
    private synchronized void endLater(String id) {
        Instant now = clock.instant();
        endHere(id, now);
        if (!id.startsWith("pending-")) {
            queue.add(new End(id, now));
        }
        persist();
    }

    /** Holds the silence {@code id} again, or longer, until {@code until} (null: open-ended). */
    public synchronized Silence extend(String id, Instant until) throws StoreException {
        Silence s =
                silences.stream()
                        .filter(x -> x.id().equals(id))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new StoreException(
                                                StoreException.Kind.REJECTED,
                                                "no maintenance '" + id + "'"));
        Silence updated = store.update(s.reactivated(until));
        silences = store.read();
        return updated;
    }

    public synchronized void delete(String id) throws StoreException {
        store.delete(id);
        silences = store.read();
    }

    /** {@code s} with what handles it now; see {@link #apply(HealthSnapshot, Instant, boolean)}. */
    public HealthSnapshot apply(HealthSnapshot s, boolean live) {
        return apply(s, clock.instant(), live);
    }

    /**
     * {@code s} with what handles its alerts and incidents as of {@code moment}; the incidents to
     * announce lose the handled ones and gain those a maintenance hid until now that still fail.
     * With {@code live}, acknowledgements that no longer hold are ended (only when the cycle had no
     * errors); a past moment or a one-off command only shows.
     */
    public HealthSnapshot apply(HealthSnapshot s, Instant moment, boolean live) {
        Instant now = moment;
        List<Silence> active = new ArrayList<>();
        for (Silence x : silences()) {
            if (x.status(now) == Silence.Status.ACTIVE) {
                active.add(x);
            }
        }
        if (live && s.errors().isEmpty()) {
            for (Silence x : List.copyOf(active)) {
                if (x.kind() == Silence.Kind.ACK && !holds(x, s)) {
                    active.remove(x);
                    endLater(x.id());
                }
            }
        }
        Map<String, Handled> byAlert = new HashMap<>();
        Map<String, Handled> byIncident = new HashMap<>();
        for (Alert a : active.isEmpty() ? List.<Alert>of() : s.alerts()) {
            Map<String, String> l = labels.of(a);
            Silence best = null;
            for (Silence x : active) {
                if (x.covers(l) && rank(x) > rank(best)) {
                    best = x;
                }
            }
            if (best != null) {
                byAlert.put(a.key(), handled(best));
            }
        }
        // each cycle, under the feed's hand-off: one pass over the alerts, none when nothing holds
        Map<String, List<Alert>> byEntity = new HashMap<>();
        if (!active.isEmpty()) {
            s.alerts()
                    .forEach(
                            a ->
                                    byEntity.computeIfAbsent(a.entity(), k -> new ArrayList<>())
                                            .add(a));
        }
        Set<String> hidden = new HashSet<>();
        List<Incident> announce = new ArrayList<>();
        for (Incident i : s.incidents()) {
            Handled h = active.isEmpty() ? null : incidentHandled(i, byEntity, byAlert, active);
            if (h != null) {
                byIncident.put(i.key(), h);
                if (h.hidden()) {
                    hidden.add(i.key());
                }
            } else if (live && hiddenBefore.contains(i.key())) {
                announce.add(i);
            }
        }
        for (Incident i : s.announced()) {
            if (!byIncident.containsKey(i.key()) && !announce.contains(i)) {
                announce.add(i);
            }
        }
        List<Incident> shown = withoutHidden(s.incidents(), byEntity, byAlert, hidden);
        if (live) {
            hiddenBefore = hidden;
            journal.incidents(s, byIncident, now);
            journal.maintenances(active, now);
        }
        String why;
        String notice;
        Instant read;
        synchronized (this) {
            why = problem == null ? null : problem.getMessage();
            notice = notices().orElse(null);
            read = readAt;
        }
        if (shown != s.incidents()) {
            Map<String, Incident> byKey = new HashMap<>();
            shown.forEach(i -> byKey.put(i.key(), i));
            announce.replaceAll(i -> byKey.getOrDefault(i.key(), i));
            s = s.withIncidents(shown, s.announced());
        }
        return s.withHandling(
                new Handling(byAlert, byIncident, source(), read, why, notice), announce);
    }

    /**
     * {@code incidents} with the members a maintenance hides left out (an incident hidden whole
     * stays as it is, hidden by its key): one count of its nodes everywhere it is shown.
     */
    private List<Incident> withoutHidden(
            List<Incident> incidents,
            Map<String, List<Alert>> byEntity,
            Map<String, Handled> byAlert,
            Set<String> hiddenIncidents) {
        if (byAlert.values().stream().noneMatch(Handled::hidden)) {
            return incidents;
        }
        List<Incident> out = new ArrayList<>(incidents.size());
        for (Incident i : incidents) {
            if (hiddenIncidents.contains(i.key())) {
                out.add(i);
                continue;
            }
            List<Alert> hidden = new ArrayList<>();
            Set<String> hiddenMembers = new HashSet<>();
            int hiddenNodes = 0;
            for (String m : i.members()) {
                List<Alert> of = byEntity.getOrDefault(m, List.of());
                List<Alert> gone =
                        of.stream()
                                .filter(
                                        a ->
                                                byAlert.containsKey(a.key())
                                                        && byAlert.get(a.key()).hidden())
                                .toList();
                hidden.addAll(gone);
                if (!of.isEmpty() && gone.size() == of.size()) {
                    hiddenMembers.add(m);
                    if (labels.isNode(m)) {
                        hiddenNodes++;
                    }
                }
            }
            out.add(hidden.isEmpty() ? i : i.without(hidden, hiddenMembers, hiddenNodes));
        }
        return List.copyOf(out);
    }

    /** An incident is handled when acknowledged as a whole, or when all its alerts are. */
    private static Handled incidentHandled(
            Incident i,
            Map<String, List<Alert>> byEntity,
            Map<String, Handled> byAlert,
            List<Silence> active) {
        for (Silence x : active) {
            if (x.kind() == Silence.Kind.ACK
                    && x.ack() != null
                    && x.ack().subject().equals(i.key())) {
                return handled(x);
            }
        }
        Handled common = null;
        for (String member : i.members()) {
            for (Alert a : byEntity.getOrDefault(member, List.of())) {
                Handled h = byAlert.get(a.key());
                if (h == null) {
                    return null;
                }
                if (common == null || rank(h) > rank(common)) {
                    common = h;
                }
            }
        }
        return common;
    }

    private static int rank(Silence x) {
        if (x == null) {
            return 0;
        }
        if (x.kind() == Silence.Kind.ACK) {
            return 1;
        }
        return x.effect() == Silence.Effect.HIDE ? 3 : 2;
    }

    private static int rank(Handled h) {
        return h.acknowledged() ? 1 : h.hidden() ? 3 : 2;
    }

    private static Handled handled(Silence x) {
        return new Handled(
                x.kind() == Silence.Kind.ACK ? Handled.Kind.ACKNOWLEDGED : Handled.Kind.MAINTENANCE,
                x.id(),
                x.by(),
                x.text(),
                x.kind() == Silence.Kind.ACK ? x.createdAt() : x.startsAt(),
                x.endsAt(),
                x.kind() == Silence.Kind.MAINTENANCE && x.effect() == Silence.Effect.HIDE,
                x.id().startsWith("pending-"));
    }

    /** Whether an acknowledgement still holds: what it was given for is there and no worse. */
    static boolean holds(Silence ack, HealthSnapshot s) {
        Silence.Ack given = ack.ack();
        if (given == null || given.subject().isEmpty()) {
            return true;
        }
        for (Incident i : s.incidents()) {
            if (i.key().equals(given.subject())) {
                return i.severity().compareTo(given.severity()) <= 0
                        && i.members().size() <= given.members();
            }
        }
        for (Alert a : s.alerts()) {
            if ((a.check() + "/" + a.entity()).equals(given.subject())) {
                return a.severity().compareTo(given.severity()) <= 0;
            }
        }
        return false;
    }

    /** Where a maintenance or acknowledgement of {@code i} is aimed. */
    public Target target(Incident i) {
        String place = i.place();
        return switch (i.level()) {
            case ROOM -> new Target(Target.Type.ROOM, place.substring(place.indexOf('/') + 1));
            case AISLE ->
                    new Target(Target.Type.AISLE, place.substring(place.lastIndexOf('/') + 1));
            case RACK -> new Target(Target.Type.RACK, place);
            case CHASSIS -> new Target(Target.Type.DEVICE, place);
            case NODE -> labels.targetOf(place);
        };
    }
}
