package io.rackscope.desktop.cli;

import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.MetricsExporter;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description =
                "Serve believable metrics for every instance, chassis and rack of a configuration at /metrics, until stopped (Ctrl-C).")
public final class SimulateCommand implements Callable<Integer> {
    @Mixin SimulationOptions options;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:9105",
            converter = Listen.Converter.class,
            description = "address to serve on (default 127.0.0.1:9105)")
    Listen listen;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        Optional<EstateSimulator> sim =
                options.simulator(clock.instant(), spec.commandLine().getErr());
        if (sim.isEmpty()) {
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (MetricsExporter exporter =
                new MetricsExporter(sim.get(), listen.host(), listen.port(), clock)) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "serving %d series at http://%s/metrics (Ctrl-C stops)%n",
                            sim.get().seriesCount(), exporter.address());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
