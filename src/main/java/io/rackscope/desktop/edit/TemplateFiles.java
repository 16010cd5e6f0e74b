package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Where a template is written: the file of the templates folder whose list ({@code templates},
 * {@code rack_templates}, {@code rack_component_templates}) holds its id, as the session has it
 * now.
 */
final class TemplateFiles {
    /** The lists of a rack template's {@code infrastructure} that hold component references. */
    static final List<String> INFRASTRUCTURE =
            List.of(
                    "rack_components",
                    "components",
                    "side_components",
                    "front_components",
                    "rear_components");

    private TemplateFiles() {}

    /** The files of the templates folder, in the session's directory (made ones included). */
    static List<Path> all(EditSession session, RackscopeConfig config) {
        return under(session, config, config.paths().templates());
    }

    /** The YAML files under {@code dir} of the loaded configuration, in the session's directory. */
    static List<Path> under(EditSession session, RackscopeConfig config, Path dir) {
        Path loadedRoot = config.paths().root().toAbsolutePath().normalize();
        Path templates = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(templates)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(templates)) {
            return files.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .map(f -> session.root().resolve(loadedRoot.relativize(f).toString()))
                    .filter(session::exists)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file whose {@code list} holds {@code id}. */
    static Optional<Path> find(
            EditSession session, RackscopeConfig config, String list, String id) {
        return all(session, config).stream()
                .filter(f -> entry(session.yaml(f), list, id).isPresent())
                .findFirst();
    }

    /** The entry {@code id} of the top-level {@code list} of {@code t}. */
    static Optional<MappingNode> entry(YamlText t, String list, String id) {
        if (t.root().isEmpty() || !(t.root().get() instanceof MappingNode)) {
            return Optional.empty();
        }
        return YamlText.sequence(t.top(), list)
                .flatMap(
                        seq -> {
                            int i = YamlText.indexOf(seq, id);
                            return i < 0 || !(seq.getValue().get(i) instanceof MappingNode m)
                                    ? Optional.empty()
                                    : Optional.of(m);
                        });
    }
}
