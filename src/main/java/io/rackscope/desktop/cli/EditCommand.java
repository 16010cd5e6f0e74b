package io.rackscope.desktop.cli;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditCheck;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.edit.LibraryEdits;
import io.rackscope.desktop.edit.YamlText;
import io.rackscope.desktop.topology.Face;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The estate edited from scripts and config CI, through the same editing core as the window: each
 * action changes only the lines it must, is checked by the loader before anything is written, and
 * is written atomically unless another hand changed a file meanwhile.
 */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description =
                "Edit the estate's YAML in place, keeping comments and formatting; --dry-run prints"
                        + " the unified diff and writes nothing. Exit 0 done, 1 refused, 2 usage.",
        subcommands = {
            EditCommand.Rewrite.class,
            EditCommand.AddSite.class,
            EditCommand.SetLocation.class,
            EditCommand.AddRoom.class,
            EditCommand.AddAisle.class,
            EditCommand.AddRack.class,
            EditCommand.MoveRack.class,
            EditCommand.AddDevice.class,
            EditCommand.MoveDevice.class,
            EditCommand.EditDevice.class,
            EditCommand.AddDeviceTemplate.class,
            EditCommand.MoveAisle.class,
            EditCommand.Template.class,
            EditCommand.CheckAction.class,
            EditCommand.MetricAction.class,
            EditCommand.SetLayout.class,
            EditCommand.AddStandaloneRack.class,
            EditCommand.Rename.class,
            EditCommand.Delete.class
        })
