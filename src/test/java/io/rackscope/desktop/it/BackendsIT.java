package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.ConnectionStatus;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.TopologyGenerator;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The backends a site really runs, on real servers: two Prometheus as an HA pair, one killed in the
 * middle of the run; and a multi-tenant store's gate (nginx asking {@code X-Scope-OrgID}).
 */
class BackendsIT {
    /** An estate of 40 nodes whose series {@code exporter} serves, node n000007 down. */
    static Path estate(TestExporter exporter) throws Exception {
        Path dir = Files.createTempDirectory("rackscope-backends");
        new TopologyGenerator(40, 1).write(dir);
        EstateMetrics metrics = new EstateMetrics(new ConfigLoader().load(dir));
        metrics.down.add("n000007");
        exporter.set(metrics.text());
        return dir;
    }

    static RackscopeConfig withTelemetry(Path dir, String telemetry) {
        Path app = dir.resolve("app.yaml");
        ConfigFixture.write(app, ConfigFixture.read(app) + "\ntelemetry:\n" + telemetry);
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        assertEquals(0, cfg.diagnostics().errors().size(), cfg.diagnostics().all().toString());
        return cfg;
    }

    static void scraped(PrometheusServer p) throws InterruptedException {
        p.awaitSample("up{instance=\"n000007\"}");
    }

    @Test
    void aKilledServerOfAnHaPairIsSkippedWithinTheCycleAndTheOtherKept() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        try (TestExporter exporter = new TestExporter()) {
            Path dir = estate(exporter);
            try (PrometheusServer a = PrometheusServer.start(exporter.address(), null);
                    PrometheusServer b = PrometheusServer.start(exporter.address(), null)) {
                scraped(a);
                scraped(b);
                RackscopeConfig cfg =
                        withTelemetry(
                                dir, "  prometheus_url: [" + a.url() + ", " + b.url() + "]\n");
                try (PrometheusRouter router = new PrometheusRouter(cfg, null, new QueryStats());
                        TelemetryPlanner planner =
                                new TelemetryPlanner(
                                        cfg, router, EvaluationMode.FILTERED, Clock.systemUTC())) {
                    HealthSnapshot first = planner.refresh();
                    assertTrue(first.errors().isEmpty(), first.errors().toString());
                    assertEquals(Severity.CRIT, first.node("n000007"));
                    assertEquals(ConnectionStatus.REACHABLE, ConnectionStatus.of(first));
                    a.stop();
                    planner.invalidateCaches();
                    HealthSnapshot after = planner.refresh();
                    // the cycle that found a down is answered by b: nothing stale, nothing lost
                    assertTrue(after.errors().isEmpty(), after.errors().toString());
                    assertFalse(after.isStale("n000007"));
                    assertEquals(Severity.CRIT, after.node("n000007"));
                    assertEquals(Severity.OK, after.node("n000008"));
                    ConnectionStatus status = ConnectionStatus.of(after);
                    assertEquals(ConnectionStatus.Level.OK, status.level());
                    assertTrue(
                            status.headline().contains(b.url() + " answers for " + a.url()),
                            status.headline());
                    a.restart();
                    scraped(a);
                    planner.invalidateCaches();
                    HealthSnapshot back = planner.refresh();
                    assertTrue(
                            ConnectionStatus.of(back).headline().contains(b.url() + " answers"),
                            "b is kept while it answers: no flicker between the two");
                    b.stop();
                    planner.invalidateCaches();
                    HealthSnapshot other = planner.refresh();
                    assertTrue(other.errors().isEmpty(), other.errors().toString());
                    assertEquals(ConnectionStatus.REACHABLE, ConnectionStatus.of(other));
                    assertEquals(Severity.CRIT, other.node("n000007"));
                }
            }
        }
    }

    @Test
    void aTenantsStoreIsAskedWithItsHeaderAndAMissingOneIsSaidPlainly() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        try (TestExporter exporter = new TestExporter()) {
            Path dir = estate(exporter);
            try (PrometheusServer p = PrometheusServer.start(exporter.address(), null);
                    NginxClientCertProxy gate =
                            NginxClientCertProxy.startWithTenant(p.url(), "team-7")) {
                scraped(p);
                Files.copy(gate.ca(), dir.resolve("ca.pem"));
                String base = "  prometheus_url: " + gate.url() + "\n  tls_ca_file: ca.pem\n";
                RackscopeConfig none = withTelemetry(dir, base);
                try (PrometheusRouter router = new PrometheusRouter(none, null, new QueryStats());
                        TelemetryPlanner planner =
                                new TelemetryPlanner(
                                        none, router, EvaluationMode.FILTERED, Clock.systemUTC())) {
                    HealthSnapshot refused = planner.refresh();
                    assertFalse(refused.errors().isEmpty());
                    CycleError e = refused.errors().get(0);
                    assertEquals(CycleError.Kind.CREDENTIALS, e.kind());
                    assertTrue(e.message().contains("X-Scope-OrgID"), e.message());
                }
                ConfigFixture.write(
                        dir.resolve("app.yaml"),
                        ConfigFixture.read(dir.resolve("app.yaml"))
                                .replace(
                                        "tls_ca_file: ca.pem\n",
                                        "tls_ca_file: ca.pem\n  headers: {X-Scope-OrgID: team-7}\n"
                                                + "  query_params: {dedup: \"true\"}\n"));
                RackscopeConfig tenant = new ConfigLoader().load(dir);
                try (PrometheusRouter router =
                                new PrometheusRouter(tenant, null, new QueryStats());
                        TelemetryPlanner planner =
                                new TelemetryPlanner(
                                        tenant,
                                        router,
                                        EvaluationMode.FILTERED,
                                        Clock.systemUTC())) {
                    HealthSnapshot ok = planner.refresh();
                    assertTrue(ok.errors().isEmpty(), ok.errors().toString());
                    assertEquals(Severity.CRIT, ok.node("n000007"));
                    assertFalse(ok.errors().toString().contains("team-7"));
                }
            }
        }
    }
}
