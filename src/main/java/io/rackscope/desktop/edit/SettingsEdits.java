package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
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

    /** The sites' own Prometheus ({@code telemetry.sites.SITE.prometheus_url}), by site. */
    public Map<String, String> siteUrls() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Optional<Node> sites =
                MappingPaths.top(session.text(file).orElse(""))
                        .flatMap(t -> MappingPaths.at(t, "telemetry.sites"));
        if (sites.isPresent() && sites.get() instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode site
                        && t.getValueNode() instanceof MappingNode block) {
                    YamlText.scalar(block, "prometheus_url")
                            .ifPresent(u -> out.put(site.getValue(), u));
                }
            }
        }
        return out;
    }

    /**
     * Each site's own Prometheus written ({@code telemetry.sites.SITE.prometheus_url}), or taken
     * out when empty (the main one then answers for it), as one step.
     */
    public void setSiteUrls(Map<String, String> urls) {
        String before = session.text(file).orElse("");
        String t = before;
        Map<String, String> now = siteUrls();
        for (Map.Entry<String, String> e : urls.entrySet()) {
            if (e.getKey().contains(".")) {
                throw new EditRefused("a site id with a dot cannot be written here: " + e.getKey());
            }
            String v = e.getValue() == null ? "" : e.getValue().strip();
            if (v.equals(now.getOrDefault(e.getKey(), ""))) {
                continue;
            }
            String path = "telemetry.sites." + e.getKey() + ".prometheus_url";
            t =
                    v.isEmpty()
                            ? MappingPaths.without(t, path)
                            : MappingPaths.with(t, path, Scalars.text(v));
        }
        if (!t.equals(before)) {
            session.step();
            session.write(file, t);
        }
    }

    /** One of the links offered for an entity: its name and its URL with placeholders. */
    public record Link(String name, String url) {}

    /** The {@code links:} of app.yaml, in order. */
    public java.util.List<Link> links() {
        java.util.List<Link> out = new java.util.ArrayList<>();
        for (Node n :
                MappingPaths.top(session.text(file).orElse(""))
                        .flatMap(t -> YamlText.sequence(t, "links"))
                        .map(SequenceNode::getValue)
                        .orElse(java.util.List.of())) {
            if (n instanceof MappingNode m) {
                out.add(
                        new Link(
                                YamlText.scalar(m, "name").orElse(""),
                                YamlText.scalar(m, "url").orElse("")));
            }
        }
        return out;
    }

    /** The {@code links:} written as {@code links} (taken out when empty), as one step. */
    public void setLinks(java.util.List<Link> links) {
        java.util.List<Link> kept =
                links.stream().filter(l -> !l.name().isBlank() && !l.url().isBlank()).toList();
        if (kept.equals(links())) {
            return;
        }
        String text = session.text(file).orElse("");
        java.util.List<String> items =
                kept.stream()
                        .map(
                                l ->
                                        "{name: "
                                                + Scalars.text(l.name().strip())
                                                + ", url: "
                                                + Scalars.quoted(l.url().strip())
                                                + "}")
                        .toList();
        session.step();
        if (MappingPaths.top(text).isEmpty()) {
            session.write(
                    file,
                    text
                            + "links:\n"
                            + String.join("", items.stream().map(i -> "  - " + i + "\n").toList()));
            return;
        }
        YamlText t = YamlText.parse(text);
        if (kept.isEmpty()) {
            session.write(file, t.removeEntry(t.top(), "links"));
            return;
        }
        session.write(file, t.put(t.top(), "links", Item.list(items)));
    }

    static Values read(String text) {
        return MappingPaths.read(text, SettingsCatalog.all());
    }

    /** {@code text} with each setting of {@code changes} written, or taken out when empty. */
    public static String withValues(String text, Map<String, String> changes) {
        return MappingPaths.withValues(text, changes, SettingsCatalog::at);
    }
}
