package io.rackscope.desktop.ui.maintenance;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.checks.Moments;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.live.AlertHandling;
import io.rackscope.desktop.topology.Topology;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The maintenances (and acknowledgements) kept in the store, by status: active, scheduled or
 * expired; stop, extend, reactivate and delete; a new one for a place typed as {@code rack:ID}.
 * Read again whenever the window's snapshot changes (the store is read every cycle).
 */
public final class MaintenanceViewModel {
    /** One row: the silence and its status now. */
    public record Row(Silence silence, Silence.Status status) {}

    private final AlertHandling handling;
    private final Topology topology;
    private final Clock clock;
    private final Executor fx;
    private final StringProperty operator;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObjectProperty<Silence.Status> shown =
            new SimpleObjectProperty<>(this, "shown", Silence.Status.ACTIVE);
    private final ReadOnlyObjectWrapper<List<Row>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private String storeProblem;
    private final DateTimeFormatter format;

    public MaintenanceViewModel(
            AlertHandling handling,
            Topology topology,
            HealthSource health,
            StringProperty operator,
            Clock clock,
            Executor fx) {
        this.handling = handling;
        this.topology = topology;
        this.operator = operator;
        this.clock = clock;
        this.fx = fx;
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        shown.addListener(o -> reload());
        subscriptions.onChange(health.snapshotProperty(), (o, a, s) -> reload());
        reload();
    }

    public boolean enabled() {
        return handling.enabled();
    }

    /** "Alertmanager http://..." or "maintenances.yaml in ...". */
    public String source() {
        return handling.source();
    }

    public ObjectProperty<Silence.Status> shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<List<Row>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** "2 active · 1 scheduled · 5 expired". */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void reload() {
        Instant now = clock.instant();
        List<Row> all = handling.silences().stream().map(s -> new Row(s, s.status(now))).toList();
        rows.set(
                all.stream()
                        .filter(r -> r.status() == shown.get())
                        .sorted(
                                Comparator.comparing(
                                        (Row r) -> r.silence().startsAt(),
                                        Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList());
        long active = all.stream().filter(r -> r.status() == Silence.Status.ACTIVE).count();
        long scheduled = all.stream().filter(r -> r.status() == Silence.Status.SCHEDULED).count();
        long expired = all.size() - active - scheduled;
        counts.set(active + " active · " + scheduled + " scheduled · " + expired + " expired");
        // the store's problem is said while it lasts and cleared when it recovers; a change that
        // failed stays said until the next change
        Optional<String> p = handling.problem();
        if (p.isPresent()) {
            problem.set(p.get());
        } else if (problem.get().equals(storeProblem)) {
            problem.set("");
        }
        storeProblem = p.orElse(null);
    }

    /**
     * When a new maintenance starts, as typed: empty or {@code now}, {@code +2h} (from now), or a
     * date and time ({@code 2026-12-03 06:00}, RFC 3339). Empty when it cannot be read or lies in
     * the past.
     */
    public Optional<Duration> startIn(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equals("now")) {
            return Optional.of(Duration.ZERO);
        }
        if (t.startsWith("+")) {
            return Durations.parse(t.substring(1));
        }
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Moments.parse(t, now, clock.getZone())
                .filter(at -> !at.isBefore(now.minusSeconds(60)))
                .map(at -> at.isBefore(now) ? Duration.ZERO : Duration.between(now, at));
    }

    /**
     * A new maintenance: {@code target} as {@code rack:ID}, from {@code startIn} from now (null:
     * now) for {@code length} (null: until ended). Returns what is wrong with the input, or empty.
     */
    public Optional<String> add(
            String target,
            String reason,
            Silence.Effect effect,
            Duration startIn,
            Duration length) {
        Optional<Target> t = Target.parse(target);
        if (t.isEmpty()) {
            return Optional.of(
                    "Write the place as site:ID, room:ID, aisle:ID, rack:ID, device:ID or node:ID");
        }
        if (!t.get().existsIn(topology)) {
            return Optional.of("There is no " + t.get().type().key() + " '" + t.get().id() + "'");
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of("Say why (the reason is shown with every covered alert)");
        }
        Instant start = startIn == null || startIn.isZero() ? null : clock.instant().plus(startIn);
        Instant from = start == null ? clock.instant() : start;
        report(
                handling.maintain(
                        t.get(),
                        reason.trim(),
                        effect,
                        start,
                        length == null ? null : from.plus(length),
                        operator.get()));
        return Optional.empty();
    }

    public void stop(Row r) {
        report(handling.end(r.silence().id()));
    }

    /** Holds an active one longer, or an expired one again, for {@code length} from now. */
    public void extend(Row r, Duration length) {
        Instant base =
                r.status() == Silence.Status.ACTIVE && r.silence().endsAt() != null
                        ? r.silence().endsAt()
                        : clock.instant();
        report(handling.extend(r.silence().id(), length == null ? null : base.plus(length)));
    }

    public void delete(Row r) {
        report(handling.delete(r.silence().id()));
    }

    private void report(CompletableFuture<?> change) {
        change.whenComplete(
                (x, e) ->
                        fx.execute(
                                () -> {
                                    problem.set(
                                            e == null
                                                    ? ""
                                                    : "Could not change it: "
                                                            + (e.getCause() != null
                                                                    ? e.getCause().getMessage()
                                                                    : e.getMessage()));
                                    reload();
                                }));
    }

    public String when(Instant t) {
        return t == null ? "" : format.format(t);
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
