package io.rackscope.desktop.edit;

import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.edit.SettingsCatalog.Type;
import io.rackscope.desktop.edit.TemplateEdits.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One template's YAML as the editor shows it ({@link ItemText}): the keys the loader reads for its
 * kind as fields (written one by one), and a device template's slot matrices ({@code layout},
 * {@code rear_layout}, {@code disk_layout}) read and written as grids of slot numbers.
 */
public final class TemplateText {
    /** The layouts of a device template that hold a slot matrix. */
    public static final List<String> LAYOUTS = List.of("layout", "rear_layout", "disk_layout");

    private static final List<Setting> DEVICE =
            List.of(
                    f("name", Type.TEXT, "", "What the template is called"),
                    f("description", Type.TEXT, "", "A line about it"),
                    f("type", Type.TEXT, "", "server, switch, storage, pdu… (its folder)"),
                    f("role", Type.TEXT, "", "compute, login, storage… (a free word)"),
                    f("u_height", Type.INTEGER, "1", "Units of rack it takes"),
                    f(
                            "layout.rows",
                            Type.INTEGER,
                            "1",
                            "Rows of node slots on the front (no matrix)"),
                    f(
                            "layout.cols",
                            Type.INTEGER,
                            "1",
                            "Columns of node slots on the front (no matrix)"),
                    f("checks", Type.LIST, "", "The checks of the library that apply to its nodes"),
                    f("metrics", Type.LIST, "", "The metrics charted for its nodes"),
                    f(
                            "display_thresholds.warn",
                            Type.NUMBER,
                            "",
                            "Where its values start to look wrong in tooltips (per check or metric:"
                                    + " in the YAML)"),
                    f("display_thresholds.crit", Type.NUMBER, "", "Where they look critical"));
    private static final List<Setting> RACK =
            List.of(
                    f("name", Type.TEXT, "", "What the template is called"),
                    f("description", Type.TEXT, "", "A line about it"),
                    f("u_height", Type.INTEGER, "42", "Units of the rack"),
                    f("checks", Type.LIST, "", "Rack-scope checks of the library"));
    private static final List<Setting> COMPONENT =
            List.of(
                    f("name", Type.TEXT, "", "What the template is called"),
                    f("type", Type.TEXT, "", "pdu, fan, psu, cooling…"),
                    f("model", Type.TEXT, "", "The maker's model"),
                    f("role", Type.TEXT, "", "A free word"),
                    new Setting(
                            "",
                            "location",
                            Type.CHOICE,
                            "u-mount",
                            List.of("side", "u-mount", "front", "rear"),
                            "Where it is mounted"),
                    new Setting(
                            "",
                            "side",
                            Type.CHOICE,
                            "",
                            List.of("left", "right"),
                            "Which rail, for a side component"),
                    f("u_height", Type.INTEGER, "1", "Units it takes"),
                    f("u_position", Type.INTEGER, "", "The U it starts at, when fixed"),
                    f("checks", Type.LIST, "", "The checks of the library that apply to it"),
                    f("metrics", Type.LIST, "", "The metrics charted for it"));

    private TemplateText() {}

    /** The fields of a template of {@code kind}. */
    public static List<Setting> fields(Kind kind) {
        return switch (kind) {
            case DEVICE -> DEVICE;
            case RACK -> RACK;
            case COMPONENT -> COMPONENT;
        };
    }

    public static Map<String, String> values(Kind kind, String mappingText) {
        ItemText.top(mappingText);
        return MappingPaths.read(mappingText, fields(kind)).values();
    }

    public static String withValues(Kind kind, String mappingText, Map<String, String> changes) {
        ItemText.top(mappingText);
        return MappingPaths.withValues(
                mappingText,
                changes,
                path -> fields(kind).stream().filter(s -> s.path().equals(path)).findFirst());
    }

