package io.rackscope.desktop.ui.timeline;

import io.rackscope.desktop.checks.Moments;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.JournalMarks;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.TimeTravel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The time control: a moment within the last {@code history.max_hours}, chosen on a slider (epoch
 * seconds), typed, or stepped one cycle at a time; playback from the chosen moment at 10x, 60x or
 * 600x; "Live" returns to the present. Stopping playback returns to the moment it started from.
 * {@link #tick} (once a second, and on every playback frame) moves the slider's range with the
 * clock and playback forward.
 */
public final class TimeControlViewModel {
    /** How often the journal's marks are read again. */
    static final Duration MARKS_EVERY = Duration.ofSeconds(30);

    /** Playback speeds offered. */
    public static final List<Integer> SPEEDS = List.of(10, 60, 600);

    private final TimeTravel time;
    private final Clock clock;
    private final JournalMarks journal;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<List<JournalMarks.Mark>> marks =
            new ReadOnlyObjectWrapper<>(this, "marks", List.of());
    private Instant marksRead = Instant.EPOCH;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ReadOnlyDoubleWrapper earliest = new ReadOnlyDoubleWrapper(this, "earliest");
    private final ReadOnlyDoubleWrapper latest = new ReadOnlyDoubleWrapper(this, "latest");
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(this, "position");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);
    private final ReadOnlyIntegerWrapper speed = new ReadOnlyIntegerWrapper(this, "speed");
    private final ReadOnlyStringWrapper moment = new ReadOnlyStringWrapper(this, "moment", "Live");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private Instant playFrom;
    private Instant playhead;
    private Instant lastFrame;

    public TimeControlViewModel(TimeTravel time, Clock clock) {
        this(time, clock, JournalMarks.NONE, Runnable::run);
    }

    /**
     * A time control whose slider carries the journal's incident changes ({@code journal}, read
     * every {@link #MARKS_EVERY}; {@code fx} hands them to the FX thread).
     */
    public TimeControlViewModel(TimeTravel time, Clock clock, JournalMarks journal, Executor fx) {
        this.time = time;
        this.clock = clock;
        this.journal = journal;
        this.fx = fx;
        subscriptions.onChange(time.chosenProperty(), (o, a, t) -> describe());
        subscriptions.onChange(time.viewingProperty(), (o, a, t) -> describe());
        subscriptions.onChange(time.lookingUpProperty(), (o, a, t) -> describe());
        tick();
        describe();
    }

    /** False when there is no Prometheus to ask about the past: the control is not shown. */
    public boolean available() {
        return time.canLookBack();
    }

    /** Shows the estate at {@code t} (stops playback). */
    public void lookAt(Instant t) {
        stopPlaying();
        choose(t);
    }

    /** The slider moved to {@code epochSeconds}; the right end is the present. */
    public void slide(double epochSeconds) {
        if (epochSeconds >= latest.get() - time.step().toSeconds() / 2.0) {
            goLive();
            return;
        }
        lookAt(Instant.ofEpochMilli(Math.round(epochSeconds * 1000)));
    }

    /**
     * The typed moment: RFC 3339, {@code -2h}, {@code 02:13}, {@code 2026-12-01 02:13}; false (and
     * {@link #problemProperty} says why) when it is not one or is outside the history kept.
     */
    public boolean type(String text) {
        Optional<Instant> t = Moments.parse(text, clock.instant(), clock.getZone());
        if (t.isEmpty()) {
            problem.set(
                    "'" + text.strip() + "' is not a moment: try 02:13, -2h or 2026-12-01 02:13");
            return false;
        }
        Instant earliestKept = clock.instant().minus(time.span());
        if (t.get().isBefore(earliestKept)) {
            problem.set(
                    "only the last "
                            + time.span().toHours()
                            + " h can be shown (history.max_hours); showing the earliest moment");
        } else {
            problem.set("");
        }
        if (!t.get().isBefore(clock.instant())) {
            goLive();
        } else {
            lookAt(t.get());
        }
        return true;
    }

    /** One cycle earlier (from the present: the last cycle before now). */
    public void stepBack() {
        lookAt(current().minus(time.step()));
    }

    /** One cycle later; past the last moment, live again. */
    public void stepForward() {
        Instant next = current().plus(time.step());
        if (next.isAfter(clock.instant())) {
            goLive();
        } else {
            lookAt(next);
        }
    }

    public void goLive() {
        stopPlaying();
        problem.set("");
        time.live();
        position.set(latest.get());
    }

    /** Plays forward at {@code times} real speed from the chosen moment (or an hour ago). */
    public void play(int times) {
        if (playhead == null) {
            playFrom = time.chosenProperty().get();
            if (playFrom == null) {
                playFrom = clock.instant().minus(Duration.ofHours(1));
                choose(playFrom);
            }
            playhead = playFrom;
        }
        lastFrame = clock.instant();
        speed.set(times);
        describe();
    }

    /** Stops playback and returns to the moment it started from. */
    public void stop() {
        Instant back = playFrom;
        stopPlaying();
        if (back != null) {
            choose(back);
        }
    }

    /** Moves the range with the clock and, while playing, the playhead. */
    public void tick() {
        Instant now = clock.instant();
        if (time.canLookBack() && !now.isBefore(marksRead.plus(MARKS_EVERY))) {
            marksRead = now;
            journal.between(now.minus(time.span()), now)
                    .thenAccept(m -> fx.execute(() -> marks.set(List.copyOf(m))));
        }
        earliest.set(now.minus(time.span()).getEpochSecond());
        latest.set(now.getEpochSecond());
        if (playhead != null) {
            Duration real = Duration.between(lastFrame, now);
            lastFrame = now;
            playhead = playhead.plus(real.multipliedBy(speed.get()));
            if (!playhead.isBefore(now)) {
                goLive();
                return;
            }
            choose(playhead);
        } else if (time.chosenProperty().get() == null) {
            position.set(latest.get());
        }
    }

    private void choose(Instant t) {
        time.lookAt(t);
        Instant chosen = time.chosenProperty().get();
        position.set((chosen == null ? t : chosen).getEpochSecond());
    }

    private void stopPlaying() {
        playhead = null;
        playFrom = null;
        speed.set(0);
        describe();
    }

    private Instant current() {
        Instant chosen = time.chosenProperty().get();
        return chosen != null ? chosen : clock.instant();
    }

    private void describe() {
        Instant chosen = time.chosenProperty().get();
        live.set(chosen == null);
        position.set(chosen == null ? latest.get() : chosen.getEpochSecond());
        if (chosen == null) {
            moment.set("Live");
            state.set("");
            return;
        }
        moment.set(Formats.moment(chosen, clock.getZone()));
        String s = "";
        if (time.lookingUpProperty().get() || !chosen.equals(time.viewingProperty().get())) {
            s = "evaluating…";
        }
        if (speed.get() > 0) {
            s = "playing " + speed.get() + "x" + (s.isEmpty() ? "" : " · " + s);
        }
        state.set(s);
    }

    /** The journal's incident changes within the slider's range, as ticks on it. */
    public ReadOnlyObjectProperty<List<JournalMarks.Mark>> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    /** A click on a tick: the moment of that change. */
    public void jumpTo(JournalMarks.Mark mark) {
        lookAt(mark.at());
    }

    public boolean playing() {
        return playhead != null;
    }

    public ReadOnlyDoubleProperty earliestProperty() {
        return earliest.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** The slider's position, epoch seconds. */
    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The playback speed, 0 when not playing. */
    public ReadOnlyIntegerProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** "Live", or the chosen moment in the desk's zone. */
    public ReadOnlyStringProperty momentProperty() {
        return moment.getReadOnlyProperty();
    }

    /** "evaluating…", "playing 60x", or empty. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the typed moment was not taken as typed; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void dispose() {
        stopPlaying();
        subscriptions.dispose();
    }
}
