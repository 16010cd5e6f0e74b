package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.TopologyGenerator;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * expand_by_label with expand_discovery_expr: a GPU the discovery lists but that sends no
 * temperature takes expand_absent_state (CRIT here) and rolls into its node, in filtered and plain
 * evaluation alike.
 */
class ExpandDiscoveryIT {
    @Test
    void aDiscoveredSubNodeWithoutSamplesTakesTheAbsentState() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        Path dir = Files.createTempDirectory("rackscope-expand-it");
        new TopologyGenerator(200, 1).write(dir);
        Path templates = dir.resolve("templates/generated.yaml");
        Files.writeString(
                templates,
                Files.readString(templates)
                        .replace(
                                "checks: [node_up, node_temperature, chassis_psu]",
                                "checks: [node_up, node_temperature, chassis_psu, gpu_temp]"));
        Files.writeString(
                dir.resolve("checks/library/gpu.yaml"),
                """
                checks:
                  - id: gpu_temp
                    name: GPU temperature
                    scope: node
                    expr: 'gpu_temperature_celsius{instance=~"$instances"}'
                    output: numeric
                    expand_by_label: gpu
                    expand_discovery_expr: 'gpu_present{instance=~"$instances"}'
                    expand_absent_state: CRIT
                    rules:
                      - {op: ">", value: 85, severity: CRIT}
                """);
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        assertEquals(List.of(), cfg.diagnostics().errors());
        EstateMetrics estate = new EstateMetrics(cfg);
        StringBuilder gpus = new StringBuilder("# TYPE gpu_present gauge\n");
        StringBuilder temps = new StringBuilder("# TYPE gpu_temperature_celsius gauge\n");
        cfg.topology()
                .instances()
                .forEach(
                        p -> {
                            for (int g = 0; g < 4; g++) {
                                String labels =
                                        "{instance=\"" + p.instanceId() + "\",gpu=\"" + g + "\"}";
                                gpus.append("gpu_present").append(labels).append(" 1\n");
                                if (!(p.instanceId().equals("n000005") && g == 2)) {
                                    temps.append("gpu_temperature_celsius")
                                            .append(labels)
                                            .append(
                                                    p.instanceId().equals("n000006") && g == 1
                                                            ? " 90\n"
                                                            : " 50\n");
                                }
                            }
                        });
        try (TestExporter exporter = new TestExporter()) {
            exporter.set(estate.text() + gpus + temps);
            try (PrometheusServer prometheus = PrometheusServer.start(exporter.address(), null)) {
                PrometheusServer.waitFor(
                        () -> {
                            try {
                                return prometheus.query("count(gpu_present)").contains("\"800\"");
                            } catch (Exception e) {
                                return false;
                            }
                        },
                        Duration.ofSeconds(30),
                        "GPU series scraped");
                HealthSnapshot filtered = cycle(cfg, prometheus, EvaluationMode.FILTERED);
                HealthSnapshot plain = cycle(cfg, prometheus, EvaluationMode.PLAIN);
                Map<String, Severity> notOk = new TreeMap<>();
                filtered.nodes()
                        .forEach(
                                (id, s) -> {
                                    if (s != Severity.OK) {
                                        notOk.put(id, s);
                                    }
                                });
                assertEquals(Map.of("n000005", Severity.CRIT, "n000006", Severity.CRIT), notOk);
                assertEquals(
                        Map.of("2", Severity.CRIT),
                        filtered.checks().get("gpu_temp").problems().get("n000005").children());
                assertEquals(new TreeMap<>(plain.nodes()), new TreeMap<>(filtered.nodes()));
                assertEquals(List.of(), filtered.errors());
            }
        }
    }

    private static HealthSnapshot cycle(
            RackscopeConfig cfg, PrometheusServer prometheus, EvaluationMode mode) {
        try (PrometheusClient client =
                new PrometheusClient(
                        cfg.app().telemetry().endpoint(prometheus.url()), new QueryStats())) {
            return new TelemetryPlanner(cfg, client, mode, Clock.systemUTC()).refresh();
        }
    }
}
