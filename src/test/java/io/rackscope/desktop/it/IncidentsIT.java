package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.Main;
import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.alerting.IncidentTracker;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
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
import picocli.CommandLine;

/**
 * Incidents on a real Prometheus with backfilled history, four racks of four nodes in one room:
 * rack rk2 (n05-n08) has been down for 50 minutes, n01 and n03 (in rk1) for 10; n02 flapped every
 * minute from 30 to 12 minutes before the end.
 */
class IncidentsIT {
    static final long STEP = 15;
    static Path dir;
    static PrometheusServer prometheus;
    static TestExporter exporter;
    static long end;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-incidents-it");
        ConfigFixture.write(dir.resolve("app.yaml"), "telemetry: {scrape_interval_seconds: 15}\n");
        StringBuilder racks = new StringBuilder();
        for (int r = 1; r <= 4; r++) {
            racks.append("              - id: rk%d\n                devices:\n".formatted(r));
            for (int i = 1; i <= 4; i++) {
                int n = (r - 1) * 4 + i;
                racks.append(
                        ("                  - {id: c%d, template_id: srv, u_position: %d,"
                                        + " instance: n%02d}\n")
                                .formatted(n, i, n));
            }
        }
        ConfigFixture.write(
                dir.resolve("topology.yaml"),
                "sites:\n  - id: lab\n    rooms:\n      - id: r1\n        aisles:\n"
                        + "          - id: a1\n            racks:\n"
                        + racks);
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: [node_up]}\n");
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    rules: [{op: "==", value: 0, severity: CRIT}]
                """);
        end = Instant.now().getEpochSecond() / 60 * 60 - 60;
        long start = end - 3600;
        StringBuilder h = new StringBuilder("# TYPE up gauge\n");
        for (int n = 1; n <= 16; n++) {
            String id = "n%02d".formatted(n);
            for (long t = start; t <= end; t += STEP) {
                long before = end - t;
                boolean down =
                        n > 4 && n <= 8 && before <= 50 * 60
                                || (n == 1 || n == 3) && before <= 10 * 60
                                || n == 2
                                        && before <= 30 * 60
                                        && before > 12 * 60
                                        && Math.floorDiv(t, 60) % 2 == 0;
                h.append("up{job=\"history\",instance=\"")
                        .append(id)
                        .append("\"} ")
                        .append(down ? 0 : 1)
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
        }
        h.append("# EOF\n");
        exporter = new TestExporter();
        prometheus = PrometheusServer.start(exporter.address(), h.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    @Test
    void aWholeRackIsOneIncidentAndTwoUnrelatedNodesAreTwoEachWithItsTrueStart() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code =
                cl.execute(
                        "snapshot",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--json",
                        "--at",
                        Instant.ofEpochSecond(end).toString());
        assertEquals(0, code, err.toString());
        JsonNode doc = new ObjectMapper().readTree(out.toString());
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
