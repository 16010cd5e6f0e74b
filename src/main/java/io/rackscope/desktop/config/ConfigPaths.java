package io.rackscope.desktop.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the parts of a configuration live. A relative path in {@code app.yaml paths:} is resolved
 * against the directory of app.yaml; when it does not exist the conventional place is used and a
 * warning names both.
 */
public record ConfigPaths(
        Path root, Path appYaml, Path topology, Path templates, Path checks, Path metrics) {

    static ConfigPaths resolve(Path root, YamlNode.Mapping app, Diagnostics diagnostics) {
        YamlNode.Mapping paths = app.mapping("paths").orElse(YamlNode.Mapping.empty(app.file()));
        return new ConfigPaths(
                root,
                root.resolve("app.yaml"),
                one(root, paths, "topology", "topology", diagnostics),
                one(root, paths, "templates", "templates", diagnostics),
                one(root, paths, "checks", "checks/library", diagnostics),
                one(root, paths, "metrics", "metrics/library", diagnostics));
    }

    private static Path one(
            Path root,
            YamlNode.Mapping paths,
            String key,
            String conventional,
            Diagnostics diagnostics) {
        Path fallback = root.resolve(conventional).normalize();
        String configured = paths.text(key, null);
        if (configured == null || configured.isBlank()) {
            return fallback;
        }
        Path named = root.resolve(configured).normalize();
        if (Files.exists(named)) {
            return named;
        }
        if (Files.exists(fallback)) {
            diagnostics.warning(
                    paths.at(key),
                    "paths."
                            + key
                            + " names "
                            + named
                            + ", which does not exist; using "
                            + fallback
                            + " instead");
        } else {
            diagnostics.warning(
                    paths.at(key),
                    "paths."
                            + key
                            + " names "
                            + named
                            + ", which does not exist, and neither does "
                            + fallback
                            + "; no "
                            + key
                            + " were loaded");
        }
        return fallback;
    }
}
