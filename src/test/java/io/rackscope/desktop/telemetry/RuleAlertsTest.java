package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.prometheus.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placing the site's rule alerts on the estate by their labels, and their severities. */
class RuleAlertsTest {
    static final String CHECKS =
            """
            checks:
              - id: node_up
                expr: up{instance=~"$instances"}
                rules: [{op: "==", value: 0, severity: CRIT}]
              - id: temp
                expr: t{instance=~"$instances"}
                rules: [{op: ">", value: 80, severity: WARN}]
              - id: mem
                expr: m{instance=~"$instances"}
                rules: [{op: ">", value: 90, severity: WARN}]
            """;

    static RackscopeConfig config(String app) throws Exception {
        return ConfigFixture.sixNodes(Files.createTempDirectory("rule-alerts"), app, CHECKS);
    }

    static SiteAlert read(RuleAlerts r, Map<String, String> labels) {
        return r.read(List.of(new Series(labels, new double[] {0}, new double[] {1}))).get(0);
    }

    @Test
    void placesByNodeHostBeforeItsPortThenDeviceThenRack() throws Exception {
        RuleAlerts r = new RuleAlerts(config("alerts: {sources: {prometheus_rules: {}}}\n"));
        assertTrue(r.enabled(), "a prometheus_rules block turns them on");
        SiteAlert node =
                read(r, Map.of("alertname", "Hot", "instance", "n02:9100", "severity", "critical"));
        assertEquals(CheckScope.NODE, node.scope());
        assertEquals("n02", node.entity());
        assertEquals(Severity.CRIT, node.severity());
        assertEquals(SiteAlert.State.FIRING, node.state());
        SiteAlert device = read(r, Map.of("alertname", "Psu", "chassis_id", "c3"));
        assertEquals(CheckScope.CHASSIS, device.scope());
        assertEquals(Severity.WARN, device.severity(), "no severity label: WARN");
        SiteAlert rack =
                read(
                        r,
                        Map.of(
                                "alertname",
                                "Door",
                                "rack_id",
                                "rk",
                                "alertstate",
                                "pending",
                                "severity",
                                "info"));
        assertEquals(CheckScope.RACK, rack.scope());
        assertEquals(SiteAlert.State.PENDING, rack.state());
        assertEquals(Severity.OK, rack.severity(), "info does not colour");
        assertFalse(rack.labels().containsKey("alertstate"));
        SiteAlert nowhere = read(r, Map.of("alertname", "Ghost", "instance", "elsewhere:9100"));
        assertFalse(nowhere.placed());
        assertNull(nowhere.scope());
        assertEquals("alertname=\"Ghost\", instance=\"elsewhere:9100\"", nowhere.labelText());
    }

    @Test
    void labelAndSeverityMapsAreTheAdminsChoice() throws Exception {
        RackscopeConfig c =
                config(
                        """
                        alerts:
                          sources:
                            prometheus_rules:
                              pending: false
                              label_map: {node: [host_name]}
                              severity_map: {p1: CRIT, p3: WARN}
                              unmapped_severity: CRIT
                        """);
        assertEquals(List.of(), c.diagnostics().errors());
        RuleAlerts r = new RuleAlerts(c);
        assertEquals("ALERTS{alertstate=\"firing\"}", r.query());
        assertEquals("n05", read(r, Map.of("host_name", "n05", "severity", "P1")).entity());
        assertFalse(read(r, Map.of("instance", "n05")).placed(), "instance is not in the map");
        assertEquals(Severity.WARN, read(r, Map.of("severity", "p3")).severity());
        assertEquals(Severity.CRIT, read(r, Map.of("severity", "whatever")).severity());
    }

