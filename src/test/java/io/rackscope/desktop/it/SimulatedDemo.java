package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.LocalPrometheus;
import io.rackscope.desktop.simulator.MetricsExporter;
import io.rackscope.desktop.simulator.Scenario;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bundled demo's estate, all healthy, served by the simulator and scraped by a real Prometheus
 * on a free loopback port, once every node's {@code up} is in (no history).
 */
public final class SimulatedDemo implements AutoCloseable {
    final RackscopeConfig demo;
    final EstateSimulator sim;
    final MetricsExporter exporter;
    final LocalPrometheus prometheus;

    private SimulatedDemo(
            RackscopeConfig demo,
            EstateSimulator sim,
            MetricsExporter exporter,
            LocalPrometheus prometheus) {
        this.demo = demo;
        this.sim = sim;
        this.exporter = exporter;
        this.prometheus = prometheus;
    }

    public static SimulatedDemo start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        RackscopeConfig demo = new ConfigLoader().load(Path.of("config"));
        EstateSimulator sim = new EstateSimulator(demo, Scenario.NONE, 7, Instant.now());
        MetricsExporter exporter = new MetricsExporter(sim, "127.0.0.1", 0, Clock.systemUTC());
        LocalPrometheus prometheus = LocalPrometheus.prepare(null);
        SimulatedDemo d = new SimulatedDemo(demo, sim, exporter, prometheus);
        prometheus.start(exporter.address(), 1, Duration.ofSeconds(60));
        try (PrometheusClient client =
                new PrometheusClient(
                        demo.app().telemetry().endpoint(prometheus.url()), new QueryStats())) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (client.query("up").get().series().size() < d.nodes()) {
                assertTrue(Instant.now().isBefore(deadline), "the simulator scraped within 60 s");
                Thread.sleep(200);
            }
        }
        return d;
    }

    public int nodes() {
        return demo.topology().instances().size();
    }

    public String url() {
        return prometheus.url();
    }

    @Override
    public void close() {
        prometheus.close();
        exporter.close();
    }
}
