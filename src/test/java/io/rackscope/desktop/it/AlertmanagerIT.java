package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.Stores;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.live.HandlingBridge;
import io.rackscope.desktop.live.LiveLoop;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acknowledgements and maintenances as silences of a real Alertmanager, single and clustered, over
 * the {@link FailingEstate} on a real Prometheus.
 */
class AlertmanagerIT {
    static FailingEstate estate;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary(AlertmanagerServer.BINARY);
        estate = FailingEstate.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (estate != null) {
            estate.close();
        }
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static JsonNode snapshot(String alertmanager) throws Exception {
        CliRun r =
                run(
                        "snapshot",
                        "--config",
                        estate.dir.toString(),
                        "--prometheus",
                        estate.prometheus.url(),
                        "--alertmanager",
                        alertmanager,
                        "--json");
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    static List<String> entities(JsonNode doc) {
        return StreamSupport.stream(doc.get("alerts").spliterator(), false)
                .map(a -> a.get("entity").asText())
                .sorted()
                .toList();
    }

    /** One live health cycle of the estate, as the window's planner would run it. */
    static HealthSnapshot cycle(RackscopeConfig cfg) {
        try (PrometheusRouter router =
                        new PrometheusRouter(cfg, estate.prometheus.url(), new QueryStats());
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                cfg, router, EvaluationMode.FILTERED, Clock.systemUTC())) {
            return planner.refresh();
        }
    }

    static Alert alertOf(HealthSnapshot s, String entity) {
        return s.alerts().stream().filter(a -> a.entity().equals(entity)).findFirst().orElseThrow();
    }

    static JsonNode alert(JsonNode doc, String entity) {
        for (JsonNode a : doc.get("alerts")) {
            if (a.get("entity").asText().equals(entity)) {
                return a;
            }
        }
        return null;
    }

