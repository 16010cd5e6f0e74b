package io.rackscope.desktop.cli;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditCheck;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.importing.Discovery;
import io.rackscope.desktop.importing.TopologyImport;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.prometheus.Series;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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

    @Option(names = "--dry-run", description = "print the summary and the diff, write nothing")
    boolean dryRun;

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
        Files.createDirectories(out);
        Path root = out.toAbsolutePath().normalize();
        RackscopeConfig before = new ConfigLoader().load(root);
        String query = Discovery.query(metric, identity, levels);
        QueryResult answer;
        try (PrometheusClient client =
                new PrometheusClient(before.app().telemetry().endpoint(url), new QueryStats())) {
            answer = client.query(query).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            err.println(
                    "cannot ask "
                            + url
                            + " for "
                            + query
                            + ": "
                            + (e.getCause() == null ? e : e.getCause()).getMessage());
            err.flush();
            return 1;
        }
        Discovery.Found found =
                Discovery.plan(
                        answer.series().stream().map(Series::labels).toList(), identity, levels);
        found.problems().forEach(err::println);
        if (found.rows().isEmpty()) {
            err.println(
                    "no node placed: "
                            + found.nodes()
                            + " value(s) of "
                            + identity
                            + " in "
                            + query);
            err.flush();
            return 1;
        }
        EditSession session = new EditSession(root);
        if (!Files.exists(root.resolve("app.yaml"))) {
            session.write(root.resolve("app.yaml"), appYaml(levels));
        }
        Path checks = root.resolve("checks/library/discovered.yaml");
        if (before.check("node_up").isEmpty() && !Files.exists(checks)) {
            session.write(
                    checks,
                    "# Written by discover: a node is CRIT when its "
                            + metric
                            + " series says it is down.\nchecks:\n  - id: node_up\n    name: Node up\n    scope: node\n    expr: "
                            + metric
                            + "{"
                            + identity
                            + "=~\"$instances\"}\n    output: bool\n    rules:\n      - {op: \"==\", value: 0, severity: CRIT}\n");
        }
        Map<String, TopologyImport.Proposal> templates = new LinkedHashMap<>();
        found.templates()
                .forEach(
                        (id, nodes) ->
                                templates.put(
                                        id,
                                        new TopologyImport.Proposal(
                                                "Discovered, "
                                                        + nodes
                                                        + (nodes == 1 ? " node" : " nodes"),
                                                1,
                                                nodes,
                                                List.of("node_up"))));
        TopologyImport.Report report;
        try (TopologyImport im = new TopologyImport(session, before)) {
            report = im.apply(found.rows(), List.of(), templates);
        } catch (EditRefused e) {
            err.println("refused: " + e.describe(root));
            err.flush();
            return 1;
        }
        report.problems().forEach(err::println);
        try (EditCheck check = EditCheck.of(session, before)) {
            check.warnings().forEach(err::println);
            if (!check.errors().isEmpty()) {
                check.errors().forEach(err::println);
                err.println(
                        "refused: the estate found would leave the errors above; nothing written");
                err.flush();
                return 1;
            }
        }
        o.println(found.nodes() + " node(s) in Prometheus; " + report.summary());
        if (dryRun) {
            o.print(session.diff());
        } else {
            session.save().forEach(f -> o.println("wrote " + root.relativize(f)));
        }
        o.flush();
        err.flush();
        return 0;
    }

    private String appYaml(Discovery.Levels levels) {
        StringBuilder b =
                new StringBuilder(
                                "# Written by rackscope-desktop discover: the Prometheus it asked and the labels it read.\n")
                        .append("telemetry:\n  prometheus_url: ")
                        .append(url)
                        .append("\n  identity_label: ")
                        .append(identity)
                        .append('\n');
        if (levels.rack().label() != null && levels.rack().pattern() == null) {
            b.append("  rack_label: ").append(levels.rack().label()).append('\n');
        }
        if (levels.device() != null
                && levels.device().label() != null
                && levels.device().pattern() == null) {
            b.append("  chassis_label: ").append(levels.device().label()).append('\n');
        }
        return b.toString();
    }
}
