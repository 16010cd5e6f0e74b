package io.rackscope.desktop.telemetry;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check's expression asked of the whole server at once instead of batch by batch: the matcher
 * that names its entities ({@code instance=~"$instances"}) dropped, the answer's series told apart
 * by entity here. One query instead of a hundred at 100,000 nodes; Prometheus reads the same series
 * either way. That gives each entity the answer its batch would have had only when the expression
 * keeps every entity's series apart: every selector names the entities, every aggregation keeps the
 * entity label, every function works series by series and two vectors meet only on all their
 * labels. Anything else (an aggregation without {@code by}, {@code on}, {@code ignoring}, {@code
 * absent}, {@code label_replace}, a function not known to be series by series, a selector without a
 * metric name) is not read whole.
 */
final class WholeRead {
    /** What the expression's own placeholder is filled with, to be found and dropped. */
    static final String MARKER = "rackscope_whole_read";

    private static final Pattern QUOTED =
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern SELECTOR = Pattern.compile("\\{[^}]*}");
    private static final Pattern NAMED_SELECTOR =
            Pattern.compile("(?<![\\w:])[a-zA-Z_:][\\w:]*\\s*\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w:.])\\d[\\w.]*");
    private static final Pattern WORD = Pattern.compile("[a-zA-Z_:][\\w:]*");
    private static final Pattern BY = Pattern.compile("^\\s*by\\s*\\(([^)]*)\\)");
    private static final Pattern ANY_BY = Pattern.compile("\\bby\\s*\\([^)]*\\)");

    private static final Set<String> AGGREGATIONS =
            Set.of("sum", "min", "max", "avg", "count", "group", "stddev", "stdvar");
    private static final Set<String> SERIES_BY_SERIES =
            Set.of(
                    "rate",
                    "irate",
                    "increase",
                    "delta",
                    "idelta",
                    "deriv",
                    "changes",
                    "resets",
                    "timestamp",
                    "abs",
                    "ceil",
                    "floor",
                    "round",
                    "sqrt",
                    "exp",
                    "ln",
                    "log2",
                    "log10",
                    "clamp",
                    "clamp_min",
                    "clamp_max",
                    "avg_over_time",
                    "min_over_time",
                    "max_over_time",
                    "sum_over_time",
                    "count_over_time",
                    "last_over_time",
                    "stddev_over_time",
                    "stdvar_over_time",
                    "bool",
                    "and",
                    "or",
                    "unless",
                    "offset");

    private WholeRead() {}

    /**
     * {@code filled} (a check's expression, its own placeholder filled with {@link #MARKER} as a
     * regex) with the matchers {@code label=~"MARKER"} dropped, when the entities of {@code label}
     * can be told apart in its answer as in their batches' answers; empty otherwise.
     */
    static Optional<String> of(String filled, String label) {
        Pattern own =
                Pattern.compile(
                        "(?<![\\w:])" + Pattern.quote(label) + "\\s*=~\\s*\"" + MARKER + "\"");
        String bare = QUOTED.matcher(filled).replaceAll(m -> quotedMarker(m.group()));
        int selectors = count(SELECTOR.matcher(bare));
        int named = count(NAMED_SELECTOR.matcher(bare));
        int restricted = count(own.matcher(filled));
        if (selectors == 0 || selectors != named || selectors != restricted) {
            return Optional.empty();
        }
        if (!keepsEntitiesApart(bare, label)) {
            return Optional.empty();
        }
        String whole = own.matcher(filled).replaceAll("");
        whole = whole.replaceAll("\\{\\s*,\\s*", "{").replaceAll(",\\s*,", ",");
        whole = whole.replaceAll(",\\s*}", "}");
        return whole.contains(MARKER) ? Optional.empty() : Optional.of(whole);
    }

    /**
     * A quoted string emptied, unless it is the marker of a matcher of the entity label (kept, to
     * be counted): a marker anywhere else makes the count of restricted selectors fall short.
     */
    private static String quotedMarker(String quoted) {
        return quoted.equals("\"" + MARKER + "\"") ? Matcher.quoteReplacement(quoted) : "\"\"";
    }

    private static boolean keepsEntitiesApart(String bare, String label) {
        String s = NAMED_SELECTOR.matcher(bare).replaceAll("0");
        s = RANGE.matcher(s).replaceAll("");
        s = NUMBER.matcher(s).replaceAll("0");
        Matcher words = WORD.matcher(s);
        while (words.find()) {
            if (AGGREGATIONS.contains(words.group())) {
                Matcher by = BY.matcher(s.substring(words.end()));
                if (!by.find()
                        || Arrays.stream(by.group(1).split(","))
                                .map(String::trim)
                                .noneMatch(label::equals)) {
                    return false;
                }
            }
        }
        // what is left once the grouping labels are gone: functions, operators, numbers
        words = WORD.matcher(ANY_BY.matcher(s).replaceAll(""));
        while (words.find()) {
            String w = words.group();
            if (!AGGREGATIONS.contains(w) && !SERIES_BY_SERIES.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
