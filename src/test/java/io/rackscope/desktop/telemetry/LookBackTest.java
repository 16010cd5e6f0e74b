package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past moments from hand-built history: what each shows, what is kept, when a planner restarts. */
class LookBackTest {
    @TempDir static Path dir;
    static RackscopeConfig config;

    @BeforeAll
    static void load() {
        config = PastEstate.config(dir);
    }

    static HandBuiltPrometheus history() {
        return PastEstate.history();
    }

    static LookBack lookBack(HandBuiltPrometheus p) {
        return PastEstate.lookBack(config, p, 10);
    }

    static Instant ago(long seconds) {
        return PastEstate.ago(seconds);
    }

    @Test
    void aMomentInsideTheOutageShowsItAndMomentsAroundItDoNot() {
        try (LookBack back = lookBack(history())) {
            assertEquals(Severity.OK, back.at(ago(5400)).snapshot().node("n02"));
            assertEquals(Severity.CRIT, back.at(ago(2700)).snapshot().node("n02"));
            assertEquals(Severity.OK, back.at(ago(900)).snapshot().node("n02"));
            assertEquals(Severity.OK, back.at(ago(2700)).snapshot().node("n01"));
            assertEquals(ago(2700), back.at(ago(2700)).snapshot().takenAt(), "of the moment");
        }
    }

    @Test
    void momentsAreRoundedToTheStepAndKeptWithinTheSpan() {
        try (LookBack back = lookBack(history())) {
            assertEquals(ago(2700), back.slot(ago(2700 - 59)));
            assertEquals(ago(24 * 3600), back.slot(ago(30 * 3600)), "no further back than kept");
            assertEquals(
                    Instant.ofEpochSecond(PastEstate.NOW),
                    back.slot(ago(-600)),
                    "never the future");
        }
    }

    @Test
    void aMomentSeenIsNotAskedAgainAndForwardReusesThePlanner() {
        HandBuiltPrometheus p = history();
        try (LookBack back = lookBack(p)) {
            LookBack.Lookup first = back.at(ago(2700));
            assertTrue(first.coldStart());
            int asked = p.asked.size();
            LookBack.Lookup again = back.at(ago(2690));
            assertTrue(again.cached());
            assertSame(first.snapshot(), again.snapshot());
            assertEquals(asked, p.asked.size(), "nothing asked for a kept moment");
            assertFalse(back.at(ago(2640)).coldStart(), "one step forward: same planner");
            assertTrue(back.at(ago(5000)).coldStart(), "backwards: a fresh planner");
            assertEquals(3, back.cached());
        }
    }

    @Test
    void aMomentThatCouldNotBeEvaluatedIsAskedAgainNextTime() {
        HandBuiltPrometheus p = history();
        p.fail("up", new PrometheusException(PrometheusException.Kind.UNREACHABLE, 0, "refused"));
        try (LookBack back = lookBack(p)) {
            LookBack.Lookup down = back.at(ago(2700));
            assertFalse(down.snapshot().errors().isEmpty());
            assertEquals(0, back.cached());
            p.heal("up");
            LookBack.Lookup healed = back.at(ago(2700));
            assertFalse(healed.cached());
            assertEquals(Severity.CRIT, healed.snapshot().node("n02"));
        }
    }
}