public final class EditCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Option(
            names = "--config",
            paramLabel = "DIR",
            description = "configuration directory",
            scope = CommandLine.ScopeType.INHERIT)
    Path config;

    @Option(
            names = "--dry-run",
            description = "print the unified diff, write nothing",
            scope = CommandLine.ScopeType.INHERIT)
    boolean dryRun;

    Path root() {
        return ConfigLocation.resolve(config).toAbsolutePath().normalize();
    }

    /** The run of one edit: checked by the loader, then shown (--dry-run) or written. */
    int run(CommandLine.Model.CommandSpec spec, Consumer<EstateEdits> edit) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = root();
        RackscopeConfig before = new ConfigLoader().load(root);
        EditSession session = new EditSession(root);
        try {
            edit.accept(new EstateEdits(session, before));
            return report(
                    out,
                    err,
                    root,
                    EditCheck.conclude(session, before, !dryRun),
                    dryRun,
                    null,
                    "the edit");
        } catch (EditRefused e) {
            err.println("refused: " + e.describe(root));
            err.flush();
            return 1;
        }
    }

    /**
     * Prints what writing did or would do ({@code header} first, when not null): the loader's
     * warnings; its errors and the refusal (1); else the diff ({@code dryRun}) or the files
     * written.
     */
    static int report(
            PrintWriter out,
            PrintWriter err,
            Path root,
            EditCheck.Outcome o,
            boolean dryRun,
            String header,
            String what) {
        o.warnings().forEach(err::println);
        if (!o.errors().isEmpty()) {
            o.errors().forEach(err::println);
            err.println("refused: " + what + " would leave the errors above; nothing written");
            err.flush();
            return 1;
        }
        if (header != null) {
            out.println(header);
        }
        if (dryRun) {
            out.print(o.diff());
        }
        o.written().forEach(f -> out.println("wrote " + root.relativize(f)));
        out.flush();
        err.flush();
        return 0;
    }

    @Command(
            name = "rewrite",
            mixinStandardHelpOptions = true,
            description =
                    "Load and write every YAML file through the editor; nothing changes, so every"
                            + " file stays byte-identical (a check of the round trip).")
    static final class Rewrite implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path root = edit.root();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int files = 0;
            int differ = 0;
            try (Stream<Path> all = Files.walk(root)) {
                for (Path f : all.filter(EditCommand::isYaml).sorted().toList()) {
                    byte[] before = Files.readAllBytes(f);
                    String text;
                    try {
                        text = YamlText.parse(Files.readString(f)).text();
                    } catch (RuntimeException e) {
                        err.println(
                                root.relativize(f)
                                        + ": not valid YAML, left as it is: "
                                        + e.getMessage());
                        continue;
                    }
                    files++;
                    if (!edit.dryRun) {
                        EditSession.writeAtomically(f, text);
                    }
                    if (!java.util.Arrays.equals(before, Files.readAllBytes(f))) {
                        differ++;
                        err.println(root.relativize(f) + ": changed by the round trip");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.printf(
                    "%d files %s, %d changed%n", files, edit.dryRun ? "read" : "rewritten", differ);
            out.flush();
            return differ == 0 ? 0 : 1;
        }
    }

    @Command(
            name = "add-site",
            mixinStandardHelpOptions = true,
            description = "Add a site to topology/sites.yaml.")
    static final class AddSite implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--name", paramLabel = "N")
        String name;

        @Option(names = "--lat", paramLabel = "X")
        Double lat;

        @Option(names = "--lon", paramLabel = "Y")
        Double lon;

        @Override
        public Integer call() {
            if ((lat == null) != (lon == null)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--lat and --lon go together");
            }
            return edit.run(spec, e -> e.addSite(id, name, lat, lon));
        }
    }

    @Command(
            name = "set-location",
            mixinStandardHelpOptions = true,
            description = "Set a site's map location (the nested location: {lat, lon} form).")
    static final class SetLocation implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SITE")
        String site;

        @Option(names = "--lat", required = true, paramLabel = "X")
        double lat;

        @Option(names = "--lon", required = true, paramLabel = "Y")
        double lon;

        @Override
        public Integer call() {
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--lat is -90..90 and --lon -180..180");
            }
            return edit.run(spec, e -> e.setLocation(site, lat, lon));
        }
    }

    @Command(
            name = "add-room",
            mixinStandardHelpOptions = true,
            description = "Add a room to a site (its room.yaml).")
    static final class AddRoom implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SITE")
        String site;

        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @Option(names = "--name", paramLabel = "N")
        String name;

        @Override
        public Integer call() {
            return edit.run(spec, e -> e.addRoom(site, id, name));
        }
    }

    @Command(
            name = "add-aisle",
            mixinStandardHelpOptions = true,
            description = "Add an aisle to a room (listed in room.yaml, with its aisle.yaml).")
    static final class AddAisle implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SITE/ROOM")
        String room;

        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @Option(names = "--name", paramLabel = "N")
        String name;

        @Override
        public Integer call() {
            return edit.run(spec, e -> e.addAisle(room, id, name));
        }
    }

    @Command(
            name = "add-rack",
            mixinStandardHelpOptions = true,
            description = "Add a rack at the end of an aisle (its file, and the aisle's list).")
    static final class AddRack implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SITE/ROOM/AISLE")
        String aisle;

        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @Option(names = "--template", paramLabel = "T", description = "rack template id")
        String template;

        @Option(
                names = "--u",
                paramLabel = "N",
                description = "U height (default: the template's, else 42)")
        Integer u;

        @Option(names = "--name", paramLabel = "N", description = "default: the id")
        String name;

        @Override
        public Integer call() {
            return edit.run(spec, e -> e.addRack(aisle, id, name, template, u));
        }
    }

    @Command(
            name = "move-rack",
            mixinStandardHelpOptions = true,
            description =
                    "Move a rack to another aisle of its room, or to another place in its own (its file moves with it).")
    static final class MoveRack implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "RACK")
        String rack;

        @Option(names = "--to", required = true, paramLabel = "SITE/ROOM/AISLE")
        String to;

        @Option(
                names = "--index",
                paramLabel = "N",
                description = "place in the aisle, 0 first (default: last)")
        Integer index;

        @Override
        public Integer call() {
            return edit.run(spec, e -> e.moveRack(rack, to, index));
        }
    }

    @Command(
            name = "add-device",
            mixinStandardHelpOptions = true,
            description =
                    "Add a device to a rack at a U, checked for collisions on its face and for the rack's bounds.")
    static final class AddDevice implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RACK")
        String rack;

        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @Option(names = "--template", required = true, paramLabel = "T")
        String template;

        @Option(names = "--u", required = true, paramLabel = "N", description = "lowest U it takes")
        int u;

        @Option(names = "--face", paramLabel = "front|rear", description = "default front")
        String face = "front";

        @Option(
                names = "--instance",
                paramLabel = "PATTERN",
                description = "node id, or a range such as cn[0001-0004]")
        String instance;

        @Override
        public Integer call() {
            Face f = face(spec, face);
            return edit.run(spec, e -> e.addDevice(rack, id, template, u, f, instance));
        }
    }

    @Command(
            name = "move-device",
            mixinStandardHelpOptions = true,
            description =
                    "Move a device to another U or face of its rack, or to another rack (its"
                            + " text, comments and labels go with it), checked for room there.")
    static final class MoveDevice implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DEVICE")
        String device;

        @Option(names = "--u", required = true, paramLabel = "N", description = "lowest U it takes")
        int u;

        @Option(names = "--face", paramLabel = "front|rear", description = "default: front")
        String face = "front";

        @Option(names = "--rack", paramLabel = "RACK", description = "default: its own rack")
        String rack;

        @Override
        public Integer call() {
            Face f = face(spec, face);
            return edit.run(
                    spec,
                    e -> {
                        if (rack == null) {
                            e.moveDevice(device, u, f);
                        } else {
                            e.moveDevices(List.of(new EstateEdits.Placement(device, rack, u, f)));
                        }
                    });
        }
    }

    @Command(
            name = "edit-device",
            mixinStandardHelpOptions = true,
            description = "Change a device's id, name or nodes; what is not given stays.")
    static final class EditDevice implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DEVICE")
        String device;

        @Option(names = "--id", paramLabel = "ID")
        String id;

        @Option(names = "--name", paramLabel = "NAME")
        String name;

        @Option(
                names = "--instance",
                paramLabel = "NODES",
                description = "a node, a range such as cn[0001-0004], or a list 'cn01,cn07'")
        String instance;

        @Override
        public Integer call() {
            return edit.run(
                    spec,
                    e -> {
                        var d = e.device(device);
                        e.editDevice(
                                device,
                                id == null ? d.id() : id,
                                name == null ? d.name() : name,
                                instance);
                    });
        }
    }

    @Command(
            name = "add-device-template",
            mixinStandardHelpOptions = true,
            description =
                    "Add a device template in a file of its own (templates/devices/TYPE/ID.yaml):"
                            + " its U height, a grid of nodes, the checks that apply.")
    static final class AddDeviceTemplate implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--name", paramLabel = "NAME")
        String name;

        @Option(names = "--type", paramLabel = "TYPE", description = "server, switch, storage…")
        String type = "server";

        @Option(names = "--u", paramLabel = "N", description = "U height; default 1")
        int u = 1;

        @Option(names = "--rows", paramLabel = "N", description = "rows of nodes; default 1")
        int rows = 1;

        @Option(names = "--cols", paramLabel = "N", description = "nodes per row; default 1")
        int cols = 1;

        @Option(names = "--checks", paramLabel = "IDS", split = ",", description = "check ids")
        List<String> checks = List.of();

        @Override
        public Integer call() {
            return edit.run(spec, e -> e.addDeviceTemplate(id, name, type, u, rows, cols, checks));
        }
    }

    @Command(
            name = "template",
            mixinStandardHelpOptions = true,
            description =
                    "A device, rack or component template: show prints its YAML and used-by what"
                            + " uses it (both write nothing); set --file F writes it as F holds it"
                            + " ('-': standard input; a new id in F reaches every reference); delete"
                            + " is refused while anything uses it, naming it; rename --to NEW changes"
                            + " its id and every reference to it.")
    static final class Template implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "show|used-by|set|delete|rename")
        String action;

        @Parameters(index = "1", paramLabel = "device|rack|component")
        String kind;

        @Parameters(index = "2", paramLabel = "ID")
        String id;

        @Option(names = "--to", paramLabel = "NEW", description = "rename: the new id")
        String to;

        @Option(names = "--file", paramLabel = "F", description = "set: its YAML")
        String file;

        @Override
        public Integer call() {
            io.rackscope.desktop.edit.TemplateEdits.Kind k;
            try {
                k = io.rackscope.desktop.edit.TemplateEdits.Kind.parse(kind);
            } catch (EditRefused e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return new ItemCommand(
                            edit,
                            spec,
                            e -> e.templates().of(k),
                            cfg -> io.rackscope.desktop.edit.TemplateEdits.usedBy(cfg, k, id),
                            false)
                    .run(action, id, to, file, null);
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "A check of the library: show prints its YAML and used-by the templates that"
                            + " list it (both write nothing); set --file F writes it as F holds it"
                            + " ('-': standard input), a new id in F reaching the templates too; add"
                            + " --file F [--after ID] adds one (after ID, else in"
                            + " checks/library/custom.yaml); rename --to NEW changes its id in it"
                            + " and in every template; delete is refused while a template lists"
                            + " it.")
    static final class CheckAction extends LibraryAction {
        @Override
        LibraryEdits.Library library() {
            return LibraryEdits.Library.CHECK;
        }
    }

    @Command(
            name = "metric",
            mixinStandardHelpOptions = true,
            description =
                    "A metric of the library, as 'check' does for checks: show, used-by, set"
                            + " --file F, add --file F [--after ID] (else in"
                            + " metrics/library/custom.yaml), rename --to NEW (in every template's"
                            + " metrics list), delete (refused while a template lists it; a file"
                            + " holding only that metric goes with it).")
    static final class MetricAction extends LibraryAction {
        @Override
        LibraryEdits.Library library() {
            return LibraryEdits.Library.METRIC;
        }
    }

    /** The actions on an item of a library (a check, a metric). */
    abstract static class LibraryAction implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "show|used-by|set|add|rename|delete")
        String action;

        @Parameters(index = "1", arity = "0..1", paramLabel = "ID")
        String id;

        @Option(names = "--to", paramLabel = "NEW", description = "rename: the new id")
        String to;

        @Option(names = "--file", paramLabel = "F", description = "set, add: its YAML")
        String file;

        @Option(names = "--after", paramLabel = "ID", description = "add: the item it follows")
        String after;

        abstract LibraryEdits.Library library();

        @Override
        public Integer call() {
            return new ItemCommand(
                            edit,
                            spec,
                            e -> library() == LibraryEdits.Library.CHECK ? e.checks() : e.metrics(),
                            cfg -> LibraryEdits.usedBy(cfg, library(), id),
                            true)
                    .run(action, id, to, file, after);
        }
    }

    /**
     * The actions on an item of the library, whatever its kind: show and used-by (writing nothing),
     * set and add from a file, rename, delete; {@code canAdd} false: no add (templates are made
     * where they are used).
     */
    private record ItemCommand(
            EditCommand edit,
            CommandLine.Model.CommandSpec spec,
            java.util.function.Function<EstateEdits, io.rackscope.desktop.edit.ItemEdits> items,
            java.util.function.Function<RackscopeConfig, java.util.List<String>> usedBy,
            boolean canAdd) {
        int run(String action, String id, String to, String file, String after) {
            if (!action.equals("add") && id == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), action + " needs ID");
            }
            return switch (action) {
                case "show", "used-by" -> show(action.equals("show"), id);
                case "set" -> edit.run(spec, e -> items.apply(e).set(id, read(spec, action, file)));
                case "add" -> {
                    if (!canAdd) {
                        throw usage();
                    }
                    yield edit.run(spec, e -> items.apply(e).add(read(spec, action, file), after));
                }
                case "delete" -> edit.run(spec, e -> items.apply(e).delete(id));
                case "rename" -> {
                    if (to == null) {
                        throw new CommandLine.ParameterException(
                                spec.commandLine(), "rename needs --to NEW");
                    }
                    yield edit.run(spec, e -> items.apply(e).rename(id, to));
                }
                default -> throw usage();
            };
        }

        private CommandLine.ParameterException usage() {
            return new CommandLine.ParameterException(
                    spec.commandLine(),
                    canAdd
                            ? "the action is show, used-by, set, add, rename or delete"
                            : "the action is show, used-by, set, delete or rename");
        }

        private int show(boolean text, String id) {
            RackscopeConfig cfg = new ConfigLoader().load(edit.root());
            PrintWriter out = spec.commandLine().getOut();
            try {
                if (text) {
                    out.println(
                            items.apply(new EstateEdits(new EditSession(edit.root()), cfg))
                                    .text(id));
                } else {
                    usedBy.apply(cfg).forEach(out::println);
                }
            } catch (EditRefused e) {
                spec.commandLine().getErr().println("refused: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
            out.flush();
            return 0;
        }

        /** The YAML of {@code --file F} ({@code -}: standard input). */
        static String read(CommandLine.Model.CommandSpec spec, String action, String file) {
            if (file == null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), action + " needs --file F");
            }
            try {
                return file.equals("-")
                        ? new String(
                                System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        : java.nio.file.Files.readString(Path.of(file));
            } catch (java.io.IOException e) {
                throw new EditRefused("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(
            name = "move-aisle",
            mixinStandardHelpOptions = true,
            description = "Move an aisle in its room's list (0: first).")
    static final class MoveAisle implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SITE/ROOM/AISLE")
        String aisle;

        @Option(names = "--index", required = true, paramLabel = "N")
        int index;

        @Override
        public Integer call() {
            return edit.run(spec, e -> e.moveAisle(aisle, index));
        }
    }

    @Command(
            name = "set-layout",
            mixinStandardHelpOptions = true,
            description = "Set a room's layout: what is given changes, the rest stays as written.")
    static final class SetLayout implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SITE/ROOM")
        String room;

        @Option(names = "--width", paramLabel = "CELLS")
        Double width;

        @Option(names = "--height", paramLabel = "CELLS")
        Double height;

        @Option(names = "--cell", paramLabel = "PX", description = "grid cell size in pixels")
        Integer cell;

        @Option(names = "--grid", paramLabel = "true|false", arity = "1")
        Boolean grid;

        @Option(names = "--north", paramLabel = "top|right|bottom|left")
        String north;

        @Option(names = "--door-side", paramLabel = "north|south|east|west")
        String doorSide;

        @Option(names = "--door-position", paramLabel = "0..1")
        Double doorPosition;

        @Option(names = "--door-label", paramLabel = "TEXT")
        String doorLabel;

        @Override
        public Integer call() {
            return edit.run(
                    spec,
                    e ->
                            e.setLayout(
                                    room,
                                    new io.rackscope.desktop.edit.EstateEdits.Layout(
                                            width,
                                            height,
                                            cell,
                                            grid,
                                            north,
                                            doorSide,
                                            doorPosition,
                                            doorLabel)));
        }
    }

    @Command(
            name = "add-standalone-rack",
            mixinStandardHelpOptions = true,
            description = "Add a rack standing in a room outside any aisle (standalone_racks/).")
    static final class AddStandaloneRack implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SITE/ROOM")
        String room;

        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @Option(names = "--template", paramLabel = "T")
        String template;

        @Option(names = "--u", paramLabel = "N")
        Integer u;

        @Override
        public Integer call() {
            return edit.run(spec, e -> e.addStandaloneRack(room, id, template, u));
        }
    }

    @Command(
            name = "rename",
            mixinStandardHelpOptions = true,
            description =
                    "Give a site, room, aisle, rack or device another display name (--name), or a"
                            + " rack or device another id (--id).")
    static final class Rename implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "site|room|aisle|rack|device")
        String kind;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        @Option(names = "--name", paramLabel = "N")
        String name;

        @Option(names = "--id", paramLabel = "ID", description = "a rack's or device's new id")
        String id;

        @Override
        public Integer call() {
            String k = kind.toLowerCase(Locale.ROOT);
            if (!List.of("site", "room", "aisle", "rack", "device").contains(k)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "what is renamed is a site, room, aisle, rack or device");
            }
            if ((name == null) == (id == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --name or --id");
            }
            if (id != null && !k.equals("rack") && !k.equals("device")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "only a rack's or a device's id is changed here");
            }
            if (id == null) {
                return edit.run(spec, e -> e.rename(k, key, name));
            }
            return edit.run(
                    spec,
                    e -> {
                        if (k.equals("rack")) {
                            e.changeRackId(key, id);
                        } else {
                            var d = e.device(key);
                            e.editDevice(key, id, d.name(), null);
                        }
                    });
        }
    }

    static Face face(CommandLine.Model.CommandSpec spec, String face) {
        String f = face.toLowerCase(Locale.ROOT);
        if (!f.equals("front") && !f.equals("rear")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--face is front or rear");
        }
        return Face.parse(f);
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description =
                    "Delete a site, room, aisle, rack or device with what it holds (site: ID, room: SITE/ROOM, aisle: SITE/ROOM/AISLE, rack and device: their key).")
    static final class Delete implements Callable<Integer> {
        @CommandLine.ParentCommand EditCommand edit;

        @Spec CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "site|room|aisle|rack|device")
        String kind;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        @Override
        public Integer call() {
            Consumer<EstateEdits> delete =
                    switch (kind.toLowerCase(Locale.ROOT)) {
                        case "site" -> e -> e.deleteSite(key);
                        case "room" -> e -> e.deleteRoom(key);
                        case "aisle" -> e -> e.deleteAisle(key);
                        case "rack" -> e -> e.deleteRack(key);
                        case "device" -> e -> e.deleteDevice(key);
                        default ->
                                throw new CommandLine.ParameterException(
                                        spec.commandLine(),
                                        "what to delete is site, room, aisle, rack or device");
                    };
            return edit.run(spec, delete);
        }
    }

    static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }
}
