package io.rackscope.desktop.config;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.slurm.SlurmSettings;
import io.rackscope.desktop.topology.Site;
import io.rackscope.desktop.topology.TemplateCatalog;
import io.rackscope.desktop.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a Rackscope configuration directory, reporting every problem and keeping everything valid.
 */
public final class ConfigLoader {
    private final Map<String, String> environment;

    public ConfigLoader() {
        this(System.getenv());
    }

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * The checks of one file (a check being written, not yet in the library), with what is wrong
     * with them in {@code diagnostics}, read as the configuration {@code cfg} reads its own.
     */
    public Map<String, Check> checksOf(Path file, Diagnostics diagnostics, RackscopeConfig cfg) {
        Map<String, Check> out = new LinkedHashMap<>();
        new CheckLoader(diagnostics, new YamlReader(diagnostics), absentState(cfg.app()))
                .loadFile(file, out);
        return out;
    }

    /**
     * What a discovered but absent child is, unless its check says: the planner's unknown state.
     */
    private static Severity absentState(AppConfig app) {
        return Severity.parse(app.planner().unknownState()).orElse(Severity.UNKNOWN);
    }

    /**
     * The metrics {@code text} defines (one metric, or a {@code metrics:} list) as the library
     * reads its own, with what is wrong with them in {@code diagnostics}: a metric being written.
     */
    public Map<String, MetricDefinition> metricsOf(String text, Diagnostics diagnostics) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("rackscope-metric");
            Files.writeString(
                    scratch.resolve("metric.yaml"), text, java.nio.charset.StandardCharsets.UTF_8);
            return new MetricLoader(diagnostics, new YamlReader(diagnostics)).load(scratch);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            deleteScratch(scratch, "metric.yaml");
        }
    }

    private static void deleteScratch(Path dir, String file) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(file));
            Files.deleteIfExists(dir);
        } catch (java.io.IOException ignored) {
            // a temporary file left behind is harmless
        }
    }

    /** The settings {@code text} would give as the app.yaml of {@code dir}, and what is wrong. */
    /**
     * An app.yaml's settings, with the Prometheus of each site that names its own in {@code
     * telemetry.sites} (the main settings with the site's on top), and its errors.
     */
    public record Settings(
            AppConfig app, Map<String, AppConfig.Telemetry> sites, List<String> errors) {}

    /**
     * {@code text} read as the app.yaml of {@code dir} (files it names are looked for there),
     * without writing it: what "Test connection" tries before anything is saved.
     */
    public Settings settings(Path dir, String text) {
        Path root = dir.toAbsolutePath().normalize();
        Path appYaml = root.resolve("app.yaml");
        Diagnostics diagnostics = new Diagnostics();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("rackscope-settings");
            Path file = scratch.resolve("app.yaml");
            Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
            YamlNode.Mapping app =
                    new YamlReader(diagnostics)
                            .readMapping(file)
                            .orElse(YamlNode.Mapping.empty(appYaml));
            AppConfigParser parser = new AppConfigParser(diagnostics, environment);
            AppConfig settings = parser.parse(app, root);
            Map<String, AppConfig.Telemetry> sites = parser.siteTelemetry(app, Map.of(), root);
            String shown = file.toString();
            return new Settings(
                    settings,
                    sites,
                    diagnostics.errors().stream()
                            .map(d -> d.toString().replace(shown, appYaml.toString()))
                            .toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            deleteScratch(scratch, "app.yaml");
        }
    }

    public RackscopeConfig load(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Diagnostics diagnostics = new Diagnostics();
        YamlReader reader = new YamlReader(diagnostics);
        Path appYaml = root.resolve("app.yaml");
        YamlNode.Mapping app;
        if (!Files.isDirectory(root)) {
            diagnostics.error(root, 0, "the configuration directory does not exist");
            app = YamlNode.Mapping.empty(appYaml);
        } else if (!Files.exists(appYaml)) {
            diagnostics.warning(appYaml, 0, "there is no app.yaml; defaults are used");
            app = YamlNode.Mapping.empty(appYaml);
        } else {
            app = reader.readMapping(appYaml).orElse(YamlNode.Mapping.empty(appYaml));
        }
        AppConfigParser parser = new AppConfigParser(diagnostics, environment);
        AppConfig settings = parser.parse(app, root);
        ConfigPaths paths = ConfigPaths.resolve(root, app, diagnostics);

        TemplateLoader templateLoader = new TemplateLoader(diagnostics, reader);
        TemplateCatalog templates = templateLoader.load(paths.templates());
        CheckLoader checkLoader = new CheckLoader(diagnostics, reader, absentState(settings));
        Map<String, Check> checks = checkLoader.load(paths.checks());
        Map<String, MetricDefinition> metrics =
                new MetricLoader(diagnostics, reader).load(paths.metrics());
        TopologyLoader topologyLoader = new TopologyLoader(diagnostics, reader);
        List<Site> sites = topologyLoader.load(paths.topology(), root);
        Map<String, AppConfig.Telemetry> siteTelemetry =
                parser.siteTelemetry(app, topologyLoader.siteTelemetry(), root);
        new ReferenceValidator(diagnostics, checkLoader.rejected())
                .validate(
                        sites,
                        templates,
                        templateLoader.origins(),
                        checks.keySet(),
                        metrics.keySet());
        SlurmSettings slurm =
                new SlurmSettingsLoader(diagnostics, reader).load(root, settings.plugins(), app);
        Topology topology = new Topology(sites);
        AppConfig checked =
                settings.withPlaylist(
                        new PlaylistValidator(topology, diagnostics).check(settings.playlist()));
        return new RackscopeConfig(
                paths,
                checked,
                siteTelemetry,
                topology,
                templates,
                checks,
                metrics,
                slurm,
                diagnostics);
    }
}
