package io.rackscope.desktop.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.ui.HealthSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** What the status bar says, from snapshots and the planner's liveness; no toolkit needed. */
class StatusViewModelTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static final class Source implements HealthSource {
        final SimpleObjectProperty<HealthSnapshot> snapshot =
                new SimpleObjectProperty<>(HealthSnapshot.empty());
        Liveness liveness = Liveness.CYCLING_NOW;

        @Override
        public ReadOnlyObjectProperty<HealthSnapshot> snapshotProperty() {
            return snapshot;
        }

        @Override
        public void refreshNow() {}

        @Override
        public Liveness liveness() {
            return liveness;
        }
    }

    static HealthSnapshot snapshot(long version, Instant at, CycleError... errors) {
        return new HealthSnapshot(
                version,
                at,
                Duration.ofMillis(40),
                new HealthSnapshot.Levels(
                        Map.of("n1", Severity.OK),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of()),
                new HealthSnapshot.Findings(
                        Map.of(),
                        List.of(),
                        Map.of(),
                        List.of(errors),
                        new CycleStats(
                                version,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                40,
                                0,
                                0,
                                0,
                                errors.length == 0 ? 2 : errors.length,
                                errors.length,
                                1)),
                SlurmSnapshot.DISABLED,
                HealthSnapshot.Tracking.NONE);
    }

    static CycleError error(CycleError.Kind kind, String message) {
        return new CycleError(kind, "node_up", 0, "http://prom:9090", message);
    }

    @Test
    void aJournalThatCannotBeWrittenIsSaidInTheBanner() {
        Source source = new Source();
        java.util.concurrent.atomic.AtomicReference<String> problem =
                new java.util.concurrent.atomic.AtomicReference<>();
        StatusViewModel status =
                new StatusViewModel(
                        source,
                        Clock.fixed(T0, ZoneOffset.UTC),
                        0,
                        "",
                        () -> java.util.Optional.ofNullable(problem.get()));
        source.snapshot.set(snapshot(1, T0));
        assertEquals("", status.bannerProperty().get());
        problem.set(
                "the journal in /j cannot be written (disk full); 3 changes are kept in memory");
        status.tick();
        assertTrue(
                status.bannerProperty().get().startsWith("History: the journal in /j"),
                status.bannerProperty().get());
        problem.set(null);
        status.tick();
        assertEquals("", status.bannerProperty().get(), "gone when it can write again");
    }

    @Test
    void theQueriesAreThoseOfTheSnapshotsOwnCycleWhateverCameBefore() {
        Source source = new Source();
        StatusViewModel status =
                new StatusViewModel(source, Clock.fixed(T0, ZoneOffset.UTC), 0, "");
        source.snapshot.set(snapshot(90, T0));
        assertTrue(
                status.cycleProperty().get().contains(" 2 queries"), status.cycleProperty().get());
        // the same cycle shown again (its handling changed): still its 2 queries, not 0
        source.snapshot.set(snapshot(90, T0).withVersion(91));
        assertTrue(
                status.cycleProperty().get().contains(" 2 queries"), status.cycleProperty().get());
        // a past moment's planner counts from its own start: never a negative count
        source.snapshot.set(snapshot(4, T0));
        assertTrue(
                status.cycleProperty().get().contains(" 2 queries"), status.cycleProperty().get());
    }

    @Test
    void aPlannerThatStopsCyclingTurnsAGreenBarRedAlthoughNoSnapshotSaysSo() {
        Source source = new Source();
        Clock clock = Clock.fixed(T0.plusSeconds(200), ZoneOffset.UTC);
        StatusViewModel status = new StatusViewModel(source, clock, 0, "");
        source.snapshot.set(snapshot(1, T0));
        assertEquals(Severity.OK, status.healthProperty().get());
        assertEquals("Prometheus reachable", status.prometheusProperty().get());
        source.liveness = new Liveness(Liveness.State.STOPPED, Duration.ofSeconds(200));
        status.tick();
        assertEquals(Severity.CRIT, status.healthProperty().get());
        assertTrue(
                status.prometheusProperty().get().startsWith("Health updates stopped"),
                status.prometheusProperty().get());
        assertEquals(
                "Health updates stopped", status.headlineProperty().get(), "what the bar shows");
        assertTrue(status.bannerProperty().get().contains("what is shown is frozen"));
        source.liveness = Liveness.CYCLING_NOW;
        source.snapshot.set(snapshot(2, T0.plusSeconds(199)));
        assertEquals(Severity.OK, status.healthProperty().get(), "recovers by itself");
        assertEquals("", status.bannerProperty().get());
    }

    @Test
    void aSlowCycleIsSaidWhileItRunsNotOnlyWhenItEnds() {
        Source source = new Source();
        StatusViewModel status =
                new StatusViewModel(source, Clock.fixed(T0.plusSeconds(90), ZoneOffset.UTC), 0, "");
        source.snapshot.set(snapshot(1, T0));
        source.liveness = new Liveness(Liveness.State.SLOW, Duration.ofSeconds(75));
        status.tick();
        assertEquals(Severity.WARN, status.healthProperty().get());
        assertEquals(
                "Prometheus is slow: this cycle has been running for 75 s",
                status.prometheusProperty().get());
    }

    @Test
    void theHeadlineComesFromTheErrorKindAndTheAgeFromTheLastCycleWithData() {
        Source source = new Source();
        StatusViewModel status =
                new StatusViewModel(
                        source, Clock.fixed(T0.plusSeconds(120), ZoneOffset.UTC), 0, "");
        source.snapshot.set(snapshot(1, T0));
        source.snapshot.set(
                snapshot(
                        2,
                        T0.plusSeconds(60),
                        error(CycleError.Kind.CREDENTIALS, "401 Unauthorized"),
                        error(CycleError.Kind.CREDENTIALS, "401 Unauthorized")));
        assertEquals(Severity.CRIT, status.healthProperty().get());
        assertTrue(
                status.prometheusProperty().get().startsWith("Prometheus refuses the credentials"),
                status.prometheusProperty().get());
        assertEquals("Prometheus refuses the credentials", status.headlineProperty().get());
        assertEquals("updated 2 min ago", status.ageProperty().get(), "failed cycles do not count");
        assertTrue(status.bannerProperty().get().startsWith("No fresh data"));
    }

    @Test
    void withNothingEverKnownTheBarSaysNoDataRatherThanLastKnown() {
        Source source = new Source();
        StatusViewModel status =
                new StatusViewModel(source, Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC), 0, "");
        source.snapshot.set(
                snapshot(1, T0, error(CycleError.Kind.UNREACHABLE, "connection refused")));
        assertEquals("no data yet", status.ageProperty().get());
        assertTrue(
                status.bannerProperty().get().startsWith("No data yet"),
                status.bannerProperty().get());
    }
}
