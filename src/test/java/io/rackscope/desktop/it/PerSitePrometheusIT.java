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
import io.rackscope.desktop.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two sites, each with its own Prometheus on loopback: every site's checks go to its own server,
 * one server down makes only its site stale, the status names which, and it recovers by itself.
 */
class PerSitePrometheusIT {
    static final Pattern ENTITY = Pattern.compile("(instance|chassis_id|rack_id)=\"([^\"]+)\"");

    /** The lines of {@code text} about entities of {@code site}. */
    static String linesOf(String text, Topology t, String site) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            Matcher m = ENTITY.matcher(line);
            if (line.startsWith("#")) {
                out.append(line).append('\n');
            } else if (m.find()) {
                String id = m.group(2);
                String of =
                        switch (m.group(1)) {
                            case "instance" -> t.instance(id).map(p -> p.site().id()).orElse("");
                            case "chassis_id" ->
                                    t.device(id)
                                            .flatMap(d -> t.rack(d.rackId()))
                                            .map(r -> r.siteId())
                                            .orElse("");
                            default -> t.rack(id).map(r -> r.siteId()).orElse("");
                        };
                if (of.equals(site)) {
                    out.append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    @Test
    void eachSiteIsAskedOfItsOwnPrometheusAndGoesStaleAlone() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        Path dir = Files.createTempDirectory("rackscope-two-sites");
        new TopologyGenerator(400, 2).write(dir);
        RackscopeConfig generated = new ConfigLoader().load(dir);
        EstateMetrics metrics = new EstateMetrics(generated);
        String firstOfSite2 =
                generated.topology().instances().stream()
                        .filter(p -> p.site().id().equals("site02"))
                        .findFirst()
                        .orElseThrow()
                        .instanceId();
        metrics.down.add("n000007");
        metrics.down.add(firstOfSite2);
        String text = metrics.text();
        try (TestExporter one = new TestExporter();
                TestExporter two = new TestExporter()) {
            one.set(linesOf(text, generated.topology(), "site01"));
            two.set(linesOf(text, generated.topology(), "site02"));
            try (PrometheusServer p1 = PrometheusServer.start(one.address(), null);
                    PrometheusServer p2 = PrometheusServer.start(two.address(), null)) {
                Path app = dir.resolve("app.yaml");
                ConfigFixture.write(
                        app,
                        ConfigFixture.read(app)
                                + "\ntelemetry:\n  prometheus_url: "
                                + p1.url()
                                + "\n  sites:\n    site02: {prometheus_url: \""
                                + p2.url()
                                + "\"}\n");
                RackscopeConfig cfg = new ConfigLoader().load(dir);
                assertEquals(
                        0, cfg.diagnostics().errors().size(), cfg.diagnostics().all().toString());
                for (PrometheusServer p : new PrometheusServer[] {p1, p2}) {
                    PrometheusServer.waitFor(
                            () -> {
                                try {
                                    return p.query("count(up{instance=~\"n.*\"})")
                                            .contains("\"200\"");
                                } catch (Exception e) {
                                    return false;
                                }
                            },
                            Duration.ofSeconds(30),
                            "each site's series scraped by its own Prometheus");
                }
                try (PrometheusRouter router = new PrometheusRouter(cfg, null, new QueryStats());
                        TelemetryPlanner planner =
                                new TelemetryPlanner(
                                        cfg, router, EvaluationMode.FILTERED, Clock.systemUTC())) {
                    assertEquals(2, router.servers());
                    HealthSnapshot both = planner.refresh();
                    assertTrue(both.errors().isEmpty(), both.errors().toString());
                    assertEquals(Severity.CRIT, both.node("n000007"));
                    assertEquals(Severity.CRIT, both.node(firstOfSite2));
                    assertEquals(Severity.OK, both.node("n000008"));
                    p2.stop();
                    planner.invalidateCaches();
                    HealthSnapshot half = planner.refresh();
                    assertFalse(half.errors().isEmpty());
                    assertTrue(
                            half.errors().stream().allMatch(e -> e.server().equals(p2.url())),
                            half.errors().toString());
                    assertEquals(CycleError.Kind.UNREACHABLE, half.errors().get(0).kind());
                    assertTrue(half.isStale(firstOfSite2), "site02 keeps its last states, stale");
                    assertEquals(Severity.CRIT, half.node(firstOfSite2));
                    assertFalse(half.isStale("n000008"), "site01 is fresh");
                    ConnectionStatus status = ConnectionStatus.of(half);
                    assertEquals(ConnectionStatus.Level.DEGRADED, status.level());
                    assertTrue(status.headline().contains(p2.url()), status.headline());
                    p2.restart();
                    PrometheusServer.waitFor(
                            () -> {
                                planner.invalidateCaches();
                                return planner.refresh().errors().isEmpty();
                            },
                            Duration.ofSeconds(30),
                            "site02 back by itself");
                    assertFalse(planner.latest().isStale(firstOfSite2));
                }
            }
        }
    }
}
