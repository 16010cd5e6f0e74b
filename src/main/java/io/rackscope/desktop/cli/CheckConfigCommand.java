package io.rackscope.desktop.cli;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.FileStore;
import io.rackscope.desktop.topology.Topology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        description =
                "Load a configuration directory, print its counts and every problem found. Exit 1 when there are errors.")
public final class CheckConfigCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "DIR",
            description =
                    "configuration directory (default: /etc/rackscope, ~/.config/rackscope, then the demo)")
    Path config;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        RackscopeConfig cfg = new ConfigLoader().load(ConfigLocation.resolve(config));
        Map<String, Object> counts = counts(cfg);
        if (cfg.app().alertmanager() == null) {
            // maintenances.yaml (the web original's) and the acknowledgements beside it
            counts.put(
                    "maintenances",
                    new FileStore(cfg.paths().appYaml().toAbsolutePath().getParent())
                            .check(cfg.diagnostics()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>(counts);
            doc.put("errors", Json.diagnostics(cfg.diagnostics().errors()));
            doc.put("warnings", Json.diagnostics(cfg.diagnostics().warnings()));
            out.println(Json.write(doc));
        } else {
            out.println("Configuration " + cfg.paths().root());
            counts.forEach((k, v) -> out.printf("  %-10s %d%n", k, v));
            for (Diagnostic d : cfg.diagnostics().all()) {
                out.println(d);
            }
            out.printf(
                    "%d error(s), %d warning(s)%n",
                    cfg.diagnostics().errors().size(), cfg.diagnostics().warnings().size());
        }
        out.flush();
        return cfg.hasErrors() ? 1 : 0;
    }

    static Map<String, Object> counts(RackscopeConfig cfg) {
        Topology t = cfg.topology();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sites", t.sites().size());
        m.put("rooms", t.rooms().size());
        m.put("aisles", t.aisles().size());
        m.put("racks", t.racks().size());
        m.put("devices", t.deviceCount());
        m.put("instances", t.instances().size());
        m.put("checks", cfg.checks().size());
        m.put("metrics", cfg.metrics().size());
        return m;
    }
}