    @Test
    void aMaintenanceHidesARackAndASilenceMadeElsewhereBadgesANodeAndAnAckNamesItsAuthor()
            throws Exception {
        try (AlertmanagerServer am = AlertmanagerServer.start()) {
            assertEquals(
                    List.of("n01", "n03", "n05", "n06", "n07", "n08"),
                    entities(snapshot(am.url())));
            CliRun add =
                    run(
                            "maintenance",
                            "add",
                            "--config",
                            estate.dir.toString(),
                            "--alertmanager",
                            am.url(),
                            "--target",
                            "rack:rk2",
                            "--reason",
                            "PSU swap",
                            "--effect",
                            "hide",
                            "--duration",
                            "2h",
                            "--by",
                            "alice");
            assertEquals(0, add.code(), add.err());
            String id = add.out().trim();
            JsonNode hidden = snapshot(am.url());
            assertEquals(List.of("n01", "n03"), entities(hidden), "the rack's nodes are hidden");
            assertEquals(4, hidden.get("handling").get("hidden_alerts").asInt());
            assertTrue(
                    StreamSupport.stream(hidden.get("incidents").spliterator(), false)
                            .noneMatch(i -> i.get("place").asText().equals("rack:rk2")));
            CliRun list =
                    run(
                            "maintenance",
                            "list",
                            "--config",
                            estate.dir.toString(),
                            "--alertmanager",
                            am.url(),
                            "--json");
            assertEquals(0, list.code(), list.err());
            JsonNode m = new ObjectMapper().readTree(list.out()).get("maintenances").get(0);
            assertEquals(id, m.get("id").asText());
            assertEquals("rack:rk2", m.get("target").asText());
            assertEquals("hide", m.get("effect").asText());
            assertEquals("PSU swap", m.get("reason").asText());
            assertEquals("ACTIVE", m.get("status").asText());
            // someone else silences n01 in Alertmanager itself
            String body =
                    """
                    {"matchers": [{"name": "instance", "value": "n01", "isRegex": false, "isEqual": true}],
                     "startsAt": "%s", "endsAt": "%s", "createdBy": "bob", "comment": "disk swap"}
                    """
                            .formatted(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
            HttpResponse<String> posted =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(am.url() + "/api/v2/silences"))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, posted.statusCode(), posted.body());
            CliRun ack =
                    run(
                            "ack",
                            "--config",
                            estate.dir.toString(),
                            "--alertmanager",
                            am.url(),
                            "--prometheus",
                            estate.prometheus.url(),
                            "--alert",
                            "n03/node_up",
                            "--note",
                            "on it",
                            "--by",
                            "carol");
            assertEquals(0, ack.code(), ack.err());
            JsonNode handled = snapshot(am.url());
            JsonNode n01 = alert(handled, "n01");
            assertEquals("disk swap", n01.get("maintenance").get("reason").asText());
            assertEquals("badge", n01.get("maintenance").get("effect").asText());
            JsonNode n03 = alert(handled, "n03");
            assertEquals("carol", n03.get("ack").get("by").asText());
            assertEquals("on it", n03.get("ack").get("note").asText());
            assertFalse(n03.has("maintenance"));
            CliRun ended =
                    run(
                            "maintenance",
                            "end",
                            "--config",
                            estate.dir.toString(),
                            "--alertmanager",
                            am.url(),
                            id);
            assertEquals(0, ended.code(), ended.err());
            assertEquals(
                    List.of("n01", "n03", "n05", "n06", "n07", "n08"),
                    entities(snapshot(am.url())),
                    "the rack is back once its maintenance ended");
        }
    }

    @Test
    void aColleaguesAcknowledgementShowsOnAnotherDeskWithoutWaitingForACycle() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(estate.dir);
        try (AlertmanagerServer first = AlertmanagerServer.start();
                AlertmanagerServer second = AlertmanagerServer.start(first)) {
            HealthSnapshot s = cycle(cfg);
            Alert n01 = alertOf(s, "n01");
            AtomicReference<HealthSnapshot> wallShown = new AtomicReference<>();
            LiveLoop deskLoop = new LiveLoop(null, new AlertTracker(), shown -> {});
            LiveLoop wallLoop = new LiveLoop(null, new AlertTracker(), wallShown::set);
            Duration every = Duration.ofSeconds(cfg.app().alerts().handlingRefreshSeconds());
            try (HandlingBridge desk =
                            new HandlingBridge(
                                    Stores.service(cfg, first.url(), Clock.systemUTC()),
                                    deskLoop,
                                    every);
                    HandlingBridge wall =
                            new HandlingBridge(
                                    Stores.service(cfg, second.url(), Clock.systemUTC()),
                                    wallLoop,
                                    every)) {
                deskLoop.publish(s);
                wallLoop.publish(s);
                long t0 = System.nanoTime();
                desk.acknowledge(n01, "dave", "rebooting", null).get(15, TimeUnit.SECONDS);
                // no health cycle runs: the wall's handling loop alone brings it
                PrometheusServer.waitFor(
                        () ->
                                wallShown.get().handling().alert(alertOf(wallShown.get(), "n01"))
                                        != null,
                        Duration.ofSeconds(15),
                        "the acknowledgement on the other desk");
                System.out.printf(
                        "desk to desk through two clustered Alertmanagers: %d ms%n",
                        (System.nanoTime() - t0) / 1_000_000);
                assertEquals(
                        "dave",
                        wallShown.get().handling().alert(alertOf(wallShown.get(), "n01")).by());
            }
        }
    }

    @Test
    void lookingBackShowsAnAcknowledgementThatAlertmanagerHasSinceExpired() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(estate.dir);
        try (AlertmanagerServer am = AlertmanagerServer.start()) {
            HealthSnapshot s = cycle(cfg);
            HandlingService desk = Stores.service(cfg, am.url(), Clock.systemUTC());
            Alert n01 = alertOf(s, "n01");
            Silence ack = desk.acknowledge(n01, "dave", "rebooting", null);
            Instant during = Instant.now();
            // Alertmanager's times are to the millisecond: end it a moment later
            PrometheusServer.waitFor(
                    () -> Instant.now().isAfter(during.plusMillis(50)),
                    Duration.ofSeconds(5),
                    "a moment to pass");
            desk.end(ack.id());
            HandlingService wall = Stores.service(cfg, am.url(), Clock.systemUTC());
            wall.refresh();
            assertEquals(
                    null, wall.apply(s, Instant.now(), false).handling().alert(n01), "ended now");
            Handled then = wall.apply(s, during, false).handling().alert(n01);
            assertNotNull(then, "looking back at a moment it held, it shows, though expired since");
            assertEquals("dave", then.by());
        }
    }

    @Test
    void anAckMadeThroughOneAlertmanagerReachesAnAppOnItsPeerAndEndsWhenTheAlertClears()
            throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(estate.dir);
        try (AlertmanagerServer first = AlertmanagerServer.start();
                AlertmanagerServer second = AlertmanagerServer.start(first)) {
            HealthSnapshot s = cycle(cfg);
            HandlingService desk = Stores.service(cfg, first.url(), Clock.systemUTC());
            HandlingService wall = Stores.service(cfg, second.url(), Clock.systemUTC());
            Alert n01 = alertOf(s, "n01");
            Silence ack = desk.acknowledge(n01, "dave", "rebooting", null);
            assertFalse(ack.id().startsWith("pending-"), desk.problem().orElse(""));
            long t0 = System.nanoTime();
            PrometheusServer.waitFor(
                    () -> {
                        wall.refresh();
                        return wall.silences().stream().anyMatch(x -> x.id().equals(ack.id()));
                    },
                    Duration.ofSeconds(15),
                    "the acknowledgement reaches the other Alertmanager");
            System.out.printf(
                    "acknowledgement seen through the peer after %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
            Handled seen = wall.apply(s, Instant.now(), false).handling().alert(n01);
            assertNotNull(seen, "the wall display shows it handled");
            assertEquals("dave", seen.by());
            assertTrue(seen.acknowledged());
            // n01 clears: the desk that watches it ends the acknowledgement for everyone
            List<Alert> without = new ArrayList<>(s.alerts());
            without.removeIf(a -> a.entity().equals("n01"));
            desk.apply(s.withTracking(without, List.of()), Instant.now(), true);
            // the window's handling thread sends it at its next read of the store
            desk.refresh();
            PrometheusServer.waitFor(
                    () -> {
                        wall.refresh();
                        return wall.silences().stream()
                                .filter(x -> x.id().equals(ack.id()))
                                .allMatch(x -> x.status(Instant.now()) == Silence.Status.EXPIRED);
                    },
                    Duration.ofSeconds(15),
                    "the ended acknowledgement reaches the other Alertmanager");
            assertEquals(null, wall.apply(s, Instant.now(), false).handling().alert(n01));
        }
    }

    @Test
    void anAcknowledgementTypedWhileAlertmanagerIsDownIsKeptAndSentWhenItIsBack() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(estate.dir);
        try (AlertmanagerServer am = AlertmanagerServer.start()) {
            HealthSnapshot s = cycle(cfg);
            HandlingService desk = Stores.service(cfg, am.url(), Clock.systemUTC());
            Alert n03 = alertOf(s, "n03");
            desk.refresh();
            am.stop();
            Silence pending = desk.acknowledge(n03, "erin", "on my way", null);
            assertTrue(pending.id().startsWith("pending-"));
            Handled shown = desk.apply(s, Instant.now(), false).handling().alert(n03);
            assertTrue(shown.pending(), "shown as handled, not yet kept");
            assertTrue(
                    desk.problem().orElseThrow().contains("is not reachable"),
                    desk.problem().orElse(""));
            am.restart();
            desk.refresh();
            assertTrue(desk.problem().isEmpty(), desk.problem().orElse(""));
            assertTrue(
                    desk.silences().stream()
                            .anyMatch(x -> x.kind() == Silence.Kind.ACK && x.by().equals("erin")),
                    "sent once Alertmanager is back: " + desk.silences());
            assertFalse(desk.apply(s, Instant.now(), false).handling().alert(n03).pending());
        }
    }

    @Test
    void anAcknowledgementTypedWhileOnePeerIsDownGoesToTheOtherAndNoneIsLost() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(estate.dir);
        try (AlertmanagerServer a = AlertmanagerServer.start();
                AlertmanagerServer b = AlertmanagerServer.start(a)) {
            HealthSnapshot s = cycle(cfg);
            HandlingService desk = Stores.service(cfg, a.url() + "," + b.url(), Clock.systemUTC());
            desk.refresh();
            a.stop();
            Silence sent = desk.acknowledge(alertOf(s, "n03"), "erin", "on my way", null);
            assertFalse(sent.id().startsWith("pending-"), "taken by the other peer at once");
            assertTrue(desk.problem().isEmpty(), desk.problem().orElse(""));
            assertTrue(desk.source().contains(b.url()), desk.source());
            // the peer that was down comes back and learns it from the cluster: none is lost
            a.restart();
            HandlingService other = Stores.service(cfg, a.url(), Clock.systemUTC());
            PrometheusServer.waitFor(
                    () -> {
                        other.refresh();
                        return other.silences().stream()
                                .anyMatch(
                                        x -> x.kind() == Silence.Kind.ACK && x.by().equals("erin"));
                    },
                    Duration.ofSeconds(30),
                    "the acknowledgement gossiped back to the peer that was down");
        }
    }

    @Test
    void silencesAlertmanagerLostWithItsDataAreMadeAgainAndSaid() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(estate.dir);
        try (AlertmanagerServer am = AlertmanagerServer.start()) {
            HealthSnapshot s = cycle(cfg);
            HandlingService desk = Stores.service(cfg, am.url(), Clock.systemUTC());
            desk.refresh();
            Silence ack = desk.acknowledge(alertOf(s, "n03"), "erin", "on my way", null);
            assertFalse(ack.id().startsWith("pending-"), desk.problem().orElse(""));
            desk.maintain(
                    new Target(Target.Type.INSTANCE, "n01"),
                    "disk swap",
                    Silence.Effect.BADGE,
                    null,
                    Instant.now().plusSeconds(3600),
                    "bob");
            desk.refresh();
            am.wipe();
            assertTrue(desk.refresh());
            String said = desk.problem().orElseThrow();
            assertTrue(said.contains(" lost 2 silences in force"), said);
            HandlingService other = Stores.service(cfg, am.url(), Clock.systemUTC());
            other.refresh();
            assertEquals(
                    java.util.Set.of("on my way", "disk swap"),
                    other.silences().stream()
                            .filter(x -> x.status(Instant.now()) == Silence.Status.ACTIVE)
                            .map(Silence::text)
                            .collect(java.util.stream.Collectors.toSet()),
                    "back in Alertmanager, for every desk");
            assertTrue(
                    other.apply(s, Instant.now(), false).handling().alert(alertOf(s, "n03"))
                            != null,
                    "the acknowledgement holds again");
        }
    }
}
