package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.edit.SettingsCatalog.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The settings of {@code app.yaml} (those of {@link SettingsCatalog}) read and written key by key:
 * a setting emptied is taken out (a block left empty goes with it), a new one added in its block
 * (made when missing); every other line stays as written. Secrets are never read back out: only
 * whether one is set.
 */
public final class SettingsEdits {
    /** The settings as written: values by path, and the secrets that are set (not their values). */
    public record Values(Map<String, String> values, Set<String> secretsSet) {
        public Values {
            values = Map.copyOf(values);
            secretsSet = Set.copyOf(secretsSet);
        }

        public String get(String path) {
            return values.getOrDefault(path, "");
        }
    }

    private final EditSession session;
    private final Path file;

    SettingsEdits(
            EditSession session,
            RackscopeConfig config,
            java.util.function.UnaryOperator<Path> real) {
        this.session = session;
        this.file = real.apply(config.paths().root()).resolve("app.yaml");
    }

    /** The settings as the session holds them now. */
    public Values values() {
        return read(session.text(file).orElse(""));
    }

    /** The app.yaml text with {@code changes} made (see {@link #withValues}), nothing written. */
    public String preview(Map<String, String> changes) {
        return withValues(session.text(file).orElse(""), changes);
    }

    /** Writes {@code changes} (path to value; empty: taken out) as one step. */
    public void set(Map<String, String> changes) {
        String before = session.text(file).orElse("");
        String after = withValues(before, changes);
        if (!after.equals(before)) {
            session.step();
            session.write(file, after);
        }
    }

    static Values read(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new TreeSet<>();
        Optional<MappingNode> top = top(text);
        for (Setting s : SettingsCatalog.all()) {
            Optional<Node> n = top.flatMap(t -> at(t, s.path()));
            if (n.isEmpty()) {
                continue;
            }
            if (s.type() == Type.SECRET) {
                secrets.add(s.path());
            } else if (n.get() instanceof ScalarNode v) {
                values.put(s.path(), v.getValue());
            } else if (n.get() instanceof SequenceNode seq) {
                values.put(
                        s.path(),
                        String.join(
                                ", ",
                                seq.getValue().stream()
                                        .filter(ScalarNode.class::isInstance)
                                        .map(x -> ((ScalarNode) x).getValue())
                                        .toList()));
            }
        }
        return new Values(values, secrets);
    }

    /** {@code text} with each setting of {@code changes} written, or taken out when empty. */
    public static String withValues(String text, Map<String, String> changes) {
        String t = text;
        for (Map.Entry<String, String> c : changes.entrySet()) {
            Setting s =
                    SettingsCatalog.at(c.getKey())
                            .orElseThrow(() -> new EditRefused("no setting " + c.getKey()));
            String v = c.getValue() == null ? "" : c.getValue().strip();
            t = v.isEmpty() ? without(t, s.path()) : with(t, s.path(), render(s, v));
        }
        return t;
    }

    /** {@code v} as YAML for {@code s}; refused, naming the setting, when it is not one. */
    static String render(Setting s, String v) {
        String bad = null;
        String out =
                switch (s.type()) {
                    case INTEGER -> {
                        if (!v.matches("-?[0-9]+")) {
                            bad = "a whole number";
                        }
                        yield v;
                    }
                    case NUMBER -> {
                        if (!v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                            bad = "a number";
                        }
                        yield v;
                    }
                    case BOOL -> {
                        if (!v.equals("true") && !v.equals("false")) {
                            bad = "true or false";
                        }
                        yield v;
                    }
                    case CHOICE -> {
                        if (!s.choices().contains(v)) {
                            bad = "one of " + String.join(", ", s.choices());
                        }
                        yield v;
                    }
                    case LIST ->
                            Item.list(
                                            Arrays.stream(v.split(","))
                                                    .map(String::strip)
                                                    .filter(x -> !x.isEmpty())
                                                    .map(Scalars::text)
                                                    .toList())
                                    .flow();
                    default -> Scalars.text(v);
                };
        if (bad != null) {
            throw new EditRefused(s.path() + " is " + bad + ", not '" + v + "'");
        }
        return out;
    }

    private static String with(String text, String path, String yaml) {
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

    private static String without(String text, String path) {
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

    private static Optional<MappingNode> top(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        YamlText t = YamlText.parse(text);
        return t.root().filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    private static Optional<Node> at(MappingNode top, String path) {
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
