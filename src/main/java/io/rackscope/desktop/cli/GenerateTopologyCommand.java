package io.rackscope.desktop.cli;

import io.rackscope.desktop.simulator.TopologyGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate-topology",
        mixinStandardHelpOptions = true,
        description =
                "Write a valid configuration tree of the given size, for scale tests and benchmarks.")
public final class GenerateTopologyCommand implements Callable<Integer> {
    static final int MAX_NODES = 100_000;

    @Option(
            names = "--nodes",
            required = true,
            paramLabel = "N",
            description = "node instances (1..100000)")
    int nodes;

    @Option(
            names = "--sites",
            defaultValue = "1",
            paramLabel = "S",
            description = "sites (default 1)")
    int sites;

    @Option(
            names = "--checks",
            defaultValue = "basic",
            paramLabel = "basic|typical",
            description =
                    "basic: four checks without for: (tests); typical: six checks, five with"
                            + " the for: a real library gives them (benchmarks)")
    String checks;

    @Option(
            names = "--reuse-ids",
            description =
                    "every site reuses the same rack and device ids (node ids stay unique), as"
                            + " estates copied from one site's files do")
    boolean reuseIds;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "directory to write")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (nodes < 1 || nodes > MAX_NODES || sites < 1 || sites > nodes) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--nodes must be 1.." + MAX_NODES + " and --sites 1..nodes");
        }
        if (!checks.equals("basic") && !checks.equals("typical")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--checks must be basic or typical, not '" + checks + "'");
        }
        TopologyGenerator generator = new TopologyGenerator(nodes, sites);
        if (reuseIds) {
            generator.reuseIds();
        }
        (checks.equals("typical") ? generator.typicalChecks() : generator).write(out);
        spec.commandLine()
                .getOut()
                .printf("wrote %d nodes on %d site(s) to %s%n", nodes, sites, out);
        return 0;
    }
}
