package io.rackscope.desktop.ui.shell;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.ConnectionStatus;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.Handling;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar says: whether Prometheus answers (and why not, from the kinds of the cycle's
 * errors), how old the data is, the last cycle's time and query count, and the cache hit ratio.
 * {@link #tick()} refreshes the age once a second.
 */
public final class StatusViewModel {
    private final HealthSource health;
    private final Clock clock;
    private final int staleAfterSeconds;
    private String notice;
    private final ReadOnlyObjectWrapper<Severity> level =
            new ReadOnlyObjectWrapper<>(this, "health", Severity.UNKNOWN);
    private final ReadOnlyStringWrapper prometheus =
            new ReadOnlyStringWrapper(this, "prometheus", "Prometheus: connecting…");
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper(this, "age", "no data yet");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "");
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");
    private final ReadOnlyStringWrapper cycle = new ReadOnlyStringWrapper(this, "cycle", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyBooleanWrapper past = new ReadOnlyBooleanWrapper(this, "past");
    private final Subscriptions subscriptions = new Subscriptions();
    private final java.util.function.Supplier<java.util.Optional<String>> journalProblem;
    private Instant lastGood;
    private Severity baseLevel = Severity.UNKNOWN;
    private String baseText = "Prometheus: connecting…";
    private String baseHeadline = "Prometheus: connecting…";
    private final ReadOnlyStringWrapper headline =
            new ReadOnlyStringWrapper(this, "headline", "Prometheus: connecting…");
    private String baseBanner = "";

    /** {@code staleAfterSeconds}: after this long without fresh data the banner says STALE. */
    public StatusViewModel(HealthSource health, Clock clock, int staleAfterSeconds, String notice) {
        this(health, clock, staleAfterSeconds, notice, java.util.Optional::empty);
    }

    /** As above; {@code journalProblem} says why the journal cannot be written, in the banner. */
    public StatusViewModel(
            HealthSource health,
            Clock clock,
            int staleAfterSeconds,
            String notice,
            java.util.function.Supplier<java.util.Optional<String>> journalProblem) {
        this.journalProblem = journalProblem;
        this.health = health;
        this.clock = clock;
        this.staleAfterSeconds = staleAfterSeconds;
        this.notice = notice == null ? "" : notice;
        banner.set(this.notice);
        subscriptions.onChange(health.snapshotProperty(), (o, a, s) -> apply(s));
        subscriptions.onChange(health.viewingProperty(), (o, a, t) -> tick());
        if (health.current().version() > 0) {
            apply(health.current());
        }
    }

    private void apply(HealthSnapshot s) {
        CycleStats stats = s.stats();
        // what this snapshot's own cycle sent: a snapshot shown again (handling changed) or one of
        // a past moment (another planner) is not a difference of two counters
        long perCycle = stats.batches();
        double ratio = stats.hitRatio();
        cycle.set(
                "cycle "
                        + s.cycleTime().toMillis()
                        + " ms · "
                        + perCycle
                        + " queries · cache "
                        + (ratio < 0 ? "—" : Math.round(100 * ratio) + " %"));
        ConnectionStatus c = health.view("status", ConnectionStatus::of);
        if (health.viewing() != null) {
            // a past moment says nothing about how fresh the live data is
            baseLevel = c.level() == ConnectionStatus.Level.DOWN ? Severity.CRIT : Severity.OK;
            baseText = c.headline();
            baseHeadline = c.headline();
            baseBanner =
                    c.level() == ConnectionStatus.Level.OK ? "" : c.headline() + ": " + c.reason();
            tick();
            return;
        }
        baseHeadline = c.headline();
        switch (c.level()) {
            case OK -> {
                lastGood = s.takenAt();
                baseLevel = Severity.OK;
                baseText = c.headline();
                baseBanner = "";
            }
            case DEGRADED -> {
                lastGood = s.takenAt();
                baseLevel = Severity.WARN;
                baseText = c.headline() + ": " + c.reason();
                baseBanner = baseText;
            }
            case DOWN -> {
                baseLevel = Severity.CRIT;
                baseText = c.headline() + ": " + c.reason();
                baseBanner =
                        lastGood == null
                                ? "No data yet: " + c.reason()
                                : "No fresh data: showing the last known states with their age. "
                                        + c.reason();
            }
        }
        tick();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "  " + b;
    }

    void addNotice(String text) {
        notice = join(notice, text);
        banner.set(join(banner.get(), text));
    }

    /**
     * Re-derives what is shown from the last snapshot's status, the data age and whether cycles
     * still come: a planner that stopped says so even though no new snapshot will ever tell.
     */
    public void tick() {
        time.set(TIME.withZone(clock.getZone()).format(clock.instant()));
        Instant viewing = health.viewing();
        past.set(viewing != null);
        if (viewing != null) {
            String moment = Formats.notLive(viewing, clock.getZone());
            show(
                    baseLevel,
                    moment + " · " + baseHeadline,
                    moment + " · " + baseText,
                    join(moment, baseBanner));
            age.set("states as of " + Formats.moment(viewing, clock.getZone()));
            return;
        }
        Liveness live = health.liveness();
        if (health.current().version() == 0) {
            if (live.stopped()) {
                show(Severity.CRIT, live.headline(), live.text(), live.text());
            }
            return;
        }
        Instant now = clock.instant();
        Severity shownLevel = baseLevel;
        String text = baseText;
        String head = baseHeadline;
        String alarm = baseBanner;
        if (lastGood != null) {
            Duration dataAge = Duration.between(lastGood, now);
            if (staleAfterSeconds > 0 && dataAge.toSeconds() > staleAfterSeconds) {
                shownLevel = Severity.CRIT;
                alarm =
                        "STALE: no fresh data for "
                                + Formats.age(dataAge)
                                + ": showing the last known states. "
                                + health.view("status", ConnectionStatus::of).reason();
            }
        }
        switch (live.state()) {
            case STOPPED -> {
                shownLevel = Severity.CRIT;
                text = live.text();
                head = live.headline();
                alarm = live.text() + ". " + alarm;
            }
            case SLOW -> {
                shownLevel = Severity.worst(shownLevel, Severity.WARN);
                text = live.text();
                head = live.headline();
            }
            default -> {}
        }
        show(shownLevel, head, text, alarm);
        if (lastGood == null) {
            age.set("no data yet");
            return;
        }
        HealthSnapshot s = health.current();
        Instant oldest = s.staleSince().values().stream().min(Instant::compareTo).orElse(lastGood);
        age.set(
                "updated "
                        + Formats.ago(lastGood, now)
                        + (s.staleEntities().isEmpty()
                                ? ""
                                : " · oldest data " + Formats.age(Duration.between(oldest, now))));
    }

    private void show(Severity l, String head, String text, String alarm) {
        level.set(l);
        headline.set(head);
        prometheus.set(text);
        banner.set(
                join(
                        join(join(notice, alarm.strip()), handlingProblem()),
                        journalProblem.get().map(p -> "History: " + p).orElse("")));
    }

    /**
     * Acknowledgements and maintenances that cannot be read or kept: what is shown of them is as
     * old as the last good read, and what is typed meanwhile waits.
     */
    private String handlingProblem() {
        Handling h = health.current().handling();
        if (h.problem() == null && h.notice() == null) {
            return "";
        }
        String said =
                h.problem() == null
                        ? ""
                        : h.problem()
                                + (h.readAt() == null
                                        ? " (none known yet)"
                                        : "; showing them as of "
                                                + Formats.ago(h.readAt(), clock.instant())
                                                + ", new ones are kept when it answers again");
        return "Acknowledgements and maintenances: "
                + (h.notice() == null
                        ? said
                        : said.isEmpty() ? h.notice() : said + "; " + h.notice());
    }

    /**
     * What the status bar shows of {@link #prometheusProperty}: its headline ("Prometheus
     * unreachable"), the reason being in the banner and the tooltip.
     */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The desk's clock, to the second: what "now" is for every age on screen. */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> healthProperty() {
        return level.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty prometheusProperty() {
        return prometheus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cycleProperty() {
        return cycle.getReadOnlyProperty();
    }

    /** True while the views show a past moment (the banner then wears its own colour). */
    public ReadOnlyBooleanProperty pastProperty() {
        return past.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
