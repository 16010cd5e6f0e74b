package io.rackscope.desktop.ui.trial;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.telemetry.CheckTrial;
import io.rackscope.desktop.telemetry.CheckTrials;
import io.rackscope.desktop.ui.CheckPreview;
import io.rackscope.desktop.ui.CheckTrialSource;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.ViewOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Try a check" dialog: YAML pasted or opened, tried against the estate at the moment the views
 * show (now, or the past moment chosen), the targets listed worst first with value, rule and state,
 * the totals and the cost; the result can be painted over the floor as a preview, which leaves the
 * live states alone.
 */
public final class CheckTrialViewModel {
    private final CheckTrialSource trials;
    private final HealthSource health;
    private final ViewOptions options;
    private final Clock clock;
    private final Executor fx;
    private final StringProperty yaml = new SimpleStringProperty(this, "yaml", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyObjectWrapper<List<TrialRow>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyBooleanWrapper previewable =
            new ReadOnlyBooleanWrapper(this, "previewable");
    private Path file;
    private String fileText;
    private CheckTrial.Result last;

    public CheckTrialViewModel(
            CheckTrialSource trials,
            HealthSource health,
            ViewOptions options,
            Clock clock,
            Executor fx) {
        this.trials = trials;
        this.health = health;
        this.options = options;
        this.clock = clock;
        this.fx = fx;
    }

    /** The YAML being tried (editable). */
    public StringProperty yamlProperty() {
        return yaml;
    }

    /** Loads {@code f} to be tried; its own name and lines are then used in problems. */
    public void open(Path f) {
        try {
            fileText = Files.readString(f, StandardCharsets.UTF_8);
            file = f;
            yaml.set(fileText);
            problems.set("");
        } catch (IOException e) {
            problems.set("error: cannot read " + f + ": " + e.getMessage());
        }
    }

    /** Tries the YAML at the moment the views show. */
    public void run() {
        if (running.get()) {
            return;
        }
        Instant at = health.viewing() != null ? health.viewing() : clock.instant();
        // an opened file tried as it is on disk keeps its name; edited text is "pasted"
        CompletableFuture<CheckTrials.Trial> trial =
                file != null && yaml.get().equals(fileText)
                        ? trials.tryFile(file, at)
                        : trials.tryText(yaml.get(), at);
        running.set(true);
        summary.set("Trying at " + Formats.moment(at, clock.getZone()) + "…");
        trial.whenComplete((t, err) -> fx.execute(() -> show(t, err)));
    }

    private void show(CheckTrials.Trial t, Throwable err) {
        running.set(false);
        if (err != null) {
            Throwable cause = err.getCause() != null ? err.getCause() : err;
            problems.set("error: the trial failed: " + cause.getMessage());
            summary.set("");
            return;
        }
        problems.set(String.join("\n", t.problems()));
        last = t.result();
        previewable.set(last != null && !last.rows().isEmpty());
        if (last == null) {
            rows.set(List.of());
            summary.set("Nothing was tried.");
            clearPreview();
            return;
        }
        rows.set(
                last.rows().stream()
                        .sorted(
                                Comparator.comparing(
                                                CheckTrial.Row::state, Comparator.reverseOrder())
                                        .thenComparing(CheckTrial.Row::entity))
                        .map(
                                r ->
                                        new TrialRow(
                                                r.state(),
                                                r.entity(),
                                                r.path(),
                                                r.value() == null
                                                        ? "no sample"
                                                        : Formats.value(r.value()),
                                                r.rule()))
                        .toList());
        summary.set(summary(last));
    }

    private String summary(CheckTrial.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(r.check().name())
                .append(" at ")
                .append(Formats.moment(r.at(), clock.getZone()))
                .append(" on ")
                .append(r.rows().size())
                .append(" targets");
        if (!r.listed()) {
            b.append(" (no template lists it: every ")
                    .append(r.check().scope().name().toLowerCase(Locale.ROOT))
                    .append(")");
        }
        b.append(": ");
        for (Severity s : List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN, Severity.OK)) {
            b.append(r.totals().getOrDefault(s, 0)).append(' ').append(s).append("  ");
        }
        b.append("· ").append(r.queriesSent()).append(" queries");
        b.append(
                Double.isNaN(r.engineSeconds())
                        ? ""
                        : String.format(Locale.ROOT, " · engine %.3f s", r.engineSeconds()));
        return b.toString();
    }

    /**
     * Paints the last result over the floor (until cleared). A check no template lists was tried on
     * every entity of its scope: those without a series are left out (not covered), not UNKNOWN.
     */
    public void showOnFloor() {
        if (last == null) {
            return;
        }
        Map<String, Severity> states = new HashMap<>();
        for (CheckTrial.Row r : last.rows()) {
            // tried on every entity of its scope, one without a series is simply not covered
            if (last.listed() || r.value() != null || r.state() != Severity.UNKNOWN) {
                states.put(r.entity(), r.state());
            }
        }
        Check c = last.check();
        options.previewProperty()
                .set(new CheckPreview(c.id(), c.name(), c.scope(), states, last.at()));
    }

    public void clearPreview() {
        options.previewProperty().set(null);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What was tried, where, the totals and the cost. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Problems with file (or "pasted") and line, one per line; empty when none. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** The targets, worst first. */
    public ReadOnlyObjectProperty<List<TrialRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewableProperty() {
        return previewable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CheckPreview> previewProperty() {
        return options.previewProperty();
    }
}
