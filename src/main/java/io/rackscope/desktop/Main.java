package io.rackscope.desktop;

import io.rackscope.desktop.app.DesktopApp;
import io.rackscope.desktop.app.LaunchOptions;
import io.rackscope.desktop.app.UserSettings;
import io.rackscope.desktop.app.commands.DemoCommand;
import io.rackscope.desktop.app.commands.HandoverCommand;
import io.rackscope.desktop.app.commands.RenderCommand;
import io.rackscope.desktop.cli.AckCommand;
import io.rackscope.desktop.cli.CheckConfigCommand;
import io.rackscope.desktop.cli.CheckTestCommand;
import io.rackscope.desktop.cli.ConfigLocation;
import io.rackscope.desktop.cli.DiscoverCommand;
import io.rackscope.desktop.cli.EditCommand;
import io.rackscope.desktop.cli.GenerateTopologyCommand;
import io.rackscope.desktop.cli.HistoryCommand;
import io.rackscope.desktop.cli.ImportTopologyCommand;
import io.rackscope.desktop.cli.MaintenanceCommand;
import io.rackscope.desktop.cli.SimulateCommand;
import io.rackscope.desktop.cli.SnapshotCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code rackscope-desktop} command: the desktop app without a subcommand, the tools with one.
 */
@Command(
        name = "rackscope-desktop",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Datacenter health from Prometheus: world, sites, rooms, racks, devices.")
public final class Main implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "DIR",
            description =
                    "configuration directory (default: /etc/rackscope, ~/.config/rackscope, then the demo)")
    Path config;

    @Option(
            names = "--kiosk",
            description =
                    "full-screen wall display mode: playlist, no exit except the kiosk exit key pressed twice")
    boolean kiosk;

    @Option(
            names = "--screen",
            paramLabel = "N",
            description = "monitor for kiosk mode, 0 = primary (default: kiosk.screen)")
    Integer screen;

    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            description = "Prometheus base URL (overrides telemetry.prometheus_url)")
    String prometheus;

    @Option(
            names = "--view",
            paramLabel = "VIEW",
            description =
                    "open on this view: world, site:ID, room:SITE/ROOM, rack:ID[:rear|:both],"
                            + " device:ID, wallboard[:SCOPE], slurm, alerts[:SCOPE], maintenance")
    String view;

    @Option(
            names = "--reset-settings",
            description =
                    "forget what this user chose in earlier sessions (theme, sound, alert panel, last"
                            + " view, window) before opening")
    boolean resetSettings;

    @Override
    public Integer call() {
        if (resetSettings && !UserSettings.resetForUser()) {
            System.err.println("the saved settings could not be removed; opening with them");
        }
        LaunchOptions launch =
                new LaunchOptions(
                        ConfigLocation.resolve(config),
                        kiosk,
                        screen == null ? -1 : screen,
                        prometheus,
                        null,
                        view);
        // no configuration anywhere and nothing asked of the window: the first run finds one
        boolean firstRun =
                config == null
                        && !kiosk
                        && prometheus == null
                        && view == null
                        && ConfigLocation.found().isEmpty();
        DesktopApp.open(launch, firstRun ? ConfigLocation.userDirectory() : null);
        return 0;
    }

    /** The tools, each a subcommand. */
    private static final List<Class<?>> SUBCOMMANDS =
            List.of(
                    CheckConfigCommand.class,
                    SnapshotCommand.class,
                    SimulateCommand.class,
                    HistoryCommand.class,
                    DemoCommand.class,
                    RenderCommand.class,
                    GenerateTopologyCommand.class,
                    CheckTestCommand.class,
                    MaintenanceCommand.class,
                    EditCommand.class,
                    ImportTopologyCommand.class,
                    DiscoverCommand.class,
                    AckCommand.class,
                    HandoverCommand.class);

    public static void main(String[] args) {
        System.exit((opensTheWindow(args) ? window() : commandLine()).execute(args));
    }

    /** The command with every subcommand. */
    public static CommandLine commandLine() {
        CommandLine line = window();
        SUBCOMMANDS.forEach(line::addSubcommand);
        return line;
    }

    /**
     * The command without its subcommands: what opening the window needs. Their models, built by
     * reflection, took a quarter of a second of every start.
     */
    private static CommandLine window() {
        // "--view maintenance" names a view, not the maintenance command
        return new CommandLine(new Main()).setAllowSubcommandsAsOptionParameters(true);
    }

    /**
     * Whether {@code args} only open the window: they parse without a subcommand and ask no help
     * (whose usage lists the subcommands). Anything else, a mistake included, goes to the whole
     * command, which says what it says as before.
     */
    static boolean opensTheWindow(String[] args) {
        try {
            CommandLine.ParseResult r = window().parseArgs(args);
            return !r.isUsageHelpRequested() && !r.isVersionHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rackscope-desktop " + (v == null ? "development build" : v)};
        }
    }
}
