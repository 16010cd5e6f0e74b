package io.rackscope.desktop.cli;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.simulator.EstateSimulator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description =
                "Write the simulator's series for the past hours as OpenMetrics text, for 'promtool tsdb create-blocks-from openmetrics FILE DATA_DIR'.")
public final class HistoryCommand implements Callable<Integer> {
    @Mixin SimulationOptions options;

    @Option(
            names = "--hours",
            required = true,
            paramLabel = "H",
            description = "hours of history ending now (1..720)")
    int hours;

    @Option(
            names = "--step",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "time between samples (default 60s)")
    String step;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "OpenMetrics file to write")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Duration stepDuration =
                Durations.parse(step)
                        .filter(d -> d.toSeconds() >= 1)
                        .orElseThrow(
                                () ->
                                        new CommandLine.ParameterException(
                                                spec.commandLine(),
                                                "--step must be a duration of at least 1s, such as 60s or 5m"));
        if (hours < 1 || hours > 720) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hours must be 1..720");
        }
        Instant now = Instant.now();
        Optional<EstateSimulator> sim = options.simulator(now, spec.commandLine().getErr());
        if (sim.isEmpty()) {
            return 1;
        }
        write(sim.get(), now, Duration.ofHours(hours), stepDuration, out);
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %d series x %d h at %s steps to %s (%,d bytes)%n",
                        sim.get().seriesCount(),
                        hours,
                        Durations.format(stepDuration),
                        out,
                        Files.size(out));
        return 0;
    }

    /**
     * History up to one step before {@code now}, so that live scrapes continue it without overlap.
     */
    public static void write(
            EstateSimulator sim, Instant now, Duration span, Duration step, Path file)
            throws IOException {
        Instant end = now.minus(step);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            sim.writeHistory(end.minus(span), end, step, w);
        }
    }
}
