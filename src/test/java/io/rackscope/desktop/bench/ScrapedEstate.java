package io.rackscope.desktop.bench;

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

/**
 * A generated estate with the typical check library, served by the simulator and scraped every 15 s
 * by a real Prometheus for some minutes, then handed to a measurement.
 */
final class ScrapedEstate {
    interface Measurement {
        void run(RackscopeConfig config, Path dir, String prometheusUrl) throws Exception;
    }

    private ScrapedEstate() {}

    static void measure(int nodes, int minutes, Measurement m) throws Exception {
        Path dir = Files.createTempDirectory("rackscope-estate-" + nodes);
        new TopologyGenerator(nodes, 3).typicalChecks().write(dir);
        RackscopeConfig config = new ConfigLoader().load(dir);
        EstateSimulator simulator = new EstateSimulator(config, Scenario.NONE, 1, Instant.now());
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
}
