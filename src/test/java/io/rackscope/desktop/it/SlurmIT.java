package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.LocalPrometheus;
import io.rackscope.desktop.simulator.MetricsExporter;
import io.rackscope.desktop.simulator.Scenario;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.topology.InstanceSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Slurm states and jobs of the simulated cluster through a real Prometheus, in the planner's cycle.
 */
class SlurmIT {
    @Test
    void drainDownAndALargeJobShowUpMappedToInstances() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Path file = Files.createTempFile("slurm", ".yaml");
        Files.writeString(
                file,
                """
                events:
                  - {event: slurm_drain, target: cn0010, at: -5m}
                  - {event: slurm_down, target: cn0011, at: -5m}
                  - {event: node_down, target: cn0012, at: -5m}
                  - {event: large_job, target: fra1-a02-r01, at: -5m}
                """);
        Diagnostics d = new Diagnostics();
        Scenario scenario = Scenario.read(file, d);
        assertEquals(List.of(), d.errors());
        EstateSimulator sim = new EstateSimulator(cfg, scenario, 5, Instant.now());
        try (MetricsExporter exporter =
                        new MetricsExporter(sim, "127.0.0.1", 0, Clock.systemUTC());
                LocalPrometheus prometheus = LocalPrometheus.prepare(null);
                PrometheusClient client =
                        new PrometheusClient(
                                cfg.app().telemetry().endpoint(prometheus.url().toString()),
                                new QueryStats())) {
            prometheus.start(exporter.address(), 1, Duration.ofSeconds(60));
            TelemetryPlanner planner =
                    new TelemetryPlanner(cfg, client, EvaluationMode.FILTERED, Clock.systemUTC());
            AtomicReference<HealthSnapshot> last = new AtomicReference<>();
            PrometheusServer.waitFor(
                    () -> {
                        planner.invalidateCaches();
                        last.set(planner.refresh());
                        // the two queries can fall either side of the first scrape
                        SlurmSnapshot read = last.get().slurm();
                        return read.nodes().size() == 1240 + 48 + 336
                                && read.jobs().containsKey("9000001");
                    },
                    Duration.ofSeconds(30),
                    "every mapped node's Slurm status and the large job scraped");
            SlurmSnapshot s = last.get().slurm();
            assertEquals(SlurmState.WARN, s.state("cn0010"), "drain");
            assertEquals("drained", s.nodes().get("cn0010").status());
            assertEquals(SlurmState.CRIT, s.state("cn0011"), "down");
            assertEquals(
                    SlurmState.CRIT, s.state("cn0012"), "a dead node is down* (not responding)");
            assertEquals("nwc0012", s.nodes().get("cn0012").name());
            assertEquals(Set.of("compute"), s.nodes().get("cn0001").partitions());
            assertEquals(Set.of("gpu"), s.nodes().get("gpu0001").partitions());
            assertTrue(s.unmapped().isEmpty(), s.unmapped().toString());
            Set<String> rackNodes = new TreeSet<>();
            cfg.topology()
                    .rack("fra1-a02-r01")
                    .orElseThrow()
                    .devices()
                    .forEach(
                            dev ->
                                    dev.instances().stream()
                                            .map(InstanceSlot::instanceId)
                                            .forEach(rackNodes::add));
            rackNodes.retainAll(
                    cfg.slurm()
                            .mapping()
                            .byInstance()
                            .keySet()); // switches in the rack are no Slurm nodes
            assertEquals(38, rackNodes.size());
            assertEquals(
                    rackNodes,
                    new TreeSet<>(s.jobs().get("9000001")),
                    "the large job's nodes, as instances");
            assertTrue(s.jobs().size() > 20, "the regular jobs too");
            assertTrue(
                    s.utilisation() > 50 && s.utilisation() < 100,
                    "utilisation " + s.utilisation());
            assertEquals(null, s.error());
        }
        Files.deleteIfExists(file);
    }
}
