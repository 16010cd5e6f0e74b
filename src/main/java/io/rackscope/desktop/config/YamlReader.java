package io.rackscope.desktop.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML files into {@link YamlNode} trees by composing with SnakeYAML, which resolves anchors
 * and aliases (Jackson's YAML reader returns an alias to a list as the anchor's name) and keeps
 * line numbers. A file that cannot be read or parsed becomes one diagnostic naming its file and
 * line.
 */
public final class YamlReader {

    private final Diagnostics diagnostics;

    public YamlReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * The document's top-level mapping; empty when the file is missing, unparseable or not a
     * mapping.
     */
    public Optional<YamlNode.Mapping> readMapping(Path file) {
        Optional<YamlNode> root = read(file);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (root.get() instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        if (root.get() instanceof YamlNode.Scalar s && s.isNull()) {
            return Optional.of(YamlNode.Mapping.empty(file));
        }
        diagnostics.error(
                file,
                root.get().line(),
                "the file should hold a YAML mapping (key: value lines) at its top level");
        return Optional.empty();
    }

    public Optional<YamlNode> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10_000);
            options.setAllowDuplicateKeys(true);
            options.setCodePointLimit(256 * 1024 * 1024);
            Node node = new Yaml(options).compose(reader);
            if (node == null) {
                return Optional.of(new YamlNode.Scalar(file, 1, null, true));
            }
            return Optional.of(new Converter(file).convert(node));
        } catch (NoSuchFileException e) {
            diagnostics.warning(file, 0, "the file does not exist");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            diagnostics.error(
                    file,
                    line,
                    "the YAML is malformed (" + problem.trim() + "); this file was skipped");
        } catch (YAMLException e) {
            diagnostics.error(
                    file,
                    0,
                    "the YAML is malformed (" + e.getMessage() + "); this file was skipped");
        } catch (IOException e) {
            diagnostics.error(file, 0, "the file cannot be read (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    private static final class Converter {
        private final Path file;
        private final Map<Node, YamlNode> seen = new IdentityHashMap<>();

        Converter(Path file) {
            this.file = file;
        }

        YamlNode convert(Node node) {
            YamlNode done = seen.get(node);
            if (done != null) {
                return done;
            }
            int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
            YamlNode result;
            if (node instanceof ScalarNode s) {
                boolean isNull = Tag.NULL.equals(s.getTag());
                result = new YamlNode.Scalar(file, line, isNull ? null : s.getValue(), isNull);
            } else if (node instanceof SequenceNode seq) {
                List<YamlNode> items = new ArrayList<>(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    items.add(convert(item));
                }
                result = new YamlNode.Sequence(file, line, Collections.unmodifiableList(items));
            } else {
                MappingNode map = (MappingNode) node;
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                for (NodeTuple t : map.getValue()) {
                    String key =
                            t.getKeyNode() instanceof ScalarNode k
                                    ? k.getValue()
                                    : String.valueOf(t.getKeyNode());
                    if ("<<".equals(key)
                            && convert(t.getValueNode()) instanceof YamlNode.Mapping merged) {
                        merged.entries().forEach(entries::putIfAbsent);
                        continue;
                    }
                    entries.put(key, convert(t.getValueNode()));
                }
                result = new YamlNode.Mapping(file, line, Collections.unmodifiableMap(entries));
            }
            seen.put(node, result);
            return result;
        }
    }
}
