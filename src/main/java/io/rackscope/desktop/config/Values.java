package io.rackscope.desktop.config;

import java.util.Locale;

/** Typed reads of scalar settings that fall back to a default and say so when the text is wrong. */
final class Values {
    private final Diagnostics diagnostics;

    Values(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    int integer(YamlNode.Mapping map, String key, String qualifiedName, int fallback) {
        String text = map.text(key, null);
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
        String text = map.text(key, null);
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
        String text = map.text(key, null);
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
