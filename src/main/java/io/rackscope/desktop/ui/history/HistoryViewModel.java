package io.rackscope.desktop.ui.history;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.checks.Moments;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.JournalHistory;
import io.rackscope.desktop.ui.TimeTravel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The incident journal over a time window (last hour, an 8 h shift, 24 h, or from-to typed by
 * hand), narrowed by severity and place, read off the FX thread; a row opens the estate as it was
 * at that moment (through the time control), and the rows shown can be saved as CSV.
 */
public final class HistoryViewModel {
    public enum Window {
        HOUR("Last hour", Duration.ofHours(1)),
        SHIFT("8 h shift", Duration.ofHours(8)),
        DAY("24 h", Duration.ofHours(24)),
        CUSTOM("Custom", null);

        private final String label;
        private final Duration span;

        Window(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        public String label() {
            return label;
        }
    }

    private final JournalHistory journal;
    private final TimeTravel time;
    private final Clock clock;
    private final ZoneId zone;
    private final Executor fx;
    private final ObjectProperty<Window> window =
            new SimpleObjectProperty<>(this, "window", Window.SHIFT);
    private final StringProperty customFrom = new SimpleStringProperty(this, "customFrom", "-2h");
    private final StringProperty customTo = new SimpleStringProperty(this, "customTo", "now");
    private final ObjectProperty<Severity> minimum =
            new SimpleObjectProperty<>(this, "minimum", Severity.OK);
    private final StringProperty place = new SimpleStringProperty(this, "place", "");
    private final ReadOnlyObjectWrapper<List<Journal.Entry>> entries =
            new ReadOnlyObjectWrapper<>(this, "entries", List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private Journal.Read read = new Journal.Read(List.of(), 0);
    private Instant from;
    private Instant to;
    private long asked;

    public HistoryViewModel(
            JournalHistory journal, TimeTravel time, Clock clock, ZoneId zone, Executor fx) {
        this.journal = journal;
        this.time = time;
        this.clock = clock;
        this.zone = zone;
        this.fx = fx;
        window.addListener(o -> refresh());
        minimum.addListener(o -> show());
        place.addListener(o -> show());
    }

    public ObjectProperty<Window> windowProperty() {
        return window;
    }

    /** The custom window's start: RFC 3339, a local date and time, or {@code -2h}. */
    public StringProperty customFromProperty() {
        return customFrom;
    }

    public StringProperty customToProperty() {
        return customTo;
    }

    /** The least severity an entry must have to be listed; OK lists every entry. */
    public ObjectProperty<Severity> minimumProperty() {
        return minimum;
    }

    /** Text the entry's place, name or path must contain (any case). */
    public StringProperty placeProperty() {
        return place;
    }

    /** The entries of the window that pass the filters, newest first. */
    public ReadOnlyObjectProperty<List<Journal.Entry>> entriesProperty() {
        return entries.getReadOnlyProperty();
    }

    /** "42 of 118 changes · 01:00 to 09:00 · 2 damaged lines skipped". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What went wrong (a window that cannot be read, a moment beyond reach); empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Reads the window again (the journal grows while the app runs). */
    public void refresh() {
        Instant now = clock.instant();
        Optional<Instant[]> span = span(now);
        if (span.isEmpty()) {
            return;
        }
        from = span.get()[0];
        to = span.get()[1];
        long mine = ++asked;
        reading.set(true);
        journal.read(from, to)
                .whenComplete(
                        (r, e) ->
                                fx.execute(
                                        () -> {
                                            if (mine != asked) {
                                                return;
                                            }
                                            reading.set(false);
                                            if (e != null) {
                                                problem.set(
                                                        "The journal could not be read: "
                                                                + rootMessage(e));
                                                return;
                                            }
                                            problem.set("");
                                            read = r;
                                            show();
                                        }));
    }

    private Optional<Instant[]> span(Instant now) {
        Window w = window.get();
        if (w != Window.CUSTOM) {
            problem.set("");
            return Optional.of(new Instant[] {now.minus(w.span), now});
        }
        Optional<Instant> a = Moments.parse(customFrom.get(), now, zone);
        Optional<Instant> b = Moments.parse(customTo.get(), now, zone);
        if (a.isEmpty() || b.isEmpty()) {
            problem.set(
                    "Write the window as a date and time (2026-12-01 02:00), RFC 3339, or a"
                            + " time before now (-2h); 'now' for the end.");
            return Optional.empty();
        }
        if (!a.get().isBefore(b.get())) {
            problem.set("The window's start must come before its end.");
            return Optional.empty();
        }
        problem.set("");
        return Optional.of(new Instant[] {a.get(), b.get()});
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private void show() {
        String q = place.get() == null ? "" : place.get().trim().toLowerCase(Locale.ROOT);
        Severity floor = minimum.get() == null ? Severity.OK : minimum.get();
        List<Journal.Entry> folded = Journal.foldFlapping(read.entries());
        List<Journal.Entry> shown =
                folded.stream()
                        // a shift's maintenances and outages pass any severity
                        .filter(
                                e ->
                                        floor == Severity.OK
                                                || e.event()
                                                || worst(e).compareTo(floor) >= 0)
                        .filter(
                                e ->
                                        q.isEmpty()
                                                || (e.place() + " " + e.name() + " " + e.path())
                                                        .toLowerCase(Locale.ROOT)
                                                        .contains(q))
                        .sorted((a, b) -> b.at().compareTo(a.at()))
                        .toList();
        entries.set(shown);
        if (from == null) {
            summary.set("");
            return;
        }
        String text =
                (shown.size() == folded.size()
                                ? shown.size() + (shown.size() == 1 ? " change" : " changes")
                                : shown.size() + " of " + folded.size() + " changes")
                        + " · "
                        + Formats.moment(from, zone)
                        + " to "
                        + Formats.moment(to, zone)
                        + " ("
                        + Durations.format(Duration.between(from, to).withNanos(0))
                        + ")";
        if (read.problem() != null) {
            text += " · " + read.problem();
        }
        if (read.damaged() > 0) {
            text +=
                    " · "
                            + read.damaged()
                            + (read.damaged() == 1 ? " damaged line" : " damaged lines")
                            + " skipped";
        }
        summary.set(text);
    }

    /** The entry's severity, or the one it came from when that was worse (a change to better). */
    private static Severity worst(Journal.Entry e) {
        Severity now = e.severity();
        Severity before = e.previous() == null ? now : e.previous();
        return now.compareTo(before) >= 0 ? now : before;
    }

    /**
     * Shows the estate as it was just after the entry's change, when the time control reaches it.
     */
    public void open(Journal.Entry e) {
        if (!time.canLookBack()) {
            problem.set("Looking back is off for this window.");
            return;
        }
        Instant earliest = clock.instant().minus(time.span());
        if (e.at().isBefore(earliest)) {
            problem.set(
                    "That change is older than the time control reaches ("
                            + Durations.format(time.span())
                            + ", history.max_hours).");
            return;
        }
        problem.set("");
        // the first moment on the grid at or after the change, where the change is visible
        long step = Math.max(1, time.step().toSeconds());
        long at = e.at().getEpochSecond() + (e.at().getNano() > 0 ? 1 : 0);
        Instant shown = Instant.ofEpochSecond(Math.floorDiv(at + step - 1, step) * step);
        Instant now = clock.instant();
        time.lookAt(shown.isAfter(now) ? now : shown);
    }

    /** Something the page could not do (saving the CSV), said plainly. */
    public void report(String text) {
        problem.set(text);
    }

    /** The moment of an entry as the table shows it. */
    public String moment(Journal.Entry e) {
        return Formats.moment(e.at(), zone);
    }

    /** {@code rows} as CSV with a header, the same columns as {@code history --csv}. */
    public static String csv(List<Journal.Entry> rows) {
        StringBuilder b = new StringBuilder(Journal.Entry.CSV_HEADER).append('\n');
        rows.forEach(e -> b.append(e.csv()).append('\n'));
        return b.toString();
    }
}
