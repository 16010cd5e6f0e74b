package io.rackscope.desktop.bench;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.LocalPrometheus;
import io.rackscope.desktop.simulator.MetricsExporter;
import io.rackscope.desktop.simulator.Scenario;
import io.rackscope.desktop.simulator.TopologyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A generated estate with the typical check library, served by the simulator and scraped every 15 s
 * by a real Prometheus for some minutes, then handed to a measurement.
 */
final class ScrapedEstate {
    interface Measurement {
        void run(RackscopeConfig config, Path dir, String prometheusUrl) throws Exception;
    }

    private ScrapedEstate() {}

    static void measure(int nodes, int minutes, boolean churn, Measurement m) throws Exception {
        Path dir = Files.createTempDirectory("rackscope-estate-" + nodes);
        new TopologyGenerator(nodes, 3).typicalChecks().write(dir);
        RackscopeConfig config = new ConfigLoader().load(dir);
        Scenario scenario = churn ? churn(config, minutes) : Scenario.NONE;
        EstateSimulator simulator = new EstateSimulator(config, scenario, 1, Instant.now());
        try (MetricsExporter exporter =
                        new MetricsExporter(simulator, "127.0.0.1", 0, Clock.systemUTC());
                LocalPrometheus prometheus = LocalPrometheus.prepare(null)) {
            prometheus.start(exporter.address(), 15, Duration.ofSeconds(60));
            System.out.printf(
                    "%d nodes, %d series; scraping for %d min%n",
                    nodes, simulator.seriesCount(), minutes);
            Thread.sleep(minutes * 60_000L);
            m.run(config, dir, prometheus.url());
        }
    }

    /**
     * What {@code scripts/scenarios/hpc-churn.yaml} does to hpc-cluster, on a generated estate
     * whose measurement starts {@code minutes} in: a node down, an exporter going silent, two nodes
     * flapping, a rack losing power for 4 minutes from 4 minutes into the measurement, a node
     * warming to CRIT.
     */
    static Scenario churn(RackscopeConfig config, int minutes) {
        List<String> nodes =
                config.topology().instances().stream().map(i -> i.instanceId()).toList();
        List<String> racks = config.topology().racks().stream().map(r -> r.id()).toList();
        Duration start = Duration.ofMinutes(minutes);
        return new Scenario(
                "generated churn",
                List.of(
                        event(Scenario.Kind.NODE_DOWN, nodes.get(7), Duration.ofMinutes(-20)),
                        event(Scenario.Kind.TARGET_SILENT, nodes.get(11), start.plusMinutes(1)),
                        new Scenario.Event(
                                Scenario.Kind.FLAPPING,
                                nodes.get(13),
                                Duration.ZERO,
                                null,
                                null,
                                null,
                                Duration.ofSeconds(45),
                                null),
                        new Scenario.Event(
                                Scenario.Kind.FLAPPING,
                                nodes.get(17),
                                Duration.ZERO,
                                null,
                                null,
                                null,
                                Duration.ofSeconds(70),
                                null),
                        new Scenario.Event(
                                Scenario.Kind.RACK_POWER_LOSS,
                                racks.get(5),
                                start.plusMinutes(4),
                                Duration.ofMinutes(4),
                                null,
                                null,
                                null,
                                null),
                        new Scenario.Event(
                                Scenario.Kind.DEGRADATION,
                                nodes.get(19),
                                start,
                                null,
                                Severity.CRIT,
                                "node_temperature_celsius",
                                null,
                                Duration.ofMinutes(8))));
    }

    private static Scenario.Event event(Scenario.Kind kind, String target, Duration at) {
        return new Scenario.Event(kind, target, at, null, null, null, null, null);
    }
}
