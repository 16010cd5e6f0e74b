package io.rackscope.desktop.cli;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.Stores;
import io.rackscope.desktop.handling.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Maintenances for change-management scripts, through the same store as the window. */
@Command(
        name = "maintenance",
        mixinStandardHelpOptions = true,
        description =
                "Add, list and end maintenances (Alertmanager silences when alertmanager.url is"
                        + " set, else maintenances.yaml beside app.yaml, the web original's file).",
        subcommands = {
            MaintenanceCommand.Add.class,
            MaintenanceCommand.ListAll.class,
            MaintenanceCommand.End.class
        })
public final class MaintenanceCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** --config and --alertmanager, shared by the maintenance and ack commands. */
    public static final class StoreOptions {
        @Option(names = "--config", paramLabel = "DIR", description = "configuration directory")
        Path config;

        @Option(
                names = "--alertmanager",
                paramLabel = "URL",
                description = "Alertmanager base URL (overrides alertmanager.url)")
        String alertmanager;

        @Option(
                names = "--by",
                paramLabel = "NAME",
                description = "who does it (default: the OS user)")
        String by;

        RackscopeConfig load() {
            return new ConfigLoader().load(ConfigLocation.resolve(config));
        }

        HandlingService service(RackscopeConfig cfg) {
            return Stores.service(cfg, alertmanager, Clock.systemUTC());
        }

        /**
         * Why the store cannot be told: app.yaml has errors (its {@code alertmanager} block may be
         * what is broken) and no --alertmanager names one; empty otherwise. A change is then
         * refused rather than kept where no one else looks.
         */
        java.util.Optional<String> undetermined(RackscopeConfig cfg) {
            if (alertmanager != null) {
                return java.util.Optional.empty();
            }
            return cfg.diagnostics().errors().stream()
                    .filter(
                            d ->
                                    d.file() != null
                                            && d.file().getFileName().toString().equals("app.yaml"))
                    .findFirst()
                    .map(
                            d ->
                                    "app.yaml has errors ("
                                            + d
                                            + "): where acknowledgements and maintenances are kept"
                                            + " cannot be told, so nothing was written; fix it, or"
                                            + " name the store with --alertmanager URL");
        }

        String by() {
            return by != null && !by.isBlank() ? by : System.getProperty("user.name", "operator");
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Put a site, room, aisle, rack, device or node under maintenance.")
    static final class Add implements Callable<Integer> {
        @Mixin StoreOptions store;

        @Option(
                names = "--target",
                required = true,
                paramLabel = "KIND:ID",
                description = "site:ID, room:ID, aisle:ID, rack:ID, device:ID or node:ID")
        String target;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Option(
                names = "--effect",
                defaultValue = "badge",
                paramLabel = "hide|badge",
                description = "hide: not listed at all; badge (default): listed, tagged, silent")
        String effect;

        @Option(
                names = "--start",
                paramLabel = "TIME",
                converter = Moment.class,
                description = "when it starts (default now)")
        Instant start;

        @Option(
                names = "--end",
                paramLabel = "TIME",
                converter = Moment.class,
                description = "when it ends (default: open-ended)")
        Instant end;

        @Option(names = "--duration", paramLabel = "DURATION", description = "or how long (2h)")
        String duration;

        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Target t =
                    Target.parse(target)
                            .orElseThrow(
                                    () ->
                                            new CommandLine.ParameterException(
                                                    spec.commandLine(),
                                                    "--target must be KIND:ID with KIND one of"
                                                            + " site, room, aisle, rack, device,"
                                                            + " node"));
            if (!effect.equals("hide") && !effect.equals("badge")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--effect must be hide or badge");
            }
            if (end != null && duration != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "give --end or --duration, not both");
            }
            Instant from = start == null ? Instant.now() : start;
            Instant until = end;
            if (duration != null) {
                Duration d =
                        Durations.parse(duration)
                                .orElseThrow(
                                        () ->
                                                new CommandLine.ParameterException(
                                                        spec.commandLine(),
                                                        "--duration must be like 30m or 2h"));
                until = from.plus(d);
            }
            RackscopeConfig cfg = store.load();
            PrintWriter err = spec.commandLine().getErr();
            if (!t.existsIn(cfg.topology())) {
                err.println("no " + t.type().key() + " '" + t.id() + "' in the topology");
                return 1;
            }
            java.util.Optional<String> unknown = store.undetermined(cfg);
            if (unknown.isPresent()) {
                err.println(unknown.get());
                return 1;
            }
            HandlingService h = store.service(cfg);
            Silence made =
                    h.maintain(
                            t,
                            reason,
                            effect.equals("hide") ? Silence.Effect.HIDE : Silence.Effect.BADGE,
                            start,
                            until,
                            store.by());
            if (made.id().startsWith("pending-")) {
                err.println(
                        "could not keep the maintenance: "
                                + h.problem().orElse("the store did not answer"));
                return 1;
            }
            spec.commandLine().getOut().println(made.id());
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the maintenances: active, scheduled and expired.")
    static final class ListAll implements Callable<Integer> {
        @Mixin StoreOptions store;

        @Option(names = "--json", description = "one JSON object")
        boolean json;

        @Option(names = "--acks", description = "list acknowledgements too")
        boolean acks;

        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            HandlingService h = store.service(store.load());
            h.refresh();
            PrintWriter out = spec.commandLine().getOut();
            Optional<String> problem = h.problem();
            if (problem.isPresent()) {
                spec.commandLine().getErr().println(problem.get());
                return 1;
            }
            h.limitation().ifPresent(l -> spec.commandLine().getErr().println(h.source()));
            Instant now = Instant.now();
            List<Silence> shown =
                    h.silences().stream()
                            .filter(s -> acks || s.kind() == Silence.Kind.MAINTENANCE)
                            .toList();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("source", h.source());
                doc.put("maintenances", shown.stream().map(s -> row(s, now)).toList());
                out.println(Json.write(doc));
            } else {
                if (shown.isEmpty()) {
                    out.println("no maintenances (" + h.source() + ")");
                }
                for (Silence s : shown) {
                    out.printf(
                            "%-36s %-9s %-5s %-28s %s%s%n",
                            s.id(),
                            s.status(now),
                            s.kind() == Silence.Kind.ACK
                                    ? "ack"
                                    : s.effect().name().toLowerCase(java.util.Locale.ROOT),
                            s.scope(),
                            s.text(),
                            s.endsAt() == null ? "" : "  until " + s.endsAt());
                }
            }
            return 0;
        }

        private static Map<String, Object> row(Silence s, Instant now) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("kind", s.kind() == Silence.Kind.ACK ? "ack" : "maintenance");
            m.put("status", s.status(now).name());
            m.put("target", s.target() == null ? null : s.target().text());
            m.put("matchers", s.matchers().stream().map(x -> x.text()).toList());
            m.put("effect", s.effect() == Silence.Effect.HIDE ? "hide" : "badge");
            m.put("reason", s.text());
            m.put("by", s.by());
            m.put("starts_at", s.startsAt() == null ? null : s.startsAt().toString());
            m.put("expires_at", s.endsAt() == null ? null : s.endsAt().toString());
            m.put("ended_at", s.endedAt() == null ? null : s.endedAt().toString());
            return m;
        }
    }

    @Command(
            name = "end",
            mixinStandardHelpOptions = true,
            description = "End a maintenance (or an acknowledgement) now.")
    static final class End implements Callable<Integer> {
        @Mixin StoreOptions store;

        @Parameters(paramLabel = "ID")
        String id;

        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            HandlingService h = store.service(store.load());
            h.refresh();
            if (h.problem().isPresent()) {
                spec.commandLine().getErr().println(h.problem().get());
                return 1;
            }
            if (h.silences().stream().noneMatch(s -> s.id().equals(id))) {
                spec.commandLine()
                        .getErr()
                        .println("no maintenance or acknowledgement '" + id + "'");
                return 1;
            }
            h.end(id);
            h.refresh();
            Optional<String> problem = h.problem();
            if (problem.isPresent()) {
                spec.commandLine().getErr().println(problem.get());
                return 1;
            }
            spec.commandLine().getOut().println("ended " + id);
            return 0;
        }
    }
}
