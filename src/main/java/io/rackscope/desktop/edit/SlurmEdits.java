package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.edit.SettingsCatalog.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The Slurm plugin's settings ({@code plugins/slurm/config.yml}) key by key, and its node mapping
 * (Slurm node name or range pattern to topology instance, {@code mapping:} of the mapping file)
 * read and written as a list of pairs; other lines stay as written.
 */
public final class SlurmEdits {
    static final String CONFIG = "plugins/slurm/config.yml";
    static final String MAPPING = "plugins/slurm/node_mapping.yaml";

    /** One entry of the node mapping: a Slurm node name or pattern, and the instances it is. */
    public record Pair(String slurm, String instance) {}

    private static final List<Setting> FIELDS =
            List.of(
                    f(
                            "metric",
                            Type.TEXT,
                            "slurm_node_status",
                            "The series of each node's Slurm state"),
                    f("label_node", Type.TEXT, "node", "Its label holding the Slurm node name"),
                    f("label_status", Type.TEXT, "status", "Its label holding the state"),
                    f("label_partition", Type.TEXT, "partition", "Its label holding the partition"),
                    f(
                            "roles",
                            Type.LIST,
                            "",
                            "Template roles of the nodes Slurm runs (compute, gpu…)"),
                    f("status_map.crit", Type.LIST, "", "States shown CRIT (down, fail…)"),
                    f("status_map.warn", Type.LIST, "", "States shown WARN (drain, maint…)"),
                    f("status_map.ok", Type.LIST, "", "States shown OK (allocated, mixed…)"),
                    f("status_map.info", Type.LIST, "", "States shown as information (idle)"),
                    f("job_metric", Type.TEXT, "", "The series of each running job's nodes"),
                    f("job_label", Type.TEXT, "", "Its label holding the job id"),
                    f("job_node_label", Type.TEXT, "", "Its label holding the node name"),
                    f("mapping_path", Type.FILE, MAPPING, "The node mapping file (below)"));

    private final EditSession session;
    private final Path root;

    SlurmEdits(EditSession session, RackscopeConfig config, UnaryOperator<Path> real) {
        this.session = session;
        this.root = real.apply(config.paths().root());
    }

    public static List<Setting> fields() {
        return FIELDS;
    }

    private Path config() {
        return root.resolve(CONFIG);
    }

    /**
     * The mapping file: {@code mapping_path} as written, else (as the loader looks for it) the file
     * of that name beside config.yml, else where the original keeps it.
     */
    private Path mappingFile() {
        String p = values().get("mapping_path");
        if (p.isEmpty()) {
            return root.resolve(MAPPING);
        }
        Path named = root.resolve(p);
        Path beside = root.resolve("plugins/slurm").resolve(Path.of(p).getFileName());
        return session.exists(named) || !session.exists(beside) ? named : beside;
    }

    public SettingsEdits.Values values() {
        return MappingPaths.read(session.text(config()).orElse(""), FIELDS);
    }

    /** Writes {@code changes} (path to value; empty: taken out) to config.yml as one step. */
    public void set(Map<String, String> changes) {
        String before = session.text(config()).orElse("");
        String after =
                MappingPaths.withValues(
                        before,
                        changes,
                        path -> FIELDS.stream().filter(s -> s.path().equals(path)).findFirst());
        if (!after.equals(before)) {
            session.step();
            session.write(config(), after);
        }
    }

    /** The node mapping's entries, in the order written. */
    public List<Pair> mapping() {
        List<Pair> out = new ArrayList<>();
        entries()
                .ifPresent(
                        m -> {
                            for (NodeTuple t : m.getValue()) {
                                if (t.getKeyNode() instanceof ScalarNode k
                                        && t.getValueNode() instanceof ScalarNode v) {
                                    out.add(new Pair(k.getValue(), v.getValue()));
                                }
                            }
                        });
        return out;
    }

    private Optional<MappingNode> entries() {
        return MappingPaths.top(session.text(mappingFile()).orElse(""))
                .flatMap(t -> YamlText.mapping(t, "mapping"));
    }

    /** The node mapping written as {@code pairs} (the rest of the file as it was). */
    public void setMapping(List<Pair> pairs) {
        if (pairs.equals(mapping())) {
            return;
        }
        Map<String, Object> lines = new LinkedHashMap<>();
        for (Pair p : pairs) {
            if (!p.slurm().isBlank() && !p.instance().isBlank()) {
                // patterns hold brackets: always quoted, as the original's files write them
                lines.put(Scalars.quoted(p.slurm().strip()), Scalars.quoted(p.instance().strip()));
            }
        }
        Path f = mappingFile();
        String text = session.text(f).orElse("");
        session.step();
        if (MappingPaths.top(text).isEmpty()) {
            Item item = Item.map(lines);
            StringBuilder b =
                    new StringBuilder(
                            "# Slurm node name -> topology instance (ranges paired in order)\n");
            b.append(lines.isEmpty() ? "mapping: {}\n" : "mapping:\n");
            item.block().forEach(l -> b.append("  ").append(l).append('\n'));
            session.write(f, b.toString());
            return;
        }
        YamlText t = YamlText.parse(text);
        session.write(
                f,
                t.put(t.top(), "mapping", lines.isEmpty() ? Item.scalar("{}") : Item.map(lines)));
    }

    private static Setting f(String path, Type type, String fallback, String help) {
        return new Setting("Slurm", path, type, fallback, List.of(), help);
    }
}
