package io.rackscope.desktop.config;

import io.rackscope.desktop.slurm.NodeMapping;
import io.rackscope.desktop.slurm.SlurmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Slurm plugin's settings; problems go to the diagnostics with file and line, defaults
 * fill the rest.
 */
final class SlurmSettingsLoader {
    private static final KnownKeys KNOWN =
            KnownKeys.of(
                    "enabled",
                    "metric",
                    "label_node",
                    "label_status",
                    "label_partition",
                    "status_map",
                    "mapping_path",
                    "roles",
                    "include_unlabeled",
                    "severity_colors",
                    "metrics_catalog_dir",
                    "metrics_catalogs",
                    "job_metric",
                    "job_label",
                    "job_node_label",
                    "jobs_placeholder");
    private final Diagnostics diagnostics;
    private final YamlReader reader;

    SlurmSettingsLoader(Diagnostics diagnostics, YamlReader reader) {
        this.diagnostics = diagnostics;
        this.reader = reader;
    }

    /**
     * {@code app}: app.yaml, whose {@code plugins.slurm} block (or the older top-level {@code
     * slurm:} block) may carry the settings inline; they are read when there is no {@code
     * plugins/slurm/config.yml}.
     */
    SlurmSettings load(Path root, Map<String, Object> plugins, YamlNode.Mapping app) {
        if (!(plugins.get("slurm") instanceof Map<?, ?> slurm)
                || !"true".equalsIgnoreCase(String.valueOf(slurm.get("enabled")))) {
            return SlurmSettings.DISABLED;
        }
        Path file = root.resolve("plugins/slurm/config.yml");
        YamlNode.Mapping inline = inline(app);
        YamlNode.Mapping c;
        if (Files.exists(file)) {
            c = reader.readMapping(file).orElse(YamlNode.Mapping.empty(file));
        } else if (inline.entries().keySet().stream().anyMatch(k -> !k.equals("enabled"))) {
            c = inline;
        } else {
            c = YamlNode.Mapping.empty(file);
            diagnostics.warning(
                    file,
                    0,
                    "Slurm is enabled but there is no plugins/slurm/config.yml and no settings in"
                            + " app.yaml; defaults are used");
        }
        KNOWN.check(c, "the Slurm settings", diagnostics);
        Map<String, List<String>> statusMap = new LinkedHashMap<>(SlurmSettings.DEFAULT_STATUS_MAP);
        c.mapping("status_map")
                .ifPresent(
                        m ->
                                m.entries()
                                        .forEach(
                                                (k, v) -> {
                                                    if (List.of("crit", "warn", "ok", "info")
                                                            .contains(k)) {
                                                        statusMap.put(k, m.texts(k));
                                                    } else {
                                                        diagnostics.warning(
                                                                v,
                                                                "status_map has crit, warn, ok and info lists; '"
                                                                        + k
                                                                        + "' is ignored");
                                                    }
                                                }));
        return new SlurmSettings(
                true,
                c.text("metric", "slurm_node_status"),
                c.text("label_node", "node"),
                c.text("label_status", "status"),
                c.text("label_partition", "partition"),
                Map.copyOf(statusMap),
                c.texts("roles"),
                mapping(root, c),
                c.text("job_metric", "slurm_job_nodes"),
                c.text("job_label", "job_id"),
                c.text("job_node_label", "node"),
                "true".equalsIgnoreCase(c.text("jobs_placeholder", "false")));
    }

    /**
     * mapping_path as written (relative to the configuration), else the file of that name beside
     * config.yml.
     */
    private NodeMapping mapping(Path root, YamlNode.Mapping c) {
        NodeMapping mapping = new NodeMapping();
        String path = c.text("mapping_path", null);
        if (path == null) {
            return mapping;
        }
        Path file = root.resolve(path);
        if (!Files.exists(file)) {
            Path beside = root.resolve("plugins/slurm").resolve(Path.of(path).getFileName());
            if (!Files.exists(beside)) {
                diagnostics.warning(
                        c.at("mapping_path"),
                        "Slurm node mapping "
                                + path
                                + " not found (nor "
                                + beside
                                + "); Slurm node names are taken as instance ids");
                return mapping;
            }
            file = beside;
        }
        reader.readMapping(file)
                .flatMap(m -> m.mapping("mapping"))
                .ifPresent(
                        m ->
                                m.entries()
                                        .forEach(
                                                (slurm, node) -> {
                                                    if (node instanceof YamlNode.Scalar s
                                                            && !s.isNull()) {
                                                        String problem =
                                                                mapping.add(slurm, s.value());
                                                        if (problem != null) {
                                                            diagnostics.error(
                                                                    node,
                                                                    "Slurm mapping: " + problem);
                                                        }
                                                    }
                                                }));
        return mapping;
    }

    /**
     * The Slurm settings written in app.yaml: {@code plugins.slurm} over the older {@code slurm:}.
     */
    private static YamlNode.Mapping inline(YamlNode.Mapping app) {
        Map<String, YamlNode> merged = new LinkedHashMap<>();
        app.mapping("slurm").ifPresent(m -> merged.putAll(m.entries()));
        app.mapping("plugins")
                .flatMap(p -> p.mapping("slurm"))
                .ifPresent(m -> merged.putAll(m.entries()));
        YamlNode.Mapping at =
                app.mapping("plugins")
                        .flatMap(p -> p.mapping("slurm"))
                        .or(() -> app.mapping("slurm"))
                        .orElse(app);
        return new YamlNode.Mapping(at.file(), at.line(), merged);
    }
}
