package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.LocalPrometheus;
import io.rackscope.desktop.simulator.MetricsExporter;
import io.rackscope.desktop.simulator.Scenario;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.MetricsService;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.FxThread;
import io.rackscope.desktop.ui.room.RackStatus;
import io.rackscope.desktop.ui.room.RoomFloorViewModel;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled configuration, the simulator with one event of each kind (most started in the
 * backfilled past), a real Prometheus, and the planner: each event shows up as the state it intends
 * and nothing else fails.
 */
class SimulatorIT {
    static final String SCENARIO =
            """
            name: every event kind
            events:
              - {event: node_down, target: cn0165, at: -20m}
              - {event: target_silent, target: cn0565, at: -20m}
              - {event: rack_power_loss, target: fra1-a01-r05, at: -20m}
              - {event: hot_aisle, target: ams1/dh1/d02, severity: WARN, at: -30m}
              - {event: flapping, target: cn0865, at: -20m, period: 1h}
              - {event: flapping, target: cn0866, at: -80m, period: 1h}
              - {event: degradation, target: cn0300, metric: node_temperature_celsius, severity: CRIT, at: -30m, over: 10m}
              - {event: node_down, target: cn0001, at: -20m, for: 10m}
            """;
    static RackscopeConfig config;
    static MetricsExporter exporter;
    static LocalPrometheus prometheus;
    static Instant started;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        PrometheusServer.requireBinary("promtool");
        config = new ConfigLoader().load(Path.of("config"));
        Path scenarioFile = Files.createTempFile("scenario", ".yaml");
        Files.writeString(scenarioFile, SCENARIO);
        Diagnostics d = new Diagnostics();
        Scenario scenario = Scenario.read(scenarioFile, d);
        assertEquals(0, d.errors().size(), d.errors().toString());
        Instant now = Instant.now();
        started = now;
        EstateSimulator sim = new EstateSimulator(config, scenario, 7, now);
        Path history = Files.createTempFile("history", ".om");
        try (Writer w = Files.newBufferedWriter(history)) {
            sim.writeHistory(
                    now.minus(Duration.ofMinutes(60)),
                    now.minusSeconds(30),
                    Duration.ofSeconds(30),
                    w);
        }
        exporter = new MetricsExporter(sim, "127.0.0.1", 0, Clock.systemUTC());
        prometheus = LocalPrometheus.prepare(history);
        Files.delete(history);
        Files.delete(scenarioFile);
        prometheus.start(exporter.address(), 1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    static HealthSnapshot cycle() {
        try (PrometheusClient client =
                new PrometheusClient(
                        config.app().telemetry().endpoint(prometheus.url()), new QueryStats())) {
            return new TelemetryPlanner(config, client, EvaluationMode.FILTERED, Clock.systemUTC())
                    .refresh();
        }
    }

    static List<Series> ask(PrometheusClient client, String promql) {
        try {
            return client.query(promql).get().series();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(promql, e);
        }
    }

    @Test
    void aNodeWithoutASampleSaysSinceWhenItHadOne() throws Exception {
        try (PrometheusClient client =
                        new PrometheusClient(
                                config.app().telemetry().endpoint(prometheus.url()),
                                new QueryStats());
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                config, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
            Map<String, Instant> last =
                    planner.lastSampleAt(
                                    config.checks().get("node_temperature"),
                                    List.of("cn0565", "cn0002"),
                                    Instant.now(),
                                    Duration.ofHours(24))
                            .get();
            // the exporter of cn0565 went silent 20 minutes before the start (history: 30 s apart)
            Duration off =
                    Duration.between(started.minus(Duration.ofMinutes(20)), last.get("cn0565"));
            assertTrue(off.abs().compareTo(Duration.ofMinutes(2)) <= 0, "cn0565 last at " + last);
            assertTrue(
                    Duration.between(last.get("cn0002"), Instant.now())
                                    .compareTo(Duration.ofMinutes(2))
                            <= 0,
                    "cn0002 has samples now: " + last);
        }
    }

    @Test
    void liveSamplesExtendTheBackfilledSeriesAndTheNetworkCountersAreServed() throws Exception {
        try (PrometheusClient client =
                new PrometheusClient(
                        config.app().telemetry().endpoint(prometheus.url()), new QueryStats())) {
            PrometheusServer.waitFor(
                    () -> !ask(client, "scrape_samples_scraped > 0").isEmpty(),
                    Duration.ofSeconds(30),
                    "a scrape");
            // history ends 30 s ago: within the 5 min look-back both would count if they differed
            assertEquals(
                    1.0,
                    client.query("count(node_power_watts{instance=\"cn0002\"})")
                            .get()
                            .series()
                            .get(0)
                            .value(),
                    "one series, history and live alike");
            Rack rack = config.topology().rack("fra1-a01-r01").orElseThrow();
            assertEquals(
                    Set.of(),
                    client
                            .query("pdu_power_watts{rack_id=\"" + rack.id() + "\"}")
                            .get()
                            .series()
                            .stream()
                            .flatMap(x -> x.labels().keySet().stream())
                            .filter(l -> l.equals("job") || l.equals("instance"))
                            .collect(Collectors.toSet()),
                    "a rack's series carry neither the scrape's job nor the target's address");
            assertEquals(
                    "node",
                    ask(client, "up{instance=\"cn0002\"}").get(0).label("job"),
                    "a series' own job stays (the bundled node check matches it)");
            PrometheusServer.waitFor(
                    () -> {
                        var r =
                                ask(
                                        client,
                                        "sum(rate(node_network_receive_bytes_total"
                                                + "{instance=\"cn0002\"}[5m]))");
                        return !r.isEmpty() && r.get(0).value() > 0;
                    },
                    Duration.ofSeconds(30),
                    "the network receive rate the bundled definitions chart");
        }
    }

    @Test
    void everyEventShowsAsTheStateItIntendsAndNothingElseFails() throws Exception {
        Map<String, Severity> expected = new TreeMap<>();
        expected.put("cn0165", Severity.CRIT);
        expected.put("cn0565", Severity.UNKNOWN);
        expected.put("cn0865", Severity.CRIT);
        expected.put("cn0300", Severity.CRIT);
        Rack powerless = config.topology().rack("fra1-a01-r05").orElseThrow();
        powerless
                .devices()
                .forEach(
                        dev ->
                                dev.instances()
                                        .forEach(s -> expected.put(s.instanceId(), Severity.CRIT)));
        config.topology()
                .aisle("ams1", "dh1", "d02")
                .orElseThrow()
                .racks()
                .forEach(
                        r ->
                                r.devices()
                                        .forEach(
                                                dev ->
                                                        dev.instances()
                                                                .forEach(
                                                                        s -> {
                                                                            if (config
                                                                                    .checksFor(dev)
                                                                                    .stream()
                                                                                    .anyMatch(
                                                                                            c ->
                                                                                                    c.id().equals(
                                                                                                                            "node_temperature")
                                                                                                            || c.id().equals(
                                                                                                                            "gpu_temperature"))) {
                                                                                expected.put(
                                                                                        s
                                                                                                .instanceId(),
                                                                                        Severity
                                                                                                .WARN);
                                                                            }
                                                                        })));
        AtomicReference<HealthSnapshot> last = new AtomicReference<>();
        AtomicReference<Map<String, Severity>> failing = new AtomicReference<>();
        PrometheusServer.waitFor(
                () -> {
                    HealthSnapshot s = cycle();
                    last.set(s);
                    Map<String, Severity> notOk = new TreeMap<>();
                    s.nodes()
                            .forEach(
                                    (id, sev) -> {
                                        if (sev != Severity.OK) {
                                            notOk.put(id, sev);
                                        }
                                    });
                    failing.set(notOk);
                    return notOk.equals(expected);
                },
                Duration.ofSeconds(40),
                "states as the scenario intends");
        HealthSnapshot s = last.get();
        assertEquals(Severity.CRIT, s.rack("fra1-a01-r05"), "the rack that lost power");
        assertEquals(Severity.OK, s.node("cn0866"), "a flapping node in its up half");
        assertEquals(Severity.OK, s.node("cn0001"), "a node whose outage ended");
        config.topology()
                .aisle("ams1", "dh1", "d02")
                .orElseThrow()
                .racks()
                .forEach(
                        r ->
                                assertEquals(
                                        Severity.WARN, s.rack(r.id()), "hot aisle rack " + r.id()));
        assertTrue(s.errors().isEmpty(), s.errors().toString());
        assertEquals(Severity.CRIT, s.sites().get("fra1"));
    }

    @Test
    void roomColouredByInletTemperatureBandsTheHotAisleByTheMetricsThresholds() throws Exception {
        ViewRenderer.startToolkit();
        try (PrometheusClient client =
                new PrometheusClient(
                        config.app().telemetry().endpoint(prometheus.url()), new QueryStats())) {
            HealthFeed feed = new HealthFeed(null, Runnable::run);
            AppContext ctx =
                    new AppContext(
                            config,
                            feed,
                            new MetricsService(client, config.app())::range,
                            null,
                            Clock.systemUTC());
            feed.publish(cycle());
            Room room = config.topology().room("ams1", "dh1").orElseThrow();
            RoomFloorViewModel model =
                    FxThread.call(
                            () -> {
                                RoomFloorViewModel m =
                                        new RoomFloorViewModel(
                                                config,
                                                room,
                                                ctx.health(),
                                                ctx.navigation(),
                                                ctx.options(),
                                                ctx.charts(),
                                                ctx.clock());
                                m.colourByProperty()
                                        .set(config.metric("rack_inlet_temperature").orElseThrow());
                                return m;
                            });
            PrometheusServer.waitFor(
                    () ->
                            room.racks()
                                    .allMatch(
                                            r -> {
                                                try {
                                                    return !FxThread.call(
                                                                    () ->
                                                                            model.rack(r.id())
                                                                                    .get()
                                                                                    .label())
                                                            .isEmpty();
                                                } catch (Exception e) {
                                                    return false;
                                                }
                                            }),
                    Duration.ofSeconds(20),
                    "every rack's inlet temperature fetched");
            for (Rack r : room.racks().toList()) {
                RackStatus st = FxThread.call(() -> model.rack(r.id()).get());
                Severity expected = r.aisleId().equals("d02") ? Severity.WARN : Severity.OK;
                assertEquals(expected, st.severity(), r.id() + " at " + st.label() + " degrees");
            }
        }
    }
}