    @Test
    void aRulesStartIsItsForStateAndAlertmanagersCopiesOfTheRulesAreLeftOut() throws Exception {
        RuleAlerts r =
                new RuleAlerts(
                        config("alerts: {sources: {prometheus_rules: {}, alertmanager: {}}}\n"));
        assertTrue(r.fromAlertmanager());
        Map<String, String> hot = Map.of("alertname", "Hot", "instance", "n01");
        java.util.Map<String, String> alerts = new java.util.HashMap<>(hot);
        alerts.put("__name__", "ALERTS");
        alerts.put("alertstate", "firing");
        java.util.Map<String, String> forState = new java.util.HashMap<>(hot);
        forState.put("__name__", "ALERTS_FOR_STATE");
        Series firing = new Series(alerts, new double[] {0}, new double[] {1});
        assertEquals(
                "ALERTS_FOR_STATE{alertname=~\"Hot\"}",
                r.startsQuery(List.of(firing)),
                "a new alert's start is asked");
        List<SiteAlert> rules =
                r.read(
                        List.of(
                                firing,
                                new Series(
                                        forState, new double[] {0}, new double[] {1_700_000_000})));
        assertEquals(1, rules.size(), "the for-state series is not an alert of its own");
        assertEquals(java.time.Instant.ofEpochSecond(1_700_000_000), rules.get(0).since());
        assertEquals(null, r.startsQuery(List.of(firing)), "a known start is not asked again");
        assertEquals(
                java.time.Instant.ofEpochSecond(1_700_000_000),
                r.read(List.of(firing)).get(0).since(),
                "and is kept");
        r.read(List.of());
        assertEquals(
                "ALERTS_FOR_STATE{alertname=~\"Hot\"}",
                r.startsQuery(List.of(firing)),
                "an alert that resolved and fires again has a new start");
        java.util.Map<String, String> sent = new java.util.HashMap<>(hot);
        sent.put("prometheus", "eu-1");
        List<SiteAlert> fed =
                r.fromAlertmanager(
                        List.of(
                                new AlertFeed.Fed(sent, java.time.Instant.EPOCH, false),
                                new AlertFeed.Fed(
                                        Map.of("alertname", "Ups", "rack_id", "rk"),
                                        java.time.Instant.EPOCH,
                                        true)),
                        rules);
        assertEquals(1, fed.size(), "the rule's own alert, external label added, is left out");
        assertEquals("Ups", fed.get(0).name());
        assertEquals(SiteAlert.State.INHIBITED, fed.get(0).state());
        assertEquals(io.rackscope.desktop.health.Alert.Source.ALERTMANAGER, fed.get(0).source());
    }

    @Test
    void aCheckTriedAloneDoesNotReadTheSitesAlerts() throws Exception {
        RackscopeConfig c = config("alerts: {sources: {prometheus_rules: {}, alertmanager: {}}}\n");
        RackscopeConfig trial = c.withChecks(Map.of("temp", c.check("temp").orElseThrow()));
        assertFalse(new RuleAlerts(trial).enabled(), "the trial's cost is the check's alone");
        assertFalse(new RuleAlerts(trial).fromAlertmanager());
        assertEquals(c.app().alerts().groupMinNodes(), trial.app().alerts().groupMinNodes());
    }

    @Test
    void offUnlessConfiguredAndABadMapIsSaid() throws Exception {
        assertFalse(new RuleAlerts(config("")).enabled());
        Path dir = Files.createTempDirectory("rule-alerts");
        ConfigFixture.sixNodes(dir, "", CHECKS);
        Files.writeString(
                dir.resolve("app.yaml"),
                """
                alerts:
                  sources:
                    prometheus_rules:
                      label_map: {host: [x]}
                      severity_map: {p1: LOUD}
                """);
        RackscopeConfig c = new ConfigLoader(Map.of()).load(dir);
        String errors = c.diagnostics().errors().toString();
        assertTrue(errors.contains("label_map has node, chassis and rack, not 'host'"), errors);
        assertTrue(errors.contains("severity_map: 'LOUD' is not OK, WARN or CRIT"), errors);
    }
}
