package io.rackscope.desktop.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A rack template's components ({@code infrastructure.rack_components}, and the {@code components},
 * {@code front_components}, {@code rear_components}, {@code side_components} lists the loader also
 * reads) as the editor shows them: one row per item with the keys of a reference. A change is
 * written key by key into its own item, so that a component written in place keeps its other keys
 * (name, type, checks) and every comment.
 */
public final class RackPartsText {
    /** The lists of {@code infrastructure} that hold components, in the loader's order. */
    public static final List<String> LISTS =
            List.of(
                    "rack_components",
                    "components",
                    "front_components",
                    "rear_components",
                    "side_components");

    /** The keys of a reference, in the order of the row. */
    public static final List<String> KEYS =
            List.of("id", "template_id", "location", "side", "u_position", "u_height");

    /**
     * One component: the list it is in and its place there, and its keys as written (empty when
     * absent), by {@link #KEYS}.
     */
    public record Part(String list, int index, Map<String, String> values) {
        public Part {
            values = Map.copyOf(values);
        }

        public String value(String key) {
            return values.getOrDefault(key, "");
        }

        /** The same place with {@code key} given {@code value}. */
        public Part with(String key, String value) {
            Map<String, String> v = new LinkedHashMap<>(values);
            v.put(key, value);
            return new Part(list, index, v);
        }
    }

    private RackPartsText() {}

    /** The components of the rack template {@code mappingText}, list by list. */
    public static List<Part> parts(String mappingText) {
        MappingNode top = ItemText.top(mappingText);
        List<Part> out = new ArrayList<>();
        Optional<MappingNode> infra = YamlText.mapping(top, "infrastructure");
        if (infra.isEmpty()) {
            return out;
        }
        for (String list : LISTS) {
            List<Node> items =
                    YamlText.sequence(infra.get(), list)
                            .map(SequenceNode::getValue)
                            .orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                Map<String, String> v = new LinkedHashMap<>();
                if (items.get(i) instanceof MappingNode m) {
                    for (String key : KEYS) {
                        v.put(key, YamlText.scalar(m, key).orElse(""));
                    }
                }
                out.add(new Part(list, i, v));
            }
        }
        return out;
    }

    /** {@code mappingText} with the keys of {@code part} that differ from its item written. */
    public static String with(String mappingText, Part part) {
        whole(part);
        String text = mappingText;
        for (String key : KEYS) {
            String now = part.value(key).strip();
            MappingNode item = item(text, part);
            if (now.equals(YamlText.scalar(item, key).orElse(""))) {
                continue;
            }
            YamlText t = YamlText.parse(text);
            if (!now.isEmpty() && key.startsWith("u_")) {
                text = t.set(item, key, now).text();
            } else if (!now.isEmpty()) {
                text = t.setText(item, key, now).text();
            } else if (item.getValue().size() > 1) {
                text = t.removeEntry(item, key).text();
            } else {
                throw new EditRefused("a component needs at least one key: give it an id");
            }
        }
        return text;
    }

    /** {@code mappingText} with {@code part}'s keys as a new last item of its list. */
    public static String withNew(String mappingText, Part part) {
        whole(part);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String key : KEYS) {
            String v = part.value(key).strip();
            if (!v.isEmpty()) {
                fields.put(key, key.startsWith("u_") ? v : Scalars.text(v));
            }
        }
        if (fields.isEmpty()) {
            throw new EditRefused("a new component needs an id");
        }
        YamlText t = YamlText.parse(mappingText);
        MappingNode top = ItemText.top(mappingText);
        Item item = Item.map(fields);
        Optional<MappingNode> infra = YamlText.mapping(top, "infrastructure");
        if (infra.isEmpty()) {
            return t.addEntry(
                            top,
                            "infrastructure",
                            Item.map(Map.of(part.list(), "[" + item.flow() + "]")))
                    .text();
        }
        return t.insertInto(infra.get(), part.list(), -1, item).text();
    }

    /** {@code mappingText} without the item of {@code part}. */
    public static String without(String mappingText, Part part) {
        MappingNode top = ItemText.top(mappingText);
        MappingNode infra = YamlText.mapping(top, "infrastructure").orElseThrow();
        SequenceNode list = YamlText.sequence(infra, part.list()).orElseThrow();
        return YamlText.parse(mappingText).remove(infra, part.list(), list, part.index()).text();
    }

    private static void whole(Part part) {
        for (String key : List.of("u_position", "u_height")) {
            String v = part.value(key).strip();
            if (!v.isEmpty() && !v.matches("[0-9]{1,3}")) {
                throw new EditRefused(key + " is a number of U: '" + v + "' is not");
            }
        }
    }

    private static MappingNode item(String text, Part part) {
        MappingNode infra =
                YamlText.mapping(ItemText.top(text), "infrastructure")
                        .orElseThrow(() -> new EditRefused("the template has no infrastructure"));
        Node n =
                YamlText.sequence(infra, part.list())
                        .map(SequenceNode::getValue)
                        .filter(items -> part.index() < items.size())
                        .map(items -> items.get(part.index()))
                        .orElseThrow(() -> new EditRefused("that component is no longer there"));
        if (n instanceof MappingNode m) {
            return m;
        }
        throw new EditRefused("that component is not written as keys: edit it in the YAML");
    }
}
