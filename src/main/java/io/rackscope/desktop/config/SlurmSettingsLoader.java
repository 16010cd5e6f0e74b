package io.rackscope.desktop.config;

import io.rackscope.desktop.slurm.NodeMapping;
import io.rackscope.desktop.slurm.SlurmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Slurm plugin's settings; problems go to the diagnostics with file and line, defaults
 * fill the rest.
 */
final class SlurmSettingsLoader {
    private static final Set<String> KNOWN =
            Set.of(
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

    SlurmSettings load(Path root, Map<String, Object> plugins) {
        if (!(plugins.get("slurm") instanceof Map<?, ?> slurm)
                || !"true".equalsIgnoreCase(String.valueOf(slurm.get("enabled")))) {
            return SlurmSettings.DISABLED;
        }
        Path file = root.resolve("plugins/slurm/config.yml");
        YamlNode.Mapping c =
                Files.exists(file)
                        ? reader.readMapping(file).orElse(YamlNode.Mapping.empty(file))
                        : YamlNode.Mapping.empty(file);
        if (!Files.exists(file)) {
            diagnostics.warning(
                    file,
                    0,
                    "Slurm is enabled but there is no plugins/slurm/config.yml; defaults are used");
        }
        c.entries()
                .forEach(
                        (k, v) -> {
                            if (!KNOWN.contains(k)) {
                                diagnostics.warning(
                                        v, "unknown Slurm setting '" + k + "' is ignored");
                            }
                        });
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
}
