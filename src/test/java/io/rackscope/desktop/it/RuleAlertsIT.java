package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.Stores;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site's own alerting rules on a real Prometheus (a rule file evaluated every second), read by
 * the planner from {@code ALERTS}: a firing rule colours the node it names, with its own name,
 * severity and source, joins the alerts and the incidents; a rule on a rack label colours the rack;
 * a pending one is listed as pending without colouring; one whose labels name nothing here is
 * listed as not placed; and a cycle at a past moment shows a rule alert that has since resolved.
 */
class RuleAlertsIT {
    static final String RULES =
            """
            groups:
              - name: site
                rules:
                  - alert: NodeHot
                    expr: temp_celsius > 75
                    labels: {severity: critical}
                  - alert: DoorOpen
                    expr: rack_door_open == 1
                    labels: {severity: warning}
                  - alert: GhostDisk
                    expr: disk_failed == 1
                    labels: {severity: warning}
                  - alert: MemorySlowBurn
                    expr: memory_pressure_percent > 90
                    for: 1h
                    labels: {severity: critical}
            """;
    static Path dir;
    static RackscopeConfig config;
    static TestExporter exporter;
    static PrometheusServer prometheus;
    static AlertmanagerServer alertmanager;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-rules-it");
        config =
                ConfigFixture.sixNodes(
                        dir,
                        """
                        telemetry: {scrape_interval_seconds: 1}
                        alerts:
                          sources:
                            prometheus_rules: {enabled: true}
                        """,
                        """
                        checks:
                          - id: node_up
                            expr: node_ok{instance=~"$instances"}
                            rules: [{op: "==", value: 0, severity: CRIT}]
                          - id: temp
                            expr: temp_celsius{instance=~"$instances"}
                            rules: [{op: ">", value: 200, severity: WARN}]
                          - id: mem
                            expr: memory_pressure_percent{instance=~"$instances"}
                            rules: [{op: ">", value: 99, severity: WARN}]
                        """);
        exporter = new TestExporter();
        exporter.set(metrics(true));
        alertmanager = AlertmanagerServer.start();
        prometheus = PrometheusServer.withRules(exporter.address(), RULES, alertmanager.url());
        prometheus.awaitSample("ALERTS{alertname=\"NodeHot\",alertstate=\"firing\"}");
        prometheus.awaitSample("ALERTS{alertname=\"GhostDisk\"}");
        prometheus.awaitSample("ALERTS{alertname=\"MemorySlowBurn\"}");
        prometheus.awaitSample("ALERTS{alertname=\"DoorOpen\"}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    /** Every node up; n01 hot while {@code hot}; n04's memory high; rack rk's door open. */
    static String metrics(boolean hot) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            String n = "n%02d".formatted(i);
            b.append("node_ok{instance=\"").append(n).append("\"} 1\n");
            b.append("temp_celsius{instance=\"")
                    .append(n)
                    .append("\"} ")
                    .append(hot && i == 1 ? 80 : 40)
                    .append('\n');
            b.append("memory_pressure_percent{instance=\"")
                    .append(n)
                    .append("\"} ")
                    .append(i == 4 ? 95 : 50)
                    .append('\n');
        }
        b.append("rack_door_open{rack_id=\"rk\"} 1\n");
        b.append("disk_failed{hostname=\"ghost\",disk=\"sdb\"} 1\n");
        return b.toString();
    }

    static HealthSnapshot cycle(Instant at) {
        try (PrometheusClient client =
                        new PrometheusClient(
                                config.app().telemetry().endpoint(prometheus.url()),
                                new QueryStats());
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                config, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
            return at == null ? planner.refresh() : planner.refreshAt(at);
        }
    }

    @Test
    void ruleAlertsArePlacedListedAndSeenLookingBack() throws Exception {
        Instant firing = Instant.now();
        HealthSnapshot s = cycle(firing);
        assertEquals(Severity.CRIT, s.nodes().get("n01"), "NodeHot colours n01");
        assertEquals(Severity.OK, s.nodes().get("n02"));
        assertEquals(Severity.OK, s.nodes().get("n04"), "a pending rule does not colour");
        String rack = config.topology().racksWithId("rk").get(0).key();
        Alert hot = only(s, "NodeHot");
        assertEquals("n01", hot.entity());
        assertEquals(Severity.CRIT, hot.severity());
        assertEquals(Alert.Source.RULE, hot.source());
        assertTrue(
                hot.since() != null && !hot.since().isAfter(firing),
                "its start is the rule's ALERTS_FOR_STATE: " + hot.since());
        Alert door = only(s, "DoorOpen");
        assertEquals(rack, door.entity());
        assertEquals(Severity.WARN, door.severity());
        assertTrue(
                s.incidents().stream().anyMatch(i -> i.members().contains("n01")),
                "the rule alert joins the incidents: " + s.incidents());
        SiteAlert ghost =
                s.notPlaced().stream()
                        .filter(a -> a.name().equals("GhostDisk"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("not placed: " + s.siteAlerts()));
        assertTrue(
                ghost.labels()
                        .entrySet()
                        .containsAll(
                                Map.of("alertname", "GhostDisk", "hostname", "ghost", "disk", "sdb")
                                        .entrySet()),
                "every label kept: " + ghost.labels());
        SiteAlert slow =
                s.siteAlerts().stream()
                        .filter(a -> a.name().equals("MemorySlowBurn"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(SiteAlert.State.PENDING, slow.state());
        assertEquals(CheckScope.NODE, slow.scope());
        assertEquals("n04", slow.entity());
        assertTrue(s.alerts().stream().noneMatch(a -> a.check().equals("MemorySlowBurn")));

        CliRun json =
                CliRun.of(
                        "snapshot",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        JsonNode ghostJson = null;
        for (JsonNode a : doc.get("site_alerts")) {
            if (a.get("name").asText().equals("GhostDisk")) {
                ghostJson = a;
            }
        }
        assertTrue(ghostJson != null && ghostJson.get("placed").isNull(), doc.toString());
        assertEquals("rule", doc.get("alerts").get(0).get("source").asText(), doc.toString());

        // n01 cools down: NodeHot resolves now, and is still seen at the moment it fired
        exporter.set(metrics(false));
        awaitResolved();
        HealthSnapshot now = cycle(null);
        assertEquals(Severity.OK, now.nodes().get("n01"));
        assertTrue(now.alerts().stream().noneMatch(a -> a.check().equals("NodeHot")));
        HealthSnapshot then = cycle(firing);
        assertEquals(Severity.CRIT, then.nodes().get("n01"), "looking back shows the rule alert");
        assertEquals("n01", only(then, "NodeHot").entity());
    }

    @Test
    void alertmanagersAlertsAndKarmasAcknowledgementsMeetTheApps() throws Exception {
        Path amDir = Files.createTempDirectory("rackscope-rules-am-it");
        RackscopeConfig withAm =
                ConfigFixture.sixNodes(
                        amDir,
                        """
                        telemetry: {scrape_interval_seconds: 1}
                        alertmanager: {url: "%s", ack_style: karma}
                        alerts:
                          sources:
                            prometheus_rules: {enabled: true}
                            alertmanager: {enabled: true}
                        """
                                .formatted(alertmanager.url()),
                        Files.readString(dir.resolve("checks/library/c.yaml")));
        // an alert from another Prometheus of the site, straight to Alertmanager
        post(
                "/api/v2/alerts",
                """
                [{"labels": {"alertname": "UpsOnBattery", "rack_id": "rk", "severity": "critical"},
                  "startsAt": "%s"}]
                """
                        .formatted(Instant.now().minusSeconds(600)));
        PrometheusServer.waitFor(
                () -> get("/api/v2/alerts").contains("NodeHot"),
                java.time.Duration.ofSeconds(30),
                "Prometheus sent NodeHot to Alertmanager");
        amtool(
                "silence",
                "add",
                "alertname=NodeHot",
                "instance=n01",
                "--comment=ACK! fan swap booked",
                "--author=karl",
                "--duration=1h");
        HealthSnapshot s;
        try (PrometheusClient client =
                        new PrometheusClient(
                                withAm.app().telemetry().endpoint(prometheus.url()),
                                new QueryStats());
                TelemetryPlanner planner =
                        new TelemetryPlanner(
                                withAm, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
            planner.setAlertFeed(Stores.feed(withAm, null).orElseThrow());
            s = planner.refresh();
        }
        Alert ups = only(s, "UpsOnBattery");
        assertEquals(Alert.Source.ALERTMANAGER, ups.source());
        assertEquals(withAm.topology().racksWithId("rk").get(0).key(), ups.entity());
        assertEquals(Severity.CRIT, ups.severity());
        assertTrue(
                ups.since() != null && ups.since().isBefore(Instant.now().minusSeconds(590)),
                "Alertmanager's start is the alert's since: " + ups.since());
        assertEquals(Alert.Source.RULE, only(s, "NodeHot").source(), "not doubled by Alertmanager");

        HandlingService desk = Stores.service(withAm, null, Clock.systemUTC());
        desk.refresh();
        HealthSnapshot handled = desk.apply(s, Instant.now(), false);
        Handled karma = handled.handling().alert(only(s, "NodeHot"));
        assertNotNull(karma, "Karma's ACK! is an acknowledgement");
        assertTrue(karma.acknowledged());
        assertEquals("karl", karma.by());
        assertEquals("fan swap booked", karma.text());

        Silence mine = desk.acknowledge(ups, "dave", "UPS vendor called", null);
        assertFalse(mine.id().startsWith("pending-"), desk.problem().orElse(""));
        JsonNode silence = new ObjectMapper().readTree(get("/api/v2/silence/" + mine.id()));
        assertTrue(
                silence.get("comment").asText().startsWith("ACK! UPS vendor called"),
                silence.toString());
        PrometheusServer.waitFor(
                () -> {
                    try {
                        for (JsonNode a : new ObjectMapper().readTree(get("/api/v2/alerts"))) {
                            if (a.at("/labels/alertname").asText().equals("UpsOnBattery")) {
                                return a.at("/status/silencedBy").toString().contains(mine.id());
                            }
                        }
                        return false;
                    } catch (Exception e) {
                        return false;
                    }
                },
                java.time.Duration.ofSeconds(15),
                "Alertmanager silences the alert the app acknowledged");
    }

    static String get(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(alertmanager.url() + path))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    static void post(String path, String json) throws Exception {
        int code =
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(alertmanager.url() + path))
                                        .header("Content-Type", "application/json")
                                        .POST(
                                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                                        json))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode();
        assertEquals(200, code, "Alertmanager took the alert");
    }

    static void amtool(String... args) throws Exception {
        PrometheusServer.requireBinary("amtool");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(PrometheusServer.binary("amtool").toString());
        cmd.addAll(List.of(args));
        cmd.add("--alertmanager.url=" + alertmanager.url());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "amtool: " + out);
    }

    static Alert only(HealthSnapshot s, String name) {
        List<Alert> found = s.alerts().stream().filter(a -> a.check().equals(name)).toList();
        assertEquals(1, found.size(), name + " in " + s.alerts());
        return found.get(0);
    }

    static void awaitResolved() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (prometheus.query("ALERTS{alertname=\"NodeHot\"}").contains("\"value\"")) {
            assertFalse(Instant.now().isAfter(deadline), "NodeHot resolved within 30 s");
            Thread.sleep(200);
        }
    }
}
