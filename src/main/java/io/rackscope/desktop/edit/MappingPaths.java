package io.rackscope.desktop.edit;

import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Values of a YAML mapping's text reached by dotted paths ({@code telemetry.prometheus_url}, {@code
 * display.thresholds.warn}): read, written in their block (made when missing) and taken out (a
 * block left empty goes with it); every other line stays as written.
 */
final class MappingPaths {
    private MappingPaths() {}

    /**
     * The values of {@code fields} in {@code text}: scalars, lists joined by commas; secrets only
     * as set.
     */
    static SettingsEdits.Values read(String text, List<Setting> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new TreeSet<>();
        Optional<MappingNode> top = top(text);
        for (Setting s : fields) {
            Optional<Node> n = top.flatMap(t -> at(t, s.path()));
            if (n.isEmpty()) {
                continue;
            }
            if (s.type() == SettingsCatalog.Type.SECRET) {
                secrets.add(s.path());
            } else if (n.get() instanceof ScalarNode v) {
                // a list shared with another item of the file, cut out of it: its alias as written
                values.put(
                        s.path(),
                        s.type() == SettingsCatalog.Type.LIST && v.getValue().startsWith("~")
                                ? "*" + v.getValue().substring(1)
                                : v.getValue());
            } else if (n.get() instanceof SequenceNode seq) {
                values.put(s.path(), YamlText.joined(seq));
            }
        }
        return new SettingsEdits.Values(values, secrets);
    }

    /**
     * {@code text} with each value of {@code changes} written as its {@link Setting} renders it, or
     * taken out when empty; a path {@code fields} does not know is refused.
     */
    static String withValues(
            String text, Map<String, String> changes, Function<String, Optional<Setting>> fields) {
        String t = text;
        for (Map.Entry<String, String> c : changes.entrySet()) {
            Setting s =
                    fields.apply(c.getKey())
                            .orElseThrow(() -> new EditRefused("no setting " + c.getKey()));
            String v = c.getValue() == null ? "" : c.getValue().strip();
            String now = read(t, List.of(s)).get(s.path());
            if (s.type() != SettingsCatalog.Type.SECRET && v.equals(now)) {
                continue;
            }
            t = v.isEmpty() ? without(t, s.path()) : with(t, s.path(), s.render(v));
        }
        return t;
    }

    static String with(String text, String path, String yaml) {
        List<String> parts = List.of(path.split("\\."));
        String key = parts.get(parts.size() - 1);
        List<String> parents = parts.subList(0, parts.size() - 1);
        Optional<MappingNode> top = top(text);
        if (top.isEmpty()) {
            if (!text.isBlank()) {
                throw new EditRefused("app.yaml's top level is not a mapping of settings");
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < parents.size(); i++) {
                b.append("  ".repeat(i)).append(parents.get(i)).append(":\n");
            }
            return text + b + "  ".repeat(parents.size()) + key + ": " + yaml + "\n";
        }
        YamlText t = YamlText.parse(text);
        Optional<MappingNode> parent = mapping(t.top(), parents);
        if (parent.isPresent()) {
            return t.replace(parent.get(), key, yaml).text();
        }
        return t.setPath(t.top(), parents, key, yaml).text();
    }

    static String without(String text, String path) {
        List<String> parts = new ArrayList<>(List.of(path.split("\\.")));
        Optional<MappingNode> top = top(text);
        if (top.isEmpty() || at(top.get(), path).isEmpty()) {
            return text;
        }
        YamlText t = YamlText.parse(text);
        // a block whose last setting goes goes with it
        while (parts.size() > 1) {
            MappingNode parent = mapping(t.top(), parts.subList(0, parts.size() - 1)).orElseThrow();
            if (parent.getValue().size() > 1) {
                break;
            }
            parts.remove(parts.size() - 1);
        }
        MappingNode owner = mapping(t.top(), parts.subList(0, parts.size() - 1)).orElseThrow();
        String key = parts.get(parts.size() - 1);
        if (owner == t.top() && owner.getValue().size() == 1) {
            return "";
        }
        return t.removeEntry(owner, key).text();
    }

    static Optional<MappingNode> top(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        YamlText t = YamlText.parse(text);
        return t.root().filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    static Optional<Node> at(MappingNode top, String path) {
        List<String> parts = List.of(path.split("\\."));
        return mapping(top, parts.subList(0, parts.size() - 1))
                .flatMap(m -> YamlText.value(m, parts.get(parts.size() - 1)));
    }

    private static Optional<MappingNode> mapping(MappingNode top, List<String> path) {
        Optional<MappingNode> m = Optional.of(top);
        for (String p : path) {
            m = m.flatMap(x -> YamlText.mapping(x, p));
        }
        return m;
    }
}
