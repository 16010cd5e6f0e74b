package io.rackscope.desktop.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value to write into a file, in both the forms a file may need it: block lines (nested maps
 * indented by two) and flow text. Values are rendered scalars (see {@link Scalars}) or nested maps
 * of them.
 */
public final class Item {
    private final List<String> block;
    private final String flow;

    private Item(List<String> block, String flow) {
        this.block = List.copyOf(block);
        this.flow = flow;
    }

    /** One scalar, already rendered. */
    public static Item scalar(String rendered) {
        return new Item(List.of(rendered), rendered);
    }

    /** A mapping of rendered scalars and nested maps, in the order given. */
    public static Item map(Map<String, ?> fields) {
        List<String> lines = new ArrayList<>();
        blockLines(fields, "", lines);
        return new Item(lines, flowText(fields));
    }

    /** A list of rendered one-line items (scalars or flow mappings), in the order given. */
    public static Item list(List<String> items) {
        if (items.isEmpty()) {
            return scalar("[]");
        }
        return new Item(
                items.stream().map(i -> "- " + i).toList(), "[" + String.join(", ", items) + "]");
    }

    /** Fields in order: key, value, key, value... */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                out.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return out;
    }

    /** The block lines, nested lines indented relative to the first. */
    public List<String> block() {
        return block;
    }

    public String flow() {
        return flow;
    }

    private static void blockLines(Map<String, ?> fields, String indent, List<String> out) {
        fields.forEach(
                (k, v) -> {
                    if (v instanceof Map<?, ?> nested) {
                        out.add(indent + k + ":");
                        @SuppressWarnings("unchecked")
                        Map<String, ?> n = (Map<String, ?>) nested;
                        blockLines(n, indent + "  ", out);
                    } else {
                        out.add(indent + k + ": " + v);
                    }
                });
    }

    private static String flowText(Map<String, ?> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach(
                (k, v) -> {
                    if (v instanceof Map<?, ?> nested) {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> n = (Map<String, ?>) nested;
                        parts.add(k + ": " + flowText(n));
                    } else {
                        parts.add(k + ": " + v);
                    }
                });
        return "{" + String.join(", ", parts) + "}";
    }
}
