package io.rackscope.desktop.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Id rules and the instance range pattern {@code compute[001-040]}. */
public final class Ids {
    static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,127}$");
    private static final Pattern RANGE = Pattern.compile("^(.*)\\[(\\d+)-(\\d+)](.*)$");
    static final int MAX_RANGE = 100_000;

    private Ids() {}

    /**
     * The ids a pattern stands for; a text without a range is itself. Throws on a reversed or huge
     * range.
     */
    public static List<String> expand(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            return List.of(text);
        }
        String from = m.group(2);
        long start = Long.parseLong(from);
        long end = Long.parseLong(m.group(3));
        if (end < start) {
            throw new IllegalArgumentException("the range " + text + " ends before it starts");
        }
        if (end - start >= MAX_RANGE) {
            throw new IllegalArgumentException(
                    "the range " + text + " has more than " + MAX_RANGE + " ids");
        }
        int width = from.length();
        List<String> out = new ArrayList<>((int) (end - start + 1));
        for (long i = start; i <= end; i++) {
            String n = Long.toString(i);
            out.add(m.group(1) + "0".repeat(Math.max(0, width - n.length())) + n + m.group(4));
        }
        return out;
    }
}
