package io.rackscope.desktop.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only YAML value that remembers the file and line it came from. Aliases are already
 * resolved: an aliased list is a list here, not the anchor's name.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    Path file();

    int line();

    record Scalar(Path file, int line, String value, boolean isNull) implements YamlNode {}

    record Sequence(Path file, int line, List<YamlNode> items) implements YamlNode {}

    record Mapping(Path file, int line, Map<String, YamlNode> entries) implements YamlNode {
        public Optional<YamlNode> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public boolean has(String key) {
            YamlNode n = entries.get(key);
            return n != null && !(n instanceof Scalar s && s.isNull());
        }

        /** The scalar text at {@code key}, or {@code fallback} when absent or null. */
        public String text(String key, String fallback) {
            YamlNode n = entries.get(key);
            return n instanceof Scalar s && !s.isNull() ? s.value() : fallback;
        }

        public Optional<Mapping> mapping(String key) {
            return entries.get(key) instanceof Mapping m ? Optional.of(m) : Optional.empty();
        }

        /**
         * The list at {@code key}; absent or null gives an empty list, a lone scalar a list of one.
         */
        public List<YamlNode> list(String key) {
            YamlNode n = entries.get(key);
            if (n instanceof Sequence s) {
                return s.items();
            }
            if (n == null || n instanceof Scalar sc && sc.isNull()) {
                return List.of();
            }
            return List.of(n);
        }

        /** The scalar texts of the list at {@code key}. */
        public List<String> texts(String key) {
            return list(key).stream()
                    .filter(n -> n instanceof Scalar s && !s.isNull())
                    .map(n -> ((Scalar) n).value())
                    .toList();
        }

        /** The scalar entries of the mapping at {@code key} (e.g. {@code labels:}), in order. */
        public Map<String, String> textMap(String key) {
            Map<String, String> out = new LinkedHashMap<>();
            mapping(key)
                    .ifPresent(
                            l ->
                                    l.entries()
                                            .forEach(
                                                    (k, v) -> {
                                                        if (v instanceof Scalar sc
                                                                && !sc.isNull()) {
                                                            out.put(k, sc.value());
                                                        }
                                                    }));
            return out;
        }

        public YamlNode at(String key) {
            YamlNode n = entries.get(key);
            return n == null ? this : n;
        }

        static Mapping empty(Path file) {
            return new Mapping(file, 0, Collections.unmodifiableMap(new LinkedHashMap<>()));
        }
    }
}
