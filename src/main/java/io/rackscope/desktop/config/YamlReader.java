package io.rackscope.desktop.config;

import io.rackscope.desktop.http.Reasons;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
    /**
     * What one file may hold before it is skipped with a diagnostic, so that one runaway file (a
     * generated 50 MB template list, an alias bomb) cannot exhaust the heap and take the rest of
     * the configuration with it. {@code -Drackscope.config.max_file_mb} and {@code
     * -Drackscope.config.max_nodes} raise them.
     */
    static final long MAX_FILE_BYTES = Long.getLong("rackscope.config.max_file_mb", 16) << 20;

    static final long MAX_NODES = Long.getLong("rackscope.config.max_nodes", 1_000_000);
    static final int MAX_ALIASES = 10_000;
    static final int MAX_DEPTH = 100;

    private static final String NOT_UTF8 =
            "the file is not UTF-8 text; this file was skipped (save it as UTF-8)";

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
            // an empty rack file silently loses its devices, an empty app.yaml every setting
            diagnostics.warning(file, 0, "the file is empty, so it defines nothing");
            return Optional.of(YamlNode.Mapping.empty(file));
        }
        diagnostics.error(
                file,
                root.get().line(),
                "the file should hold a YAML mapping (key: value lines) at its top level");
        return Optional.empty();
    }

    public Optional<YamlNode> read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                diagnostics.error(
                        file,
                        0,
                        "the file is "
                                + (size >> 20)
                                + " MB, more than the "
                                + (MAX_FILE_BYTES >> 20)
                                + " MB one file may hold; this file was skipped (split it, or"
                                + " raise -Drackscope.config.max_file_mb)");
                return Optional.empty();
            }
        } catch (NoSuchFileException e) {
            diagnostics.warning(file, 0, "the file does not exist");
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(file, 0, "the file cannot be read (" + Reasons.plain(e) + ")");
            return Optional.empty();
        }
        try (Reader reader =
                new InputStreamReader(
                        Files.newInputStream(file),
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setAllowDuplicateKeys(true);
            options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, MAX_FILE_BYTES));
            Node node = new Yaml(options).compose(reader);
            if (node == null) {
                return Optional.of(new YamlNode.Scalar(file, 1, null, true));
            }
            return Optional.of(new Converter(file).convert(node));
        } catch (TooManyNodes e) {
            diagnostics.error(
                    file,
                    0,
                    "the file holds more than "
                            + MAX_NODES
                            + " YAML nodes (aliases counted as expanded); this file was skipped");
        } catch (CharacterCodingException e) {
            diagnostics.error(
                    file,
                    0,
                    "the file is not UTF-8 text; this file was skipped (save it as UTF-8)");
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
                    e.getCause() instanceof CharacterCodingException
                            ? NOT_UTF8
                            : "the YAML is malformed ("
                                    + Reasons.plain(e)
                                    + "); this file was skipped");
        } catch (IOException e) {
            diagnostics.error(file, 0, "the file cannot be read (" + Reasons.plain(e) + ")");
        }
        return Optional.empty();
    }

    private static final class TooManyNodes extends RuntimeException {
        TooManyNodes() {
            super(null, null, false, false);
        }
    }

    private static final class Converter {
        private final Path file;
        private final Map<Node, YamlNode> seen = new IdentityHashMap<>();
        private final Map<YamlNode, Long> sizes = new IdentityHashMap<>();
        private long expanded;

        Converter(Path file) {
            this.file = file;
        }

        YamlNode convert(Node node) {
            YamlNode done = seen.get(node);
            if (done != null) {
                // an alias: shared in the tree, but whoever walks it walks it again
                count(sizes.getOrDefault(done, 1L));
                return done;
            }
            long before = expanded;
            count(1);
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
            if (!(result instanceof YamlNode.Scalar)) {
                sizes.put(result, expanded - before);
            }
            return result;
        }

        private void count(long n) {
            expanded += n;
            if (expanded > MAX_NODES) {
                throw new TooManyNodes();
            }
        }
    }
}
