package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.CheckTrials;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.LookBack;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.ViewOptions;
import io.rackscope.desktop.ui.alerts.AlertsViewModel;
import io.rackscope.desktop.ui.room.RoomFloorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Looking back and trying out, on a real Prometheus with backfilled history: rack rk2 loses power
 * 40 minutes before the end and comes back 20 minutes later; n01 runs hot in the last 30 minutes.
 */
class LookBackIT {
    static final long STEP = 15;
    static Path dir;
    static PrometheusServer prometheus;
    static TestExporter exporter;
    static long end;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-lookback-it");
        ConfigFixture.write(
                dir.resolve("app.yaml"),
                "telemetry: {scrape_interval_seconds: 15}\nrefresh: {room_state_seconds: 60}\n");
        StringBuilder racks = new StringBuilder();
        for (int r = 1; r <= 2; r++) {
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
        // on the minute, so that moments a whole number of minutes back are on the look-back step
        end = Instant.now().getEpochSecond() / 60 * 60 - 60;
        long start = end - 3600;
        StringBuilder h = new StringBuilder("# TYPE up gauge\n");
        for (int n = 1; n <= 8; n++) {
            boolean inRk2 = n > 4;
            series(h, "up", "n%02d".formatted(n), start, t -> inRk2 && in(t, 40, 20) ? 0 : 1);
        }
        h.append("# TYPE temp_celsius gauge\n");
        for (int n = 1; n <= 8; n++) {
            boolean hot = n == 1;
            series(
                    h,
                    "temp_celsius",
                    "n%02d".formatted(n),
                    start,
                    t -> hot && in(t, 30, 0) ? 81 : 40);
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

    static boolean in(long t, double fromMin, double toMin) {
        return t >= end - fromMin * 60 && t < end - toMin * 60;
    }

    static void series(
            StringBuilder h, String name, String instance, long start, LongFunction<Number> f) {
        for (long t = start; t <= end; t += STEP) {
            h.append(name)
                    .append("{job=\"history\",instance=\"")
                    .append(instance)
                    .append("\"} ")
                    .append(f.apply(t).doubleValue())
                    .append(' ')
                    .append(t)
                    .append('\n');
        }
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static JsonNode snapshotAt(long minutesBeforeEnd) throws Exception {
        CliRun r =
                run(
                        "snapshot",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--json",
                        "--at",
                        Instant.ofEpochSecond(end - minutesBeforeEnd * 60).toString());
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void theEstateAtAMomentInsideTheOutageShowsTheRackDownAndBeforeAndAfterNot() throws Exception {
        JsonNode during = snapshotAt(30);
        assertEquals("CRIT", during.get("racks").get("rk2").asText());
        assertEquals("OK", during.get("racks").get("rk1").asText());
        assertEquals("CRIT", during.get("nodes").get("n05").asText());
        assertEquals(
                Instant.ofEpochSecond(end - 1800).toString(),
                during.get("at").asText(),
                "the snapshot says which moment it shows");
        for (long minutes : List.of(50L, 10L)) {
            JsonNode calm = snapshotAt(minutes);
            assertEquals("OK", calm.get("racks").get("rk2").asText(), minutes + " min before");
            assertEquals(0, calm.get("alerts").size());
        }
    }

    @Test
    void aCheckTriedBeforeSavingFindsExactlyThePlantedTargets() throws Exception {
        Path file = dir.resolve("trial/hot.yaml");
        ConfigFixture.write(
                file,
                """
                        checks:
                          - id: hot_node
                            expr: temp_celsius{instance=~"$instances"}
                            for: 5m
                            rules: [{op: ">", value: 75, severity: WARN}]
                        """);
        CliRun r =
                run(
                        "check-test",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--check",
                        file.toString(),
                        "--at",
                        Instant.ofEpochSecond(end - 600).toString(),
                        "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(false, doc.get("listed_by_templates").asBoolean());
        assertEquals(8, doc.get("targets").asInt(), "every node, since no template lists it");
        Set<String> warn = new HashSet<>();
        doc.get("rows")
                .forEach(
                        row -> {
                            if (row.get("state").asText().equals("WARN")) {
                                warn.add(row.get("entity").asText());
                            }
                        });
        assertEquals(Set.of("n01"), warn);
        assertEquals(7, doc.get("totals").get("OK").asInt());
        assertTrue(doc.get("queries_sent").asLong() > 0);
        assertTrue(doc.get("engine_seconds").asDouble() >= 0, r.out());
        // two minutes into the heat, for: 5m has not held yet
        CliRun early =
                run(
                        "check-test",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--check",
                        file.toString(),
                        "--at",
                        Instant.ofEpochSecond(end - 28 * 60).toString());
        assertEquals(0, early.code(), early.err());
        assertTrue(early.out().contains("(every target OK"), early.out());
    }

    @Test
    void aBrokenExpressionIsNamedWithItsFileAndLine() throws Exception {
        Path file = dir.resolve("trial/broken.yaml");
        ConfigFixture.write(
                file,
                """
                        checks:
                          - id: fine
                            expr: up{instance=~"$instances"}
                            rules: [{op: "==", value: 0, severity: CRIT}]
                          - id: broken
                            expr: sum by (instance (up{instance=~"$instances"})
                            rules: [{op: "==", value: 0, severity: CRIT}]
                        """);
        CliRun r =
                run(
                        "check-test",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--check",
                        file + "#broken");
        assertEquals(1, r.code(), r.out());
        // the expression's own line and column, once, and no table of targets
        assertTrue(r.err().contains("broken.yaml:6:"), r.err());
        assertTrue(r.err().contains(": check 'broken': parse error: "), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("broken")).count(), r.err());
        assertEquals("", r.out());
        CliRun which =
                run(
                        "check-test",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--check",
                        file.toString());
        assertEquals(1, which.code());
        assertTrue(which.err().contains("holds 2 checks; name one"), which.err());
    }

    /** Runs FX work from {@code fx} until {@code done}, waiting at most 30 s. */
    static void runUntil(LinkedBlockingQueue<Runnable> fx, BooleanSupplier done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            Runnable r = fx.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("nothing came from the feed within 30 s");
            }
            r.run();
        }
    }

    @Test
    void theFloorLookedBackOnShowsTheOutageAndAgreesWithSnapshotAtWithoutAnnouncingIt()
            throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        Clock clock = Clock.systemUTC();
        try (PrometheusRouter router =
                        new PrometheusRouter(cfg, prometheus.url(), new QueryStats());
                HealthFeed feed =
                        new HealthFeed(
                                null,
                                new LookBack(
                                        cfg,
                                        router,
                                        EvaluationMode.FILTERED,
                                        clock,
                                        Duration.ofSeconds(60),
                                        Duration.ofHours(24),
                                        60),
                                fx::add)) {
            Room room = cfg.topology().sites().get(0).rooms().get(0);
            RoomFloorViewModel floor =
                    new RoomFloorViewModel(
                            cfg, room, feed, new NavigationModel(), new ViewOptions(), null, clock);
            AlertsViewModel alerts =
                    new AlertsViewModel(
                            cfg, new Locator(cfg.topology()), feed, new NavigationModel(), clock);
            List<Object> announced = new ArrayList<>();
            alerts.setOnNewIncidents(announced::add);
            for (long minutes : List.of(50L, 30L, 10L)) {
                Instant at = Instant.ofEpochSecond(end - minutes * 60);
                feed.lookAt(at);
                runUntil(fx, () -> at.equals(feed.viewing()));
                String expected = snapshotAt(minutes).get("racks").get("rk2").asText();
                assertEquals(
                        minutes == 30 ? "CRIT" : "OK",
                        floor.rack("rk2").get().severity().name(),
                        minutes + " min before the end");
                assertEquals(
                        expected, floor.rack("rk2").get().severity().name(), "as snapshot --at");
            }
            // the moment inside the outage again: kept, shown without asking
            long asked = router.stats().queryCount();
            Instant inside = Instant.ofEpochSecond(end - 30 * 60);
            feed.lookAt(inside);
            runUntil(fx, () -> inside.equals(feed.viewing()));
            assertEquals(asked, router.stats().queryCount());
            assertEquals(List.of(), announced, "nothing announced while looking back");
            floor.dispose();
            alerts.dispose();
        }
    }

    @Test
    void aPastedCheckWithABrokenExpressionIsNamedPastedWithItsLine() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        try (PrometheusRouter router =
                        new PrometheusRouter(cfg, prometheus.url(), new QueryStats());
                CheckTrials trials = new CheckTrials(cfg, router)) {
            CheckTrials.Trial t =
                    trials.tryText(
                                    """
                                    checks:
                                      - id: broken
                                        name: Broken
                                        expr: sum by (instance (up{instance=~"$instances"})
                                        rules: [{op: "==", value: 0, severity: CRIT}]
                                    """,
                                    Instant.ofEpochSecond(end - 600))
                            .get(60, TimeUnit.SECONDS);
            // one error, at the expression's line and the column of the "(" that breaks it
            assertEquals(1, t.problems().size(), t.problems().toString());
            assertTrue(
                    t.problems()
                            .get(0)
                            .startsWith("error: pasted:4:28: check 'broken': parse error"),
                    t.problems().toString());
            assertEquals(null, t.result(), "nothing tried: no table, no preview");
            CheckTrials.Trial hot =
                    trials.tryText(
                                    """
                                    checks:
                                      - id: hot
                                        expr: temp_celsius{instance=~"$instances"}
                                        rules: [{op: ">", value: 75, severity: WARN}]
                                    """,
                                    Instant.ofEpochSecond(end - 600))
                            .get(60, TimeUnit.SECONDS);
            assertEquals(List.of(), hot.problems());
            assertEquals(1, hot.result().totals().get(Severity.WARN));
        }
    }

