package io.rackscope.desktop.cli;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.simulator.EstateSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        description = {
            "Print the incident journal (what became new, worse, better or cleared), or with --out"
                    + " write the simulator's series for the past hours as OpenMetrics text, for"
                    + " 'promtool tsdb create-blocks-from openmetrics FILE DATA_DIR'."
        })
public final class HistoryCommand implements Callable<Integer> {
    @Mixin SimulationOptions options;

    @Option(
            names = "--hours",
            paramLabel = "H",
            description = "with --out: hours of history ending now (1..720)")
    int hours;

    @Option(
            names = "--since",
            paramLabel = "DURATION",
            defaultValue = "8h",
            description = "journal: how far back (default 8h, a shift)")
    String since;

    @Option(names = "--json", description = "journal: one JSON object")
    boolean json;

    @Option(
            names = "--csv",
            description =
                    "journal: CSV, one line per transition (a flapping incident's run folded into"
                            + " one FLAPPING line with its count, unless --all)")
    boolean csv;

    @Option(
            names = "--all",
            description = "journal: every transition of a flapping incident, not folded")
    boolean all;

    @Option(
            names = "--journal",
            paramLabel = "DIR",
            description = "journal directory (default $XDG_STATE_HOME/rackscope-desktop/journal)")
    Path journalDir;

    @Option(
            names = "--step",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "time between samples (default 60s)")
    String step;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "write the simulator's history to this OpenMetrics file")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (out == null) {
            return journal();
        }
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

    private int journal() {
        Duration back =
                Durations.parse(since)
                        .orElseThrow(
                                () ->
                                        new CommandLine.ParameterException(
                                                spec.commandLine(),
                                                "--since must be a duration such as 8h or 30m"));
        Instant now = Instant.now();
        Journal j = new Journal(journalDir != null ? journalDir : Journal.defaultDirectory(), 3650);
        Journal.Read read = j.read(now.minus(back), now);
        List<Journal.Entry> entries = all ? read.entries() : Journal.foldFlapping(read.entries());
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("from", now.minus(back).toString());
            doc.put("to", now.toString());
            doc.put(
                    "entries",
                    entries.stream()
                            .map(
                                    e -> {
                                        Map<String, Object> m = new LinkedHashMap<>();
                                        m.put("at", e.at().toString());
                                        m.put("kind", e.kind());
                                        m.put("id", e.id());
                                        m.put("severity", e.severity());
                                        m.put("previous", e.previous());
                                        m.put("place", e.place());
                                        m.put("name", e.name());
                                        m.put("path", e.path());
                                        m.put("checks", e.checks());
                                        m.put("members", e.members());
                                        m.put("flapping", e.flapping());
                                        m.put("by", e.by());
                                        m.put("note", e.note());
                                        m.put("count", e.count());
                                        return m;
                                    })
                            .toList());
            doc.put("damaged_lines", read.damaged());
            o.println(Json.write(doc));
        } else if (csv) {
            o.println(Journal.Entry.CSV_HEADER);
            entries.forEach(e -> o.println(e.csv()));
        } else {
            for (Journal.Entry e : entries) {
                o.printf(
                        "%s  %-8s %-4s %s (%d) %s%s%s%n",
                        e.at(),
                        e.kind(),
                        e.severity(),
                        e.event() ? e.name() + " " + e.path() : e.path(),
                        e.members(),
                        e.checks().keySet(),
                        e.count() > 1 ? " ×" + e.count() : "",
                        e.by() == null
                                ? ""
                                : " by " + e.by() + (e.note() == null ? "" : ": " + e.note()));
            }
            if (entries.isEmpty()) {
                o.println(
                        "no incident changes in the last "
                                + Durations.format(back)
                                + " ("
                                + j.directory()
                                + ")");
            }
        }
        o.flush();
        if (read.damaged() > 0) {
            spec.commandLine()
                    .getErr()
                    .println("warning: " + read.damaged() + " damaged journal line(s) skipped");
        }
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
