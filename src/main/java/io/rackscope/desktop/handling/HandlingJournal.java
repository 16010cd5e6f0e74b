package io.rackscope.desktop.handling;

import io.rackscope.desktop.alerting.Transition;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What handling writes to the journal, live cycle after live cycle: incidents that became handled
 * (or unhandled), and maintenances that began or ended, with who and why.
 */
final class HandlingJournal {
    private Map<String, Silence> maintenancesBefore;
    private Map<String, Handled.Kind> handledBefore = Map.of();
    private Consumer<List<Transition>> sink = t -> {};

    void to(Consumer<List<Transition>> sink) {
        this.sink = sink;
    }

    /** Journals the incidents that became handled, and those still failing that are new again. */
    void incidents(HealthSnapshot s, Map<String, Handled> byIncident, Instant now) {
        List<Transition> out = new ArrayList<>();
        Map<String, Handled.Kind> next = new HashMap<>();
        for (Incident i : s.incidents()) {
            Handled h = byIncident.get(i.key());
            Handled.Kind before = handledBefore.get(i.key());
            if (h != null) {
                next.put(i.key(), h.kind());
                if (h.kind() != before) {
                    out.add(
                            new Transition(
                                    h.acknowledged()
                                            ? Transition.Kind.ACKNOWLEDGED
                                            : Transition.Kind.MAINTENANCE,
                                    now,
                                    i,
                                    null,
                                    h.by(),
                                    h.text()));
                }
            } else if (before != null) {
                out.add(new Transition(Transition.Kind.UNHANDLED, now, i, null));
            }
        }
        handledBefore = next;
        if (!out.isEmpty()) {
            sink.accept(out);
        }
    }

    /**
     * Journals the maintenances that began or ended since the last live cycle, with who and why
     * (the first live cycle only notes those already running: starting the app is no event).
     */
    void maintenances(List<Silence> active, Instant now) {
        Map<String, Silence> next = new LinkedHashMap<>();
        for (Silence x : active) {
            if (x.kind() == Silence.Kind.MAINTENANCE && !x.id().startsWith("pending-")) {
                next.put(x.id(), x);
            }
        }
        List<Transition> out = new ArrayList<>();
        if (maintenancesBefore != null) {
            next.forEach(
                    (id, x) -> {
                        if (!maintenancesBefore.containsKey(id)) {
                            out.add(maintenanceEvent(Transition.Kind.MAINTENANCE_STARTED, x, now));
                        }
                    });
            maintenancesBefore.forEach(
                    (id, x) -> {
                        if (!next.containsKey(id)) {
                            out.add(maintenanceEvent(Transition.Kind.MAINTENANCE_ENDED, x, now));
                        }
                    });
        }
        maintenancesBefore = next;
        if (!out.isEmpty()) {
            sink.accept(out);
        }
    }

    private static Transition maintenanceEvent(Transition.Kind kind, Silence x, Instant now) {
        String place = x.target() == null ? "maintenance:" + x.id() : x.target().text();
        String until = x.endsAt() == null ? "until ended" : "until " + x.endsAt();
        return Transition.event(
                kind,
                now,
                place,
                place,
                (x.effect() == Silence.Effect.HIDE ? "hide, " : "badge, ") + until,
                Severity.OK,
                x.by(),
                x.text());
    }
}