    /**
     * The slot matrix of {@code layout} as the loader reads it: its {@code matrix}, else numbered
     * rows by columns; empty when the template has no such layout (a rear one, say).
     */
    public static int[][] matrix(String mappingText, String layout) {
        var top = ItemText.top(mappingText);
        var m = YamlText.mapping(top, layout);
        if (m.isEmpty()) {
            return layout.equals("layout") ? new int[][] {{1}} : new int[0][];
        }
        var rows = YamlText.sequence(m.get(), "matrix");
        if (rows.isPresent() && !rows.get().getValue().isEmpty()) {
            List<int[]> out = new ArrayList<>();
            for (Node row : rows.get().getValue()) {
                List<Node> cells = row instanceof SequenceNode s ? s.getValue() : List.of(row);
                out.add(cells.stream().mapToInt(TemplateText::number).toArray());
            }
            return out.toArray(int[][]::new);
        }
        int r = Math.max(1, number(YamlText.value(m.get(), "rows").orElse(null), 1));
        int c = Math.max(1, number(YamlText.value(m.get(), "cols").orElse(null), 1));
        return numbered(r, c);
    }

    /** A rear component of a device template (a PSU, a fan): its keys as written. */
    public record Rear(String id, String name, String type, String role, String checks) {}

    /** The {@code rear_components} of a device template, in order. */
    public static List<Rear> rear(String mappingText) {
        var top = ItemText.top(mappingText);
        List<Rear> out = new ArrayList<>();
        for (Node n :
                YamlText.sequence(top, "rear_components")
                        .map(SequenceNode::getValue)
                        .orElse(List.of())) {
            if (n instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
                out.add(
                        new Rear(
                                text(m, "id"),
                                text(m, "name"),
                                text(m, "type"),
                                text(m, "role"),
                                YamlText.sequence(m, "checks").map(YamlText::joined).orElse("")));
            }
        }
        return out;
    }

    /** {@code mappingText} with its {@code rear_components} written as {@code rear}. */
    public static String withRear(String mappingText, List<Rear> rear) {
        List<Rear> kept = rear.stream().filter(r -> !r.id().isBlank()).toList();
        if (kept.equals(rear(mappingText))) {
            return mappingText;
        }
        YamlText t = YamlText.parse(mappingText);
        if (kept.isEmpty()) {
            return t.removeEntry(t.top(), "rear_components").text();
        }
        List<String> items = new ArrayList<>();
        for (Rear r : kept) {
            List<String> fields = new ArrayList<>();
            fields.add("id: " + Scalars.id(r.id().strip()));
            for (String[] kv :
                    new String[][] {{"name", r.name()}, {"type", r.type()}, {"role", r.role()}}) {
                if (!kv[1].isBlank()) {
                    fields.add(kv[0] + ": " + Scalars.text(kv[1].strip()));
                }
            }
            List<String> checks =
                    java.util.Arrays.stream(r.checks().split(","))
                            .map(String::strip)
                            .filter(c -> !c.isEmpty())
                            .map(Scalars::id)
                            .toList();
            if (!checks.isEmpty()) {
                fields.add("checks: [" + String.join(", ", checks) + "]");
            }
            items.add("{" + String.join(", ", fields) + "}");
        }
        return t.put(t.top(), "rear_components", Item.list(items)).text();
    }

    private static String text(org.yaml.snakeyaml.nodes.MappingNode m, String key) {
        return YamlText.scalar(m, key).orElse("");
    }

    /** Slots numbered left to right, top to bottom. */
    public static int[][] numbered(int rows, int cols) {
        int[][] out = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = r * cols + c + 1;
            }
        }
        return out;
    }

    /** {@code mappingText} with {@code layout}'s matrix, rows and cols written as {@code m}. */
    public static String withMatrix(String mappingText, String layout, int[][] m) {
        ItemText.top(mappingText);
        List<String> rows = new ArrayList<>();
        for (int[] row : m) {
            List<String> cells = new ArrayList<>();
            for (int v : row) {
                cells.add(Integer.toString(v));
            }
            rows.add("[" + String.join(", ", cells) + "]");
        }
        String t =
                MappingPaths.with(
                        mappingText, layout + ".matrix", "[" + String.join(", ", rows) + "]");
        t = MappingPaths.with(t, layout + ".rows", Integer.toString(m.length));
        return MappingPaths.with(
                t, layout + ".cols", Integer.toString(m.length == 0 ? 0 : m[0].length));
    }

    private static int number(Node n) {
        return number(n, 0);
    }

    private static int number(Node n, int fallback) {
        if (n instanceof ScalarNode s) {
            try {
                return Integer.parseInt(s.getValue().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static Setting f(String path, Type type, String fallback, String help) {
        return new Setting("", path, type, fallback, List.of(), help);
    }
}
