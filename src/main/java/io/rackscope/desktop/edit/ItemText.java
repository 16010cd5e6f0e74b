package io.rackscope.desktop.edit;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * One item of a library (a check, a metric) as an editor shows it: its mapping, out of its list and
 * indentation, comments and form kept; and back into a list or a file of its own.
 */
public final class ItemText {
    private ItemText() {}

    /** The item of a block list ({@code - id: x} and its lines) as a mapping at column 0. */
    static String mapping(String itemText) {
        String[] lines = itemText.split("\r?\n", -1);
        int dash = lines[0].indexOf('-');
        int content = dash + 1;
        while (content < lines[0].length() && lines[0].charAt(content) == ' ') {
            content++;
        }
        List<String> out = new ArrayList<>();
        out.add(lines[0].substring(content));
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            int lead = l.length() - l.stripLeading().length();
            out.add(l.substring(Math.min(lead, content)));
        }
        return String.join("\n", out);
    }

    /** A mapping at column 0 as the item of a block list, its dash at column 0. */
    static String item(String mappingText) {
        String[] lines = mappingText.strip().split("\r?\n", -1);
        List<String> out = new ArrayList<>();
        out.add("- " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.add(lines[i].isBlank() ? "" : "  " + lines[i]);
        }
        return String.join("\n", out);
    }

    /** {@code text} ending in one line break. */
    static String withOneLineEnd(String text) {
        return text.stripTrailing() + "\n";
    }

    /** A file whose list {@code key} holds only the item written as {@code mappingText}. */
    public static String file(String key, String mappingText) {
        return key + ":\n" + item(mappingText).indent(2).stripTrailing() + "\n";
    }

    /** The id of the item written as {@code mappingText}; refused when it is not an item. */
    public static String id(String mappingText) {
        return YamlText.scalar(top(mappingText), "id").orElseThrow();
    }

    /**
     * The mapping {@code mappingText} holds; refused, with its line, when it holds none or no id.
     */
    static MappingNode top(String mappingText) {
        YamlText t;
        try {
            t = YamlText.parse(mappingText);
        } catch (MarkedYAMLException e) {
            throw new EditRefused(
                    (e.getProblemMark() == null
                                    ? ""
                                    : "line " + (e.getProblemMark().getLine() + 1) + ": ")
                            + "not YAML: "
                            + e.getProblem());
        } catch (YAMLException e) {
            throw new EditRefused("not YAML: " + e.getMessage());
        }
        if (t.root().isEmpty() || !(t.root().get() instanceof MappingNode m)) {
            throw new EditRefused("an item of the library is a mapping of keys (id: …)");
        }
        if (YamlText.scalar(m, "id").filter(s -> !s.isBlank()).isEmpty()) {
            throw new EditRefused("it needs an id");
        }
        return m;
    }
}
