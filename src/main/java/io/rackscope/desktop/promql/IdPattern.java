package io.rackscope.desktop.promql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids written compactly for a regex matcher: ids that share a prefix and end in consecutive
 * zero-padded numbers ({@code compute0001} … {@code compute1200}) become one exact numeric range
 * ({@code compute(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|1[01][0-9]{2}|1200)}); any other id stays a
 * literal. The regex matches exactly the given ids, nothing else, so a batch of a thousand ids
 * costs a few dozen bytes and Prometheus no more than the literal list.
 */
public final class IdPattern {
    private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)$");

    /** One alternative of the pattern: a literal id or a range of numbered ids, with its ids. */
    public record Part(String regex, List<String> ids) {}

    private IdPattern() {}

    /**
     * The parts of a pattern for {@code ids}, in a stable order: literals, then ranges by prefix
     * and number. Each part's regex is an RE2 fragment, not yet escaped for a PromQL string.
     */
    public static List<Part> parts(Collection<String> ids) {
        List<Part> out = new ArrayList<>();
        Map<String, TreeMap<Long, String>> numbered = new TreeMap<>();
        for (String id : ids) {
            Matcher m = NUMBERED.matcher(id);
            if (m.matches() && m.group(2).length() <= 18) {
                String key = m.group(1) + '\u0000' + m.group(2).length();
                numbered.computeIfAbsent(key, k -> new TreeMap<>())
                        .put(Long.parseLong(m.group(2)), id);
            } else {
                out.add(new Part(PromQL.regexLiteral(id), List.of(id)));
            }
        }
        numbered.forEach(
                (key, byNumber) -> {
                    int cut = key.indexOf('\u0000');
                    String prefix = key.substring(0, cut);
                    int width = Integer.parseInt(key.substring(cut + 1));
                    long start = -1;
                    long previous = -2;
                    List<String> run = new ArrayList<>();
                    for (Map.Entry<Long, String> e : byNumber.entrySet()) {
                        if (e.getKey() != previous + 1 && !run.isEmpty()) {
                            out.add(range(prefix, start, previous, width, run));
                            run = new ArrayList<>();
                        }
                        if (run.isEmpty()) {
                            start = e.getKey();
                        }
                        run.add(e.getValue());
                        previous = e.getKey();
                    }
                    if (!run.isEmpty()) {
                        out.add(range(prefix, start, previous, width, run));
                    }
                });
        return out;
    }

    /** The whole pattern, escaped for the inside of a PromQL double-quoted string. */
    public static String of(Collection<String> ids) {
        List<String> regexes = new ArrayList<>();
        for (Part p : parts(ids)) {
            regexes.add(p.regex());
        }
        return PromQL.quoted(String.join("|", regexes));
    }

    private static Part range(String prefix, long lo, long hi, int width, List<String> ids) {
        if (lo == hi) {
            return new Part(PromQL.regexLiteral(ids.get(0)), List.copyOf(ids));
        }
        List<String> alternatives = new ArrayList<>();
        digits(pad(lo, width), pad(hi, width), "", alternatives);
        String body =
                alternatives.size() == 1
                        ? alternatives.get(0)
                        : "(" + String.join("|", alternatives) + ")";
        return new Part(PromQL.regexLiteral(prefix) + body, List.copyOf(ids));
    }

    private static String pad(long n, int width) {
        StringBuilder s = new StringBuilder(Long.toString(n));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    /** Regexes that together match exactly the digit strings from {@code lo} to {@code hi}. */
    private static void digits(String lo, String hi, String head, List<String> out) {
        if (lo.isEmpty()) {
            out.add(head);
            return;
        }
        if (lo.charAt(0) == hi.charAt(0)) {
            digits(lo.substring(1), hi.substring(1), head + lo.charAt(0), out);
            return;
        }
        int rest = lo.length() - 1;
        String zeros = "0".repeat(rest);
        String nines = "9".repeat(rest);
        int first = lo.charAt(0) - '0';
        int last = hi.charAt(0) - '0';
        if (!lo.substring(1).equals(zeros)) {
            digits(lo.substring(1), nines, head + first, out);
            first++;
        }
        boolean lastWhole = hi.substring(1).equals(nines);
        int fullTo = lastWhole ? last : last - 1;
        if (first <= fullTo) {
            String cls =
                    first == fullTo ? Integer.toString(first) : "[" + first + "-" + fullTo + "]";
            out.add(head + cls + any(rest));
        }
        if (!lastWhole) {
            digits(zeros, hi.substring(1), head + last, out);
        }
    }

    private static String any(int n) {
        return n == 0 ? "" : n == 1 ? "[0-9]" : "[0-9]{" + n + "}";
    }
}
