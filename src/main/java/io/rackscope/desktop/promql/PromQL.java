package io.rackscope.desktop.promql;

import java.util.Collection;

/** Building blocks for generated PromQL. */
public final class PromQL {
    private static final String RE2_META = "\\.+*?()|[]{}^$";

    private PromQL() {}

    /** An id as an RE2 literal: every metacharacter escaped. */
    public static String regexLiteral(String id) {
        StringBuilder sb = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (RE2_META.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Text for the inside of a PromQL double-quoted string. */
    public static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * An alternation of literal ids for use inside a quoted {@code =~} matcher (Prometheus anchors
     * it). The result is already escaped for the string.
     */
    public static String alternation(Collection<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(quoted(regexLiteral(id)));
        }
        return sb.toString();
    }

    /** A number in PromQL syntax. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }
}
