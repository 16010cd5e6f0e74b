package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.alerting.IncidentTracker;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Incidents on a real Prometheus with backfilled history ({@link FailingEstate}). */
class IncidentsIT {
    static final long STEP = FailingEstate.STEP;
    static FailingEstate estate;
    static Path dir;
    static PrometheusServer prometheus;
    static long end;

    @BeforeAll
    static void start() throws Exception {
        estate = FailingEstate.start();
        dir = estate.dir;
        prometheus = estate.prometheus;
        end = estate.end;
    }

    @AfterAll
    static void stop() throws Exception {
        if (estate != null) {
            estate.close();
        }
    }

    @Test
    void aWholeRackIsOneIncidentAndTwoUnrelatedNodesAreTwoEachWithItsTrueStart() throws Exception {
        CliRun r =
                CliRun.of(
                        "snapshot",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--json",
                        "--at",
                        Instant.ofEpochSecond(end).toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        Map<String, JsonNode> byPlace = new TreeMap<>();
        doc.get("incidents").forEach(i -> byPlace.put(i.get("place").asText(), i));
        assertEquals(
                List.of("node:n01", "node:n03", "rack:rk2"),
                List.copyOf(byPlace.keySet()),
                doc.toString());
        JsonNode rack = byPlace.get("rack:rk2");
        assertEquals(4, rack.get("members").size(), "every node of the rack");
        assertEquals("CRIT", rack.get("severity").asText());
        assertTrue(
                Math.abs(rack.get("since").asLong() - (end - 50 * 60)) <= STEP,
                "down for 50 minutes: since " + Instant.ofEpochSecond(rack.get("since").asLong()));
        assertTrue(Math.abs(byPlace.get("node:n01").get("since").asLong() - (end - 600)) <= STEP);
        assertEquals(1, byPlace.get("node:n03").get("members").size());
    }

    @Test
    void aFlappingNodeIsAnnouncedUntilItFlapsAndThenStaysSilent() {
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        AlertTracker tracker =
                new AlertTracker(
                        new IncidentTracker(4, Duration.ofMinutes(15)), Duration.ofHours(24));
        List<String> announced = new ArrayList<>();
        List<Boolean> flappingSeen = new ArrayList<>();
        try (PrometheusRouter router =
                        new PrometheusRouter(cfg, prometheus.url(), new QueryStats());
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                cfg, router, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setCycleInterval(Duration.ofSeconds(60));
            // every 60 s from 31 to 13 minutes before the end: n02 changes at every cycle
            for (long t = end - 31 * 60 + 30; t < end - 12 * 60; t += 60) {
                HealthSnapshot s = tracker.track(planner.refreshAt(Instant.ofEpochSecond(t)));
                for (Incident i : s.announced()) {
                    announced.add(i.place() + "@" + (end - t) / 60);
                }
                s.incidents().stream()
                        .filter(i -> i.place().equals("n02"))
                        .forEach(i -> flappingSeen.add(i.flapping()));
            }
        }
        List<String> n02 = announced.stream().filter(a -> a.startsWith("n02@")).toList();
        // it came (once, twice: at most the changes before it counts as flapping), then silence
        assertTrue(!n02.isEmpty() && n02.size() <= 3, "announcements of n02: " + announced);
        assertTrue(flappingSeen.contains(true), "n02 is marked flapping: " + flappingSeen);
        int firstFlapping = flappingSeen.indexOf(true);
        assertTrue(
                flappingSeen.subList(firstFlapping, flappingSeen.size()).stream().allMatch(f -> f),
                "flapping until stable for the window: " + flappingSeen);
        assertTrue(announced.stream().allMatch(a -> a.startsWith("n02@")), "rk2 was already down");
    }
}
