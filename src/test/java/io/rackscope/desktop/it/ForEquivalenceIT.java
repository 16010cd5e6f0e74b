package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's scheme (for: followed in memory, new failures looked for once per for:, history read
 * only for suspects) gives exactly the states of the full rule evaluated every cycle, and of the
 * original's in-process scheme cycling at the resolution, on a real Prometheus holding an hour of
 * scripted history: failures that start, persist past their for:, clear, flap, stay shorter than
 * for:, series that vanish and return, a node down, a chassis and a rack failing.
 */
class ForEquivalenceIT {
    static final long STEP = 15;
    static Path dir;
    static RackscopeConfig config;
    static PrometheusServer prometheus;
    static TestExporter exporter;

    /** The end of the scripted hour, on the grid. */
    static long end;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-for-it");
        ConfigFixture.write(
                dir.resolve("app.yaml"),
                "telemetry: {scrape_interval_seconds: 15}\nrefresh: {room_state_seconds: 60}\n");
        StringBuilder devices = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            devices.append(
                    "          - {id: c%d, template_id: srv, u_position: %d, instance: n%02d}\n"
                            .formatted(i, i, i));
        }
        ConfigFixture.write(
                dir.resolve("topology.yaml"),
                """
                sites:
                  - id: lab
                    rooms:
                      - id: r1
                        aisles:
                          - id: a1
                            racks:
                              - id: rk1
                                template_id: rt
                                devices:
                %s
                              - id: rk2
                                template_id: rt
                """
                        .formatted(
                                devices.toString()
                                        .replace("          ", "                      ")));
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                """
                templates:
                  - {id: srv, u_height: 1, checks: [node_up, temp, psu]}
                rack_templates:
                  - {id: rt, u_height: 42, checks: [power]}
                """);
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: temp
                    expr: temp_celsius{instance=~"$instances"}
                    for: 2m
                    rules:
                      - {op: ">", value: 75, severity: WARN}
                      - {op: ">", value: 90, severity: CRIT}
                  - id: psu
                    scope: chassis
                    expr: psu_ok{chassis_id=~"$chassis"}
                    for: 1m
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: power
                    scope: rack
                    expr: sum by (rack_id) (power_watts{rack_id=~"$racks"})
                    for: 3m
                    rules: [{op: ">", value: 9000, severity: WARN}]
                """);
        config = new ConfigLoader(Map.of()).load(dir);
        assertEquals(List.of(), config.diagnostics().errors());
        end = Instant.now().getEpochSecond() / STEP * STEP - 120;
        long start = end - 3600;
        StringBuilder h = new StringBuilder();
        h.append("# TYPE up gauge\n");
        for (int i = 1; i <= 8; i++) {
            int n = i;
            series(
                    h,
                    "up",
                    "instance=\"n%02d\"".formatted(n),
                    start,
                    t -> n == 7 && in(t, 30, 25) ? 0 : 1);
        }
        h.append("# TYPE temp_celsius gauge\n");
        series(h, "temp_celsius", "instance=\"n01\"", start, t -> in(t, 40, 20) ? 80 : 40);
        series(
                h,
                "temp_celsius",
                "instance=\"n02\"",
                start,
                t -> in(t, 30, 10) && ((t / 45) % 2 == 0) ? 82 : 40);
        series(h, "temp_celsius", "instance=\"n03\"", start, t -> in(t, 25, 0) ? 81 : 40);
        series(
                h,
                "temp_celsius",
                "instance=\"n04\"",
                start,
                t -> in(t, 30, 27) ? 95 : in(t, 27, 15) ? 80 : 40);
        series(h, "temp_celsius", "instance=\"n05\"", start, t -> in(t, 15, 13.5) ? 85 : 40);
        series(
                h,
                "temp_celsius",
                "instance=\"n06\"",
                start,
                t -> in(t, 35, 30) ? Double.NaN : in(t, 30, 5) ? 79 : 40);
        for (int i = 7; i <= 8; i++) {
            series(h, "temp_celsius", "instance=\"n%02d\"".formatted(i), start, t -> 40);
        }
        h.append("# TYPE psu_ok gauge\n");
        for (int i = 1; i <= 8; i++) {
            int n = i;
            series(
                    h,
                    "psu_ok",
                    "chassis_id=\"c%d\"".formatted(n),
                    start,
                    t -> n == 3 && in(t, 20, 10) ? 0 : 1);
        }
        h.append("# TYPE power_watts gauge\n");
        for (String pdu : List.of("a", "b")) {
            series(h, "power_watts", "rack_id=\"rk1\",pdu=\"" + pdu + "\"", start, t -> 3000);
            series(
                    h,
                    "power_watts",
                    "rack_id=\"rk2\",pdu=\"" + pdu + "\"",
                    start,
                    t -> in(t, 40, 5) ? 4700 : 3000);
        }
        h.append("# EOF\n");
        exporter = new TestExporter();
        prometheus = PrometheusServer.start(exporter.address(), h.toString());
    }

    /** Whether {@code t} lies between {@code fromMin} and {@code toMin} minutes before the end. */
    static boolean in(long t, double fromMin, double toMin) {
        return t >= end - fromMin * 60 && t < end - toMin * 60;
    }

    /** One series sampled every 15 s from {@code start} to the end; NaN leaves a gap. */
    static void series(
            StringBuilder h, String name, String labels, long start, LongFunction<Number> f) {
        for (long t = start; t <= end; t += STEP) {
            double v = f.apply(t).doubleValue();
            if (!Double.isNaN(v)) {
                h.append(name)
                        .append("{job=\"history\",")
                        .append(labels)
                        .append("} ")
                        .append(v)
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
        }
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

    /** Cycles of one planner at {@code times}, in order. */
    static List<HealthSnapshot> run(EvaluationMode mode, List<Long> times, long interval) {
        try (PrometheusClient client =
                new PrometheusClient(
                        config.app().telemetry().endpoint(prometheus.url()), new QueryStats())) {
            TelemetryPlanner planner =
                    new TelemetryPlanner(config, client, mode, Clock.systemUTC());
            planner.setCycleInterval(Duration.ofSeconds(interval));
            List<HealthSnapshot> out = new ArrayList<>();
            for (long t : times) {
                HealthSnapshot s = planner.refreshAt(Instant.ofEpochSecond(t));
                assertTrue(s.errors().isEmpty(), s.errors().toString());
                out.add(s);
            }
            return out;
        }
    }

    static List<Long> times(long from, long every) {
        List<Long> out = new ArrayList<>();
        for (long t = from; t <= end; t += every) {
            out.add(t);
        }
        return out;
    }

    static String states(HealthSnapshot s) {
        return new TreeMap<>(s.nodes())
                + " "
                + new TreeMap<>(s.devices())
                + " "
                + new TreeMap<>(s.racks())
                + " "
                + s.alerts().stream()
                        .map(a -> a.check() + "/" + a.entity() + "=" + a.severity())
                        .sorted()
                        .toList();
    }

    @Test
    void theAppsSchemeEqualsTheFullRuleOnEveryCycle() {
        for (long interval : List.of(60L, 45L, 15L)) {
            List<Long> times = times(end - 50 * 60, interval);
            List<HealthSnapshot> app = run(EvaluationMode.FILTERED, times, interval);
            List<HealthSnapshot> full = run(EvaluationMode.REFERENCE, times, interval);
            Set<Severity> seen = new HashSet<>();
            for (int i = 0; i < times.size(); i++) {
                assertEquals(
                        states(full.get(i)),
                        states(app.get(i)),
                        "cycle every " + interval + " s, at end-" + (end - times.get(i)) + " s");
                seen.addAll(full.get(i).nodes().values());
            }
            assertTrue(
                    seen.containsAll(Set.of(Severity.OK, Severity.WARN, Severity.CRIT)),
                    seen.toString());
        }
    }

    @Test
    void startingMidIncidentTheAppReadsTheWindowFromHistory() {
        // 22 minutes before the end n01 has been hot for 18 minutes, n04 warm for 5
        List<Long> times = times(end - 22 * 60, 60);
        HealthSnapshot app = run(EvaluationMode.FILTERED, times.subList(0, 1), 60).get(0);
        HealthSnapshot full = run(EvaluationMode.REFERENCE, times.subList(0, 1), 60).get(0);
        assertEquals(states(full), states(app));
        assertEquals(Severity.WARN, app.node("n01"));
        assertEquals(Severity.WARN, app.node("n04"));
    }

    @Test
    void theOriginalsInProcessSchemeAgreesWhenItCyclesAtTheResolution() {
        List<Long> times = times(end - 50 * 60, STEP);
        List<HealthSnapshot> original = run(EvaluationMode.PLAIN, times, STEP);
        List<HealthSnapshot> full = run(EvaluationMode.REFERENCE, times, STEP);
        for (int i = 0; i < times.size(); i++) {
            assertEquals(
                    states(full.get(i)),
                    states(original.get(i)),
                    "at end-" + (end - times.get(i)) + " s");
        }
    }
}
