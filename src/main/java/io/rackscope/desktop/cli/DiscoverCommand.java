package io.rackscope.desktop.cli;

import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.importing.Discovery;
import io.rackscope.desktop.importing.FoundEstate;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        description = {
            "Find an estate in Prometheus and write it as a configuration directory: every value of"
                    + " the identity label of --metric is a node; its site, room, aisle, rack and device"
                    + " come from its labels. Each level is =VALUE (a constant), LABEL (a label's value)"
                    + " or LABEL:REGEX (the regex's first group over a label's value). Devices are"
                    + " stacked from U 1 in their rack; a check that a node is up is written with them."
                    + " Running it again updates what changed. --dry-run prints what it would write.",
            "Example (the demo): discover --prometheus URL --out DIR --site 'rack_id:^([a-z0-9]+)-'"
                    + " --aisle 'rack_id:-(a[0-9]+)-' --rack rack_id --device chassis_id"
        })
public final class DiscoverCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--prometheus", required = true, paramLabel = "URL")
    String url;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "the configuration directory to write (made if missing)")
    Path out;

    @Option(names = "--metric", paramLabel = "NAME", description = "default: up")
    String metric = "up";

    @Option(names = "--identity-label", paramLabel = "LABEL", description = "default: instance")
    String identity = "instance";

    @Option(names = "--site", paramLabel = "SOURCE", description = "default: =site1")
    String site = "=site1";

    @Option(names = "--room", paramLabel = "SOURCE", description = "default: =room1")
    String room = "=room1";

    @Option(names = "--aisle", paramLabel = "SOURCE", description = "default: =a01")
    String aisle = "=a01";

    @Option(names = "--rack", paramLabel = "SOURCE", description = "default: rack_id")
    String rack = "rack_id";

    @Option(names = "--device", paramLabel = "SOURCE", description = "default: each node a device")
    String device;

    @Option(
            names = "--tls-ca",
            paramLabel = "PEM",
            description = "CA the server is verified against")
    String tlsCa;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "client certificate")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "the client certificate's key")
    String tlsKey;

    @Option(names = "--dry-run", description = "print the summary and the diff, write nothing")
    boolean dryRun;

    @Option(names = "--user", paramLabel = "NAME", description = "basic auth user")
    String user;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "basic auth password, read from this file (never on the command line)")
    Path passwordFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Discovery.Levels levels;
        try {
            levels =
                    new Discovery.Levels(
                            Discovery.Source.parse(site),
                            Discovery.Source.parse(room),
                            Discovery.Source.parse(aisle),
                            Discovery.Source.parse(rack),
                            device == null ? null : Discovery.Source.parse(device));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "not a regular expression: " + e.getMessage());
        }
        FoundEstate.Connection connection =
                new FoundEstate.Connection(
                        url,
                        user,
                        passwordFile == null ? "" : Files.readString(passwordFile).strip(),
                        tlsCa,
                        tlsCert,
                        tlsKey);
        FoundEstate.Request request = new FoundEstate.Request(metric, identity, levels);
        Discovery.Found found;
        try (PrometheusClient client =
                new PrometheusClient(connection.endpoint(), new QueryStats())) {
            found = FoundEstate.find(client, request);
        } catch (ExecutionException | TimeoutException e) {
            err.println(
                    "cannot ask "
                            + url
                            + ": "
                            + (e.getCause() == null ? e : e.getCause()).getMessage());
            err.flush();
            return 1;
        }
        found.problems().forEach(err::println);
        if (found.rows().isEmpty()) {
            err.println(
                    "no node placed: "
                            + found.nodes()
                            + " value(s) of "
                            + identity
                            + " in "
                            + Discovery.query(metric, identity, levels));
            err.flush();
            return 1;
        }
        FoundEstate.Outcome outcome;
        try {
            outcome = FoundEstate.write(out, connection, request, found, !dryRun);
        } catch (EditRefused e) {
            err.println("refused: " + e.describe(out));
            err.flush();
            return 1;
        }
        outcome.report().problems().forEach(err::println);
        return EditCommand.report(
                o,
                err,
                out.toAbsolutePath().normalize(),
                outcome.written(),
                dryRun,
                found.nodes() + " node(s) in Prometheus; " + outcome.report().summary(),
                "the estate found");
    }
}
