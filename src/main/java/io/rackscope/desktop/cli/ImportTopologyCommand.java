package io.rackscope.desktop.cli;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditCheck;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.importing.ImportRows;
import io.rackscope.desktop.importing.TopologyImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import-topology",
        mixinStandardHelpOptions = true,
        description = {
            "Import devices from a CSV into the estate: sites, rooms, aisles and racks made as"
                    + " needed, devices added or, where their id is known, moved and updated; what the"
                    + " file does not say is left as it is. A bad row is named by its line; the others"
                    + " are imported. --dry-run prints the diff and writes nothing.",
            "csv: the header site,room,aisle,rack,u,face,template,id,name,instance (instance: a"
                    + " node, a range such as cn[0001-0004], or a list a;b).",
            "netbox-csv: a NetBox device export (Name, Site, Location, Rack, Position, Face,"
                    + " Type or Device type; the bulk-import field names too). Exit 0 imported (problems"
                    + " listed), 1 nothing could be written, 2 usage."
        })
public final class ImportTopologyCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "DIR", description = "configuration directory")
    Path config;

    @Option(names = "--from", required = true, paramLabel = "csv|netbox-csv")
    String from;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--dry-run", description = "print the unified diff, write nothing")
    boolean dryRun;

    @Option(
            names = "--type",
            paramLabel = "NETBOX-TYPE=TEMPLATE",
            description = "netbox-csv: the template for a device type (repeatable)")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(
            names = "--propose-templates",
            description =
                    "netbox-csv: a device template (1 node, its U height from a 'U height' column,"
                            + " else 1) for each device type that has none")
    boolean propose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!from.equals("csv") && !from.equals("netbox-csv")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--from is csv or netbox-csv");
        }
        if (!Files.isRegularFile(file)) {
            err.println("cannot read " + file);
            err.flush();
            return 1;
        }
        ImportRows.Read read;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = from.equals("csv") ? ImportRows.csv(in) : ImportRows.netbox(in, types);
        }
        Path root = ConfigLocation.resolve(config).toAbsolutePath().normalize();
        RackscopeConfig before = new ConfigLoader().load(root);
        EditSession session = new EditSession(root);
        Map<String, TopologyImport.Proposal> proposals = new LinkedHashMap<>();
        read.types()
                .forEach(
                        (type, height) -> {
                            String template = types.getOrDefault(type, ImportRows.slug(type));
                            if (before.templates().device(template).isEmpty()) {
                                err.println(
                                        "device type '"
                                                + type
                                                + "' has no template '"
                                                + template
                                                + "'"
                                                + (propose
                                                        ? ": proposed, " + height + "U, one node"
                                                        : ": map it with --type '"
                                                                + type
                                                                + "=TEMPLATE' or"
                                                                + " --propose-templates"));
                                if (propose) {
                                    proposals.put(
                                            template,
                                            new TopologyImport.Proposal(
                                                    type, height, 1, List.of()));
                                }
                            }
                        });
        TopologyImport.Report report;
        try (TopologyImport im = new TopologyImport(session, before)) {
            report = im.apply(read.rows(), read.problems(), proposals);
        } catch (EditRefused e) {
            err.println("refused: " + e.describe(root));
            err.flush();
            return 1;
        }
        report.problems().forEach(err::println);
        return EditCommand.report(
                out,
                err,
                root,
                EditCheck.conclude(session, before, !dryRun),
                dryRun,
                report.summary(),
                "the import");
    }
}
