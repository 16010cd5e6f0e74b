package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.LocalPrometheus;
import io.rackscope.desktop.simulator.MetricsExporter;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.topology.Rack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's simulated estate found in a real Prometheus that scrapes the simulator: {@code
 * discover} writes a configuration directory from {@code up}'s labels alone, {@code check-config}
 * passes, it holds the demo's nodes and racks, and the planner's first cycle on it colours them.
 */
class DiscoverIT {
    @TempDir Path dir;

    @Test
    void theDemosEstateIsFoundInPrometheusAndItsFirstCycleColoursIt() throws Exception {
        try (SimulatedDemo sim = SimulatedDemo.start()) {
            RackscopeConfig demo = sim.demo;
            LocalPrometheus prometheus = sim.prometheus;
            MetricsExporter exporter = sim.exporter;
            int nodes = sim.nodes();
            Path out = dir.resolve("found");
            CliRun run =
                    CliRun.of(
                            "discover",
                            "--prometheus",
                            prometheus.url(),
                            "--out",
                            out.toString(),
                            "--site",
                            "rack_id:^([a-z0-9]+)-",
                            "--aisle",
                            "rack_id:-([a-z][0-9]+)-r",
                            "--rack",
                            "rack_id",
                            "--device",
                            "chassis_id");
            assertEquals(0, run.code(), run.err());
            // Prometheus' own up of the scrape target has no rack: listed, not placed
            assertTrue(run.out().startsWith((nodes + 1) + " node(s) in Prometheus;"), run.out());
            assertTrue(
                    run.err()
                            .contains(
                                    exporter.address()
                                            + ": not placed (no site from label rack_id"),
                    run.err());
            assertTrue(
                    CliRun.of("check-config", "--config", out.toString())
                            .out()
                            .contains("0 error(s)"));
            RackscopeConfig found = new ConfigLoader().load(out);
            assertFalse(found.hasErrors(), found.diagnostics().errors().toString());
            assertEquals(nodes, found.topology().instances().size(), "every node of the demo");
            assertEquals(
                    demo.topology().racks().stream().map(Rack::id).collect(Collectors.toSet()),
                    found.topology().racks().stream().map(Rack::id).collect(Collectors.toSet()),
                    "the demo's racks, by their ids");
            assertEquals(
                    Set.of("fra1", "ams1"),
                    found.topology().sites().stream().map(s -> s.id()).collect(Collectors.toSet()));
            String node = demo.topology().instances().iterator().next().instanceId();
            assertEquals(
                    demo.topology().instance(node).orElseThrow().device().id(),
                    found.topology().instance(node).orElseThrow().device().id(),
                    "a node in the device it is in");
            HealthSnapshot first;
            try (PrometheusClient client =
                            new PrometheusClient(
                                    found.app().telemetry().endpoint(), new QueryStats());
                    TelemetryPlanner planner =
                            new TelemetryPlanner(
                                    found, client, EvaluationMode.FILTERED, Clock.systemUTC())) {
                first = planner.refresh();
            }
            long ok = first.nodes().values().stream().filter(s -> s == Severity.OK).count();
            assertEquals(
                    nodes, ok, "all healthy, every node OK: " + first.nodes().size() + " states");
        }
    }
}
