package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;
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

    @Test
    void aStepBackAsksWhatALiveCycleAsksAndShowsWhatAPlannerKnowingNothingShows() {
        HandBuiltPrometheus p = history();
        try (LookBack back = lookBack(p)) {
            back.at(ago(1500));
            int before = p.asked.size();
            LookBack.Lookup step = back.at(ago(1560));
            List<String> asked = List.copyOf(p.asked.subList(before, p.asked.size()));
            assertTrue(step.coldStart(), "backwards: a fresh planner");
            assertTrue(
                    asked.stream()
                            .noneMatch(q -> q.contains("temp{") && !HandBuiltPrometheus.probe(q)),
                    "nothing asked of temp but how many nodes have it: the window read a step later"
                            + " serves this moment and its presence is recent: "
                            + asked);
            assertEquals(
                    1,
                    asked.stream().filter(q -> q.contains("temp{")).count(),
                    "one count says whether a temperature vanished: " + asked);
            assertTrue(
                    asked.stream().anyMatch(q -> q.startsWith("min by (instance) (up")),
                    "the sentinel reads every node: " + asked);
            try (LookBack blank = lookBack(history())) {
                assertEquals(blank.at(ago(1560)).snapshot().nodes(), step.snapshot().nodes());
            }
        }
    }

    @Test
    void aNodeThatHadVanishedAtTheEarlierMomentIsUnknownThereThoughPresentLater() {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (String n : List.of("n01", "n02", "n03", "n04")) {
            LongToDoubleFunction gone =
                    t -> n.equals("n03") && t < PastEstate.NOW - 1800 ? Double.NaN : 1;
            p.series("up", Map.of("instance", n), gone);
            p.series("temp", Map.of("instance", n), t -> gone.applyAsDouble(t) * 40);
        }
        try (LookBack back = lookBack(p)) {
            assertEquals(Severity.OK, back.at(ago(1740)).snapshot().node("n03"));
            HealthSnapshot earlier = back.at(ago(1860)).snapshot();
            assertEquals(Severity.UNKNOWN, earlier.node("n03"));
            assertEquals(Set.of("n03"), earlier.checks().get("temp").absent());
            assertEquals(Severity.OK, earlier.node("n04"));
        }
    }

    @Test
    void presenceReadLongerAgoThanTheRefreshIsReadAgain() {
        HandBuiltPrometheus p = history();
        try (LookBack back = lookBack(p)) {
            back.at(ago(60));
            int before = p.asked.size();
            back.at(ago(60 + 3600));
            assertTrue(
                    p.asked.subList(before, p.asked.size()).stream()
                            .anyMatch(q -> q.startsWith("count by (instance) (temp")),
                    "an hour back, beyond the 30 min refresh: temp read in full");
        }
    }

    /**
     * temp (for: 2m, WARN above 75, CRIT above 90) on the 15 s grid: n01 hot all along (a run older
     * than any window); n02 hot for ten minutes of the hour; n03 hot but missing a sample every
     * five minutes; n04 always WARN with CRIT bursts of three minutes every ten.
     */
    static HandBuiltPrometheus runs() {
        long now = PastEstate.NOW;
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (String n : List.of("n01", "n02", "n03", "n04")) {
            p.series("up", Map.of("instance", n), t -> 1);
        }
        p.series("temp", Map.of("instance", "n01"), t -> 80);
        p.series(
                "temp",
                Map.of("instance", "n02"),
                t -> t >= now - 1800 && t < now - 1200 ? 80 : 40);
        p.series("temp", Map.of("instance", "n03"), t -> t % 300 == 0 ? Double.NaN : 80);
        p.series("temp", Map.of("instance", "n04"), t -> Math.floorMod(t, 600) < 180 ? 95 : 80);
        return p;
    }

    static Map<String, String> states(HealthSnapshot s) {
        Map<String, String> out = new TreeMap<>();
        s.nodes().forEach((id, sev) -> out.put(id, sev.name()));
        s.checks()
                .get("temp")
                .problems()
                .forEach(
                        (id, r) ->
                                out.put("temp " + id, r.severity() + " " + Math.round(r.value())));
        return out;
    }

    @Test
    void scrubbingBackReadsEachWindowOnceAndShowsWhatAPlannerKnowingNothingShows() {
        HandBuiltPrometheus carried = runs();
        HandBuiltPrometheus blank = runs();
        try (LookBack back =
                new LookBack(
                        config,
                        new PrometheusRouter(carried),
                        EvaluationMode.FILTERED,
                        PastEstate.clock(),
                        Duration.ofSeconds(15),
                        Duration.ofHours(24),
                        500)) {
            Set<String> seen = new HashSet<>();
            for (long ago = 600; ago <= 3000; ago += 15) {
                Instant at = ago(ago);
                Map<String, String> scrubbed = states(back.at(at).snapshot());
                Map<String, String> alone;
                try (TelemetryPlanner p =
                        new TelemetryPlanner(
                                config,
                                new PrometheusRouter(blank),
                                EvaluationMode.FILTERED,
                                PastEstate.clock())) {
                    alone = states(p.refreshAt(at));
                }
                assertEquals(alone, scrubbed, ago + " s ago");
                seen.addAll(scrubbed.values());
            }
            assertTrue(
                    seen.containsAll(Set.of("OK", "WARN", "CRIT", "WARN 80", "CRIT 95")),
                    "every state met: " + seen);
            // the presence probes (one count a moment, as a live cycle asks) are not the windows'
            long carriedAsked =
                    carried.asked.stream()
                            .filter(q -> q.contains("temp{") && !HandBuiltPrometheus.probe(q))
                            .count();
            long blankAsked = blank.asked.stream().filter(q -> q.contains("temp{")).count();
            String cost =
                    "temp asked "
                            + carriedAsked
                            + " times, "
                            + carried.rangePoints
                            + " range points, scrubbing back; afresh "
                            + blankAsked
                            + " times, "
                            + blank.rangePoints
                            + " points";
            assertTrue(carriedAsked * 5 < blankAsked, cost);
            assertTrue(carried.rangePoints * 4 < blank.rangePoints, cost);
        }
    }
}
