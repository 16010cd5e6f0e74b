package io.rackscope.desktop.handover;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.alerting.Transition;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.handling.Silence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shift as the next one needs it, from the incident journal and the handling store alone (no
 * Prometheus): what still fails and nobody has taken, what is acknowledged (by whom, why), what
 * resolved, what flapped, when a Prometheus was out, the maintenances and acknowledgements that end
 * soon, and the worst incidents with the moment each was at its worst.
 */
public record ShiftReport(
        Instant from,
        Instant to,
        List<Story> unhandled,
        List<Story> acknowledged,
        List<Story> resolved,
        List<Journal.Entry> flapping,
        List<Outage> outages,
        List<Silence> expiring,
        List<Story> top,
        int damagedLines) {

    /**
     * One incident over the shift: its last entry (its state now), its worst severity and when,
     * when it began (in the shift, or before: {@code sinceBefore}) and, when handled, by whom and
     * why.
     */
    public record Story(
            String id,
            Journal.Entry last,
            Severity worst,
            Instant worstAt,
            Instant firstSeen,
            Instant clearedAt,
            String by,
            String note,
            Instant handledAt) {

        public String path() {
            return last.path();
        }

        public String name() {
            return last.name();
        }

        public Duration lasted(Instant end) {
            return Duration.between(firstSeen, clearedAt != null ? clearedAt : end);
        }
    }

    /** A Prometheus out of reach: which, from when, until when (null: still out), and why. */
    public record Outage(String server, Instant from, Instant to, String why) {}

    /** How many of the worst incidents get a picture of their rack. */
    public static final int TOP = 5;

    /**
     * The shift {@code from}..{@code to} of {@code read} (the journal), with the silences of the
     * store ending within {@code ahead} of {@code to}.
     */
    public static ShiftReport of(
            Journal.Read read, List<Silence> silences, Instant from, Instant to, Duration ahead) {
        Map<String, List<Journal.Entry>> byIncident = new LinkedHashMap<>();
        List<Outage> outages = new ArrayList<>();
        Map<String, Journal.Entry> out = new LinkedHashMap<>();
        for (Journal.Entry e : read.entries()) {
            if (e.kind() == Transition.Kind.OUTAGE) {
                out.putIfAbsent(e.name(), e);
            } else if (e.kind() == Transition.Kind.RECOVERED) {
                Journal.Entry began = out.remove(e.name());
                outages.add(
                        new Outage(
                                e.name(),
                                began == null ? from : began.at(),
                                e.at(),
                                began == null ? null : began.note()));
            } else if (!e.event()) {
                byIncident.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
            }
        }
        out.forEach((server, e) -> outages.add(new Outage(server, e.at(), null, e.note())));
        outages.sort(Comparator.comparing(Outage::from));
        List<Story> unhandled = new ArrayList<>();
        List<Story> acked = new ArrayList<>();
        List<Story> resolved = new ArrayList<>();
        List<Story> all = new ArrayList<>();
        byIncident.forEach(
                (id, entries) -> {
                    Story s = story(id, entries);
                    all.add(s);
                    Transition.Kind now = s.last().kind();
                    if (now == Transition.Kind.CLEARED) {
                        resolved.add(s);
                    } else if (s.by() != null) {
                        acked.add(s);
                    } else {
                        unhandled.add(s);
                    }
                });
        Comparator<Story> worstFirst =
                Comparator.comparing(Story::worst, Comparator.reverseOrder())
                        .thenComparing(Story::firstSeen);
        unhandled.sort(worstFirst);
        acked.sort(worstFirst);
        resolved.sort(Comparator.comparing(Story::clearedAt));
        List<Story> top =
                all.stream()
                        .sorted(
                                Comparator.comparing(Story::worst, Comparator.reverseOrder())
                                        .thenComparing(
                                                (Story s) -> s.lasted(to),
                                                Comparator.reverseOrder()))
                        .limit(TOP)
                        .toList();
        List<Journal.Entry> flapping =
                Journal.foldFlapping(read.entries()).stream()
                        .filter(e -> e.kind() == Transition.Kind.FLAPPING)
                        .toList();
        List<Silence> expiring =
                silences.stream()
                        .filter(x -> x.endedAt() == null && x.endsAt() != null)
                        .filter(
                                x ->
                                        !x.endsAt().isBefore(to)
                                                && x.endsAt().isBefore(to.plus(ahead)))
                        .sorted(Comparator.comparing(Silence::endsAt))
                        .toList();
        return new ShiftReport(
                from,
                to,
                unhandled,
                acked,
                resolved,
                flapping,
                outages,
                expiring,
                top,
                read.damaged());
    }

    private static Story story(String id, List<Journal.Entry> entries) {
        Journal.Entry last = entries.get(entries.size() - 1);
        Journal.Entry worst = entries.get(0);
        String by = null;
        String note = null;
        Instant handledAt = null;
        Instant cleared = null;
        for (Journal.Entry e : entries) {
            if (e.severity().worseThan(worst.severity())) {
                worst = e;
            }
            switch (e.kind()) {
                case ACKNOWLEDGED, MAINTENANCE -> {
                    by = e.by() == null ? "maintenance" : e.by();
                    note = e.note();
                    handledAt = e.at();
                }
                case UNHANDLED, NEW -> {
                    by = null;
                    note = null;
                    handledAt = null;
                }
                case CLEARED -> cleared = e.at();
                default -> {
                    // ONGOING, WORSE, BETTER, FLAPPING change no one's hand on it
                }
            }
        }
        return new Story(
                id,
                last,
                worst.severity(),
                worst.at(),
                entries.get(0).at(),
                last.kind() == Transition.Kind.CLEARED ? cleared : null,
                by,
                note,
                handledAt);
    }
}