    @Test
    void anAlertsStartComesFromHistoryRightAfterAStartNotFromWhenTheAppSawIt() throws Exception {
        Path hot = Files.createTempDirectory("rackscope-since-it");
        for (String f : List.of("app.yaml", "topology.yaml")) {
            Files.copy(dir.resolve(f), hot.resolve(f));
        }
        ConfigFixture.write(
                hot.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: [hot]}\n");
        ConfigFixture.write(
                hot.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: hot
                    expr: temp_celsius{instance=~"$instances"}
                    rules: [{op: ">", value: 75, severity: WARN}]
                """);
        RackscopeConfig cfg = new ConfigLoader().load(hot);
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        long truth = end - 30 * 60;
        try (PrometheusRouter router =
                        new PrometheusRouter(cfg, prometheus.url(), new QueryStats());
                // the app starts a minute before the history ends, n01 hot for 29 minutes by then
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                cfg,
                                router,
                                EvaluationMode.FILTERED,
                                Clock.fixed(Instant.ofEpochSecond(end - 60), ZoneOffset.UTC));
                HealthFeed feed = new HealthFeed(planner, null, fx::add, new AlertTracker())) {
            feed.refreshNow();
            runUntil(
                    fx,
                    () ->
                            feed.current().alerts().size() == 1
                                    && feed.current().alerts().get(0).since() != null
                                    && feed.current().alerts().get(0).since().getEpochSecond()
                                            < end - 600);
            Instant since = feed.current().alerts().get(0).since();
            assertEquals("n01", feed.current().alerts().get(0).entity());
            assertTrue(
                    Math.abs(since.getEpochSecond() - truth) <= STEP,
                    "n01 runs hot from " + Instant.ofEpochSecond(truth) + ", found " + since);
            Instant incidentSince = feed.current().incidents().get(0).since();
            assertEquals(since, incidentSince, "the incident starts with its alert");
        }
        CliRun r =
                run(
                        "snapshot",
                        "--config",
                        hot.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--json",
                        "--at",
                        Instant.ofEpochSecond(end - 60).toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        long since = doc.get("alerts").get(0).get("since").asLong();
        assertTrue(Math.abs(since - truth) <= STEP, "snapshot --json since " + since);
        assertEquals(since, doc.get("incidents").get(0).get("since").asLong());
        assertEquals(
                doc.get("incidents").get(0).get("id").asText(),
                doc.get("alerts").get(0).get("incident").asText());
    }
}
