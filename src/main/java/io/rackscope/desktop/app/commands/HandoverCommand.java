package io.rackscope.desktop.app.commands;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.cli.ConfigLocation;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.SilenceStore;
import io.rackscope.desktop.handling.Stores;
import io.rackscope.desktop.handover.Handover;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "handover",
        mixinStandardHelpOptions = true,
        description = {
            "Write the shift's handover: one printable HTML page (still failing and unhandled;"
                    + " acknowledged, by whom and why; resolved; maintenances and acknowledgements"
                    + " ending soon; flapping; Prometheus outages; the worst incidents), from the"
                    + " incident journal and the handling store, with a picture of the rack of each"
                    + " of the worst incidents at its worst moment when Prometheus can be asked."
        })
public final class HandoverCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "DIR", description = "configuration directory")
    Path config;

    @Option(
            names = "--since",
            paramLabel = "DURATION",
            defaultValue = "8h",
            description = "the shift: how far back (default 8h)")
    String since;

    @Option(
            names = "--ahead",
            paramLabel = "DURATION",
            defaultValue = "4h",
            description = "maintenances and acknowledgements ending within this (default 4h)")
    String ahead;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "where handover.html and its pictures go")
    Path out;

    @Option(
            names = "--journal",
            paramLabel = "DIR",
            description = "journal directory (default $XDG_STATE_HOME/rackscope-desktop/journal)")
    Path journalDir;

    @Option(names = "--prometheus", paramLabel = "URL", description = "for the pictures")
    String prometheus;

    @Option(
            names = "--alertmanager",
            paramLabel = "URL",
            description = "where acknowledgements and maintenances are (default: app.yaml's)")
    String alertmanager;

    @Option(names = "--no-pictures", description = "the text alone: Prometheus is not asked")
    boolean noPictures;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration back = duration(since, "--since");
        Duration soon = duration(ahead, "--ahead");
        Path dir = ConfigLocation.resolve(config);
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        cfg.diagnostics().errors().forEach(spec.commandLine().getErr()::println);
        Instant now = Instant.now();
        List<String> failed = new ArrayList<>();
        Handover.Pictures pictures =
                noPictures
                        ? Handover.Pictures.NONE
                        : (view, at, file) -> render(dir, view, at, file, failed);
        Handover.Written w;
        try (SilenceStore store = Stores.store(cfg, alertmanager)) {
            w =
                    Handover.write(
                            cfg.topology(),
                            cfg.app().name(),
                            new Journal(
                                    journalDir != null ? journalDir : Journal.defaultDirectory(),
                                    3650),
                            store,
                            now.minus(back),
                            now,
                            soon,
                            out,
                            pictures,
                            ZoneId.systemDefault());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s (%d picture(s))%n", w.page(), w.pictures());
        w.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
        failed.stream().distinct().forEach(f -> spec.commandLine().getErr().println("note: " + f));
        o.flush();
        return 0;
    }

    /** {@code render --at} of {@code view} into {@code file}, in this process. */
    private boolean render(Path dir, String view, Instant at, Path file, List<String> failed) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--config",
                                dir.toString(),
                                "--view",
                                view,
                                "--at",
                                at.toString(),
                                "--out",
                                file.toString(),
                                "--width",
                                "1280",
                                "--height",
                                "900",
                                "--theme",
                                "light"));
        if (prometheus != null) {
            args.addAll(List.of("--prometheus", prometheus));
        }
        StringWriter err = new StringWriter();
        CommandLine render = new CommandLine(new RenderCommand());
        render.setOut(new PrintWriter(new StringWriter()));
        render.setErr(new PrintWriter(err));
        int code = render.execute(args.toArray(String[]::new));
        if (code != 0) {
            failed.add("no picture of " + view + ": " + err.toString().strip());
        }
        return code == 0;
    }

    private Duration duration(String text, String option) {
        return Durations.parse(text)
                .filter(d -> !d.isZero())
                .orElseThrow(
                        () ->
                                new CommandLine.ParameterException(
                                        spec.commandLine(),
                                        option + " must be a duration such as 8h or 30m"));
    }
}
