package io.rackscope.desktop.edit;

import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.edit.SettingsCatalog.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric's YAML as the editor shows it ({@link ItemText}): its keys and every key of its {@code
 * display} block as fields, read and written one by one (other lines stay as written).
 */
public final class MetricText {
    public static final String METRIC = "Metric";
    public static final String DISPLAY = "Display";

    private static final List<Setting> FIELDS =
            List.of(
                    f(METRIC, "name", Type.TEXT, "", "What the chart is called"),
                    f(METRIC, "description", Type.TEXT, "", "A line about what it shows"),
                    f(
                            METRIC,
                            "metric",
                            Type.TEXT,
                            "",
                            "The PromQL query; $instance, $rack_id (or {instance}, {rack_id}) stand for the entity charted (written expr: in some files: the same)"),
                    f(
                            METRIC,
                            "category",
                            Type.TEXT,
                            "",
                            "A group of metrics, e.g. temperature, power"),
                    f(METRIC, "tags", Type.LIST, "", "Words to find it by, separated by commas"),
                    f(DISPLAY, "display.unit", Type.TEXT, "", "The unit after values, e.g. °C, W"),
                    new Setting(
                            DISPLAY,
                            "display.chart_type",
                            Type.CHOICE,
                            "line",
                            List.of("line", "area", "bar", "gauge"),
                            "How it is drawn"),
                    f(DISPLAY, "display.color", Type.TEXT, "", "The line's colour, e.g. #ef4444"),
                    f(
                            DISPLAY,
                            "display.time_ranges",
                            Type.LIST,
                            "1h, 6h, 24h, 7d",
                            "The range buttons, e.g. 1h, 6h, 24h, 7d"),
                    f(DISPLAY, "display.default_range", Type.TEXT, "1h", "The range shown first"),
                    new Setting(
                            DISPLAY,
                            "display.aggregation",
                            Type.CHOICE,
                            "",
                            List.of("avg", "max", "min", "sum", "p95", "p99"),
                            "How several series of one entity are combined"),
                    f(
                            DISPLAY,
                            "display.thresholds.warn",
                            Type.NUMBER,
                            "",
                            "A line drawn where values start to warn"),
                    f(
                            DISPLAY,
                            "display.thresholds.crit",
                            Type.NUMBER,
                            "",
                            "A line drawn where values are critical"),
                    f(DISPLAY, "display.format.decimals", Type.INTEGER, "", "Decimals shown"),
                    f(
                            DISPLAY,
                            "display.format.multiplier",
                            Type.NUMBER,
                            "",
                            "Values are multiplied by it before they are shown"),
                    f(DISPLAY, "display.format.prefix", Type.TEXT, "", "Text before values"),
                    f(DISPLAY, "display.format.suffix", Type.TEXT, "", "Text after values"));

    private MetricText() {}

    public static List<Setting> fields() {
        return FIELDS;
    }

    /**
     * The fields of the metric written as {@code mappingText} (its query whichever key holds it).
     */
    public static Map<String, String> values(String mappingText) {
        ItemText.top(mappingText);
        Map<String, String> out =
                new LinkedHashMap<>(MappingPaths.read(mappingText, FIELDS).values());
        if (!out.containsKey("metric")) {
            MappingPaths.at(ItemText.top(mappingText), "expr")
                    .filter(n -> n instanceof org.yaml.snakeyaml.nodes.ScalarNode)
                    .ifPresent(
                            n ->
                                    out.put(
                                            "metric",
                                            ((org.yaml.snakeyaml.nodes.ScalarNode) n).getValue()));
        }
        return out;
    }

    /** {@code mappingText} with {@code changes} (field path to value; empty: taken out) made. */
    public static String withValues(String mappingText, Map<String, String> changes) {
        boolean expr =
                MappingPaths.at(ItemText.top(mappingText), "metric").isEmpty()
                        && MappingPaths.at(ItemText.top(mappingText), "expr").isPresent();
        return MappingPaths.withValues(
                mappingText,
                changes,
                path ->
                        FIELDS.stream()
                                .filter(s -> s.path().equals(path))
                                .findFirst()
                                // a file that writes expr: keeps writing it
                                .map(
                                        s ->
                                                expr && path.equals("metric")
                                                        ? new Setting(
                                                                s.group(),
                                                                "expr",
                                                                s.type(),
                                                                s.fallback(),
                                                                s.choices(),
                                                                s.help())
                                                        : s));
    }

    /** A new metric's text: its id, name and a query for one node. */
    public static String fresh(String id) {
        return "id: "
                + Scalars.id(id)
                + "\nname: "
                + Scalars.text(id)
                + "\nmetric: node_load1{instance=\"$instance\"}\ndisplay:\n  chart_type: line\n";
    }

    private static Setting f(String group, String path, Type type, String fallback, String help) {
        return new Setting(group, path, type, fallback, List.of(), help);
    }
}
