package io.rackscope.desktop.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The YAML files of a folder tree, in a stable order. */
public final class YamlFiles {
    private YamlFiles() {}

    static List<Path> under(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(YamlFiles::isYaml).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Files directly inside {@code dir}. */
    static List<Path> in(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(YamlFiles::isYaml).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Path> folders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code base.yaml}, or {@code base.yml} when only that exists. */
    public static Path named(Path dir, String base) {
        Path yaml = dir.resolve(base + ".yaml");
        Path yml = dir.resolve(base + ".yml");
        return !Files.exists(yaml) && Files.exists(yml) ? yml : yaml;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
