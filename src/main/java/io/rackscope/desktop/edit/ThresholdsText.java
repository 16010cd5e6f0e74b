package io.rackscope.desktop.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A device template's display thresholds by check or metric id ({@code display_thresholds: {ID:
 * {warn, crit}}}), read as rows and written back entry by entry; the template's general {@code
 * warn}/{@code crit} beside them are fields of the form and are left alone.
 */
public final class ThresholdsText {
    private static final String KEY = "display_thresholds";

    /** The thresholds of one check or metric, as written (empty when absent). */
    public record Threshold(String id, String warn, String crit) {}

    private ThresholdsText() {}

    public static List<Threshold> read(String mappingText) {
        List<Threshold> out = new ArrayList<>();
        YamlText.mapping(ItemText.top(mappingText), KEY)
                .ifPresent(
                        all -> {
                            for (NodeTuple e : all.getValue()) {
                                if (e.getKeyNode() instanceof ScalarNode k
                                        && e.getValueNode() instanceof MappingNode m) {
                                    out.add(
                                            new Threshold(
                                                    k.getValue(),
                                                    YamlText.scalar(m, "warn").orElse(""),
                                                    YamlText.scalar(m, "crit").orElse("")));
                                }
                            }
                        });
        return out;
    }

    /**
     * {@code mappingText} with its thresholds by id made {@code rows} (rows without an id left
     * out): entries no longer listed taken out, the others' values set or taken out.
     */
    public static String with(String mappingText, List<Threshold> rows) {
        List<Threshold> kept = rows.stream().filter(r -> !r.id().isBlank()).toList();
        for (Threshold r : kept) {
            if (r.id().contains(".")) {
                throw new EditRefused("a check or metric id has no dot: '" + r.id() + "'");
            }
            for (String v : List.of(r.warn(), r.crit())) {
                if (!v.isBlank() && !v.strip().matches("-?[0-9]+(\\.[0-9]+)?")) {
                    throw new EditRefused("a threshold is a number: '" + v + "' is not");
                }
            }
        }
        Set<String> ids = kept.stream().map(Threshold::id).collect(Collectors.toSet());
        String text = mappingText;
        for (Threshold old : read(mappingText)) {
            if (!ids.contains(old.id())) {
                text = MappingPaths.without(text, KEY + "." + old.id());
            }
        }
        for (Threshold r : kept) {
            if (r.warn().isBlank() && r.crit().isBlank()) {
                text = MappingPaths.without(text, KEY + "." + r.id());
                continue;
            }
            for (String[] kv : new String[][] {{"warn", r.warn()}, {"crit", r.crit()}}) {
                String path = KEY + "." + r.id().strip() + "." + kv[0];
                text =
                        kv[1].isBlank()
                                ? MappingPaths.without(text, path)
                                : MappingPaths.with(text, path, kv[1].strip());
            }
        }
        return text;
    }
}
