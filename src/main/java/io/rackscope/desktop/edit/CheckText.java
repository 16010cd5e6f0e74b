package io.rackscope.desktop.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * One check's YAML as the editor shows it: its mapping, out of its list and indentation (comments
 * and form kept), read into {@link CheckFields} and changed from them key by key.
 */
public final class CheckText {
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private CheckText() {}

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

    /** A checks file holding only the check written as {@code mappingText}. */
    public static String file(String mappingText) {
        return "checks:\n" + item(mappingText).indent(2).stripTrailing() + "\n";
    }

    /** The check written as {@code mappingText}; refused, with its line, when it is not one. */
    public static CheckFields fields(String mappingText) {
        return CheckFields.read(top(mappingText));
    }

    /** {@code mappingText} with the keys that differ from {@code f} changed, added or removed. */
    public static String withFields(String mappingText, CheckFields f) {
        YamlText t = YamlText.parse(mappingText);
        top(mappingText);
        for (String key : CheckFields.KEYS) {
            CheckFields now = CheckFields.read(t.top());
            t =
                    switch (key) {
                        case "selectors" ->
                                Objects.equals(now.selectors(), f.selectors())
                                        ? t
                                        : f.selectors().isEmpty()
                                                ? t.removeEntry(t.top(), key)
                                                : t.put(
                                                        t.top(),
                                                        key,
                                                        Item.list(
                                                                f.selectors().stream()
                                                                        .map(Scalars::text)
                                                                        .toList()));
                        case "rules" ->
                                Objects.equals(now.rules(), f.rules())
                                        ? t
                                        : f.rules().isEmpty()
                                                ? t.removeEntry(t.top(), key)
                                                : t.put(
                                                        t.top(),
                                                        key,
                                                        Item.list(
                                                                f.rules().stream()
                                                                        .map(CheckText::rule)
                                                                        .toList()));
                        default -> {
                            String v = f.get(key).strip();
                            if (v.equals(now.get(key))) {
                                yield t;
                            }
                            if (v.isEmpty()) {
                                yield t.removeEntry(t.top(), key);
                            }
                            yield key.equals("expand_crit_threshold") && NUMBER.matcher(v).matches()
                                    ? t.set(t.top(), key, v)
                                    : t.setText(t.top(), key, v);
                        }
                    };
        }
        return t.text();
    }

    private static String rule(CheckFields.Rule r) {
        String v = r.value().strip();
        return "{op: "
                + Scalars.text(r.op().strip())
                + ", value: "
                + (NUMBER.matcher(v).matches() ? v : Scalars.text(v))
                + ", severity: "
                + Scalars.text(r.severity().strip())
                + "}";
    }

    private static MappingNode top(String mappingText) {
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
            throw new EditRefused("a check is a mapping of keys (id: …, expr: …)");
        }
        if (YamlText.scalar(m, "id").filter(s -> !s.isBlank()).isEmpty()) {
            throw new EditRefused("a check needs an id");
        }
        return m;
    }
}
