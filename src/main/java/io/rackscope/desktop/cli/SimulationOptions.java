package io.rackscope.desktop.cli;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every simulating command shares, and the simulator they describe. */
public final class SimulationOptions {
    @Option(
            names = "--config",
            paramLabel = "DIR",
            description = "configuration directory (default: as the app chooses)")
    public Path config;

    @Option(
            names = "--scenario",
            paramLabel = "FILE",
            description =
                    "scenario YAML: events over time (simulate: none, all healthy; demo: the"
                            + " bundled scenarios/demo.yaml, or --scenario none for all healthy)")
    public Path scenario;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "random seed; the same seed gives the same values (default 1)")
    long seed;

    /** The simulator, or empty after printing why not (a scenario with errors). */
    public Optional<EstateSimulator> simulator(Instant start, PrintWriter err) {
        return simulator(load(err), start, err);
    }

    /** The simulator of an already loaded configuration, or empty after printing why not. */
    public Optional<EstateSimulator> simulator(
            RackscopeConfig cfg, Instant start, PrintWriter err) {
        Scenario sc = Scenario.NONE;
        if (scenario != null) {
            Diagnostics d = new Diagnostics();
            sc = Scenario.read(scenario, d);
            d.errors().forEach(err::println);
            if (!d.errors().isEmpty()) {
                err.flush();
                return Optional.empty();
            }
        }
        return Optional.of(new EstateSimulator(cfg, sc, seed, start));
    }

    public RackscopeConfig load(PrintWriter err) {
        RackscopeConfig cfg = new ConfigLoader().load(ConfigLocation.resolve(config));
        for (Diagnostic d : cfg.diagnostics().errors()) {
            err.println(d);
        }
        err.flush();
        return cfg;
    }
}
