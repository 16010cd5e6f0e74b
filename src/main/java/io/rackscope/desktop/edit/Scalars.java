package io.rackscope.desktop.edit;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;

/** Values written as YAML scalars the way a person would write them, quoted only when needed. */
public final class Scalars {
    private static final Pattern PLAIN =
            Pattern.compile("[\\p{L}\\p{N}_°/.][\\p{L}\\p{N}\\p{So} ._/()\\[\\]:@=%+?&~°µ-]*");

    /** What YAML 1.1 reads as something other than a string: booleans, null, numbers, times. */
    private static final Pattern SPECIAL =
            Pattern.compile(
                    "(?i)true|false|yes|no|on|off|null|~|y|n|\\.inf|\\.nan|[-+]?[0-9][0-9_.:eE+-]*"
                            + "|0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+");

    private Scalars() {}

    /** A string: plain when it reads back as the same string, else double-quoted. */
    public static String text(String v) {
        if (PLAIN.matcher(v).matches()
                && !SPECIAL.matcher(v).matches()
                && !v.endsWith(" ")
                && !v.endsWith(":")
                && !v.contains(": ")
                && !v.contains(" #")) {
            return v;
        }
        return quoted(v);
    }

    /** A string written in the style of the value it replaces (double, single or plain). */
    public static String text(String v, DumperOptions.ScalarStyle like) {
        if (like == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            return quoted(v);
        }
        if (like == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
            return "'" + v.replace("'", "''") + "'";
        }
        return text(v);
    }

    /**
     * An id: plain when it reads back as a string, else quoted (an id of digits stays a string).
     */
    public static String id(String v) {
        return text(v);
    }

    public static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public static String number(long v) {
        return Long.toString(v);
    }

    /** A string always double-quoted (URLs with braces, patterns). */
    public static String quoted(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
