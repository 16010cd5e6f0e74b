package io.rackscope.desktop.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Typed reads of scalar settings that fall back to a default and say so when the text is wrong. */
final class Values {
    private final Diagnostics diagnostics;

    Values(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The text at {@code key}; a list or mapping there is reported and read as absent. */
    String text(YamlNode.Mapping map, String key, String qualifiedName, String fallback) {
        YamlNode n = map.entries().get(key);
        if (n == null || n instanceof YamlNode.Scalar) {
            return map.text(key, fallback);
        }
        diagnostics.error(
                n,
                qualifiedName
                        + " should be a single value, not a "
                        + (n instanceof YamlNode.Sequence ? "list" : "mapping")
                        + (fallback == null ? "; it is ignored" : "; using " + fallback));
        return fallback;
    }

    /**
     * The list of names at {@code key}. A lone name is a list of one; a text with commas ({@code
     * checks: a, b}) is read as its names, with a warning to write a list; an entry that is not a
     * name is reported and skipped.
     */
    List<String> names(YamlNode.Mapping map, String key, String qualifiedName) {
        YamlNode n = map.entries().get(key);
        if (n instanceof YamlNode.Scalar s && !s.isNull() && s.value().contains(",")) {
            List<String> split = new ArrayList<>();
            for (String part : s.value().split(",")) {
                if (!part.isBlank()) {
                    split.add(part.strip());
                }
            }
            diagnostics.warning(
                    n,
                    qualifiedName
                            + " should be a list such as ["
                            + String.join(", ", split)
                            + "], not the text '"
                            + s.value()
                            + "'; read as "
                            + split.size()
                            + " names");
            return split;
        }
        if (n instanceof YamlNode.Mapping) {
            diagnostics.error(
                    n, qualifiedName + " should be a list of names, not a mapping; it is ignored");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<YamlNode> items = map.list(key);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            if (item instanceof YamlNode.Scalar s) {
                if (!s.isNull()) {
                    out.add(s.value());
                }
            } else {
                diagnostics.error(
                        item,
                        "entry "
                                + (i + 1)
                                + " of "
                                + qualifiedName
                                + " is not a name but a "
                                + (item instanceof YamlNode.Sequence ? "list" : "mapping")
                                + "; it is skipped");
            }
        }
        return out;
    }

    int integer(YamlNode.Mapping map, String key, String qualifiedName, int fallback) {
        String text = text(map, key, qualifiedName, null);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            diagnostics.error(
                    map.at(key),
                    qualifiedName
                            + " should be a whole number, but is '"
                            + text
                            + "'; using "
                            + fallback);
            return fallback;
        }
    }

    Double number(YamlNode.Mapping map, String key, String qualifiedName) {
        String text = text(map, key, qualifiedName, null);
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            diagnostics.error(
                    map.at(key), qualifiedName + " should be a number, but is '" + text + "'");
            return null;
        }
    }

    boolean bool(YamlNode.Mapping map, String key, String qualifiedName, boolean fallback) {
        String text = text(map, key, qualifiedName, null);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                diagnostics.error(
                        map.at(key),
                        qualifiedName
                                + " should be true or false, but is '"
                                + text
                                + "'; using "
                                + fallback);
                yield fallback;
            }
        };
    }
}
