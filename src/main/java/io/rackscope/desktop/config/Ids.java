package io.rackscope.desktop.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Id rules and the instance range pattern {@code compute[001-040]}. */
public final class Ids {
    static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,127}$");
    private static final Pattern RANGE = Pattern.compile("^(.*)\\[(\\d+)-(\\d+)](.*)$");
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)(\\D*)");
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

    /**
     * An id read as a name around a number ({@code cn0007}: {@code cn}, {@code 0007}, no suffix),
     * written again with another number at the same width.
     */
    public record Numbered(String prefix, String digits, String suffix) {
        public long number() {
            return Long.parseLong(digits);
        }

        public String with(long n) {
            return prefix + String.format("%0" + digits.length() + "d", n) + suffix;
        }

        /** Whether {@code other} is a name of the same family (prefix and suffix). */
        public boolean sameFamily(Numbered other) {
            return prefix.equals(other.prefix) && suffix.equals(other.suffix);
        }
    }

    /** {@code id} as a numbered name, when it has a number. */
    public static java.util.Optional<Numbered> numbered(String id) {
        Matcher m = NUMBERED.matcher(id);
        return m.matches()
                ? java.util.Optional.of(new Numbered(m.group(1), m.group(2), m.group(3)))
                : java.util.Optional.empty();
    }

    /**
     * The text a person types for {@code ids}, the inverse of {@link #expand}: one id, a range
     * pattern when they number on one by one ({@code cn[0001-0004]}), else a list {@code a, b}.
     */
    public static String compact(List<String> ids) {
        if (ids.size() <= 1) {
            return ids.isEmpty() ? "" : ids.get(0);
        }
        java.util.Optional<Numbered> first = numbered(ids.get(0));
        if (first.isPresent()) {
            Numbered f = first.get();
            boolean run = true;
            for (int i = 1; i < ids.size() && run; i++) {
                run = ids.get(i).equals(f.with(f.number() + i));
            }
            if (run) {
                String last = f.with(f.number() + ids.size() - 1);
                String lastDigits =
                        last.substring(f.prefix().length(), last.length() - f.suffix().length());
                return f.prefix() + "[" + f.digits() + "-" + lastDigits + "]" + f.suffix();
            }
        }
        return String.join(", ", ids);
    }
}
