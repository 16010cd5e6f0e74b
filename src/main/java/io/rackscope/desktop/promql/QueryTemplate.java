package io.rackscope.desktop.promql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A check's or metric's PromQL with its placeholders found once, so that filling it in for a batch
 * is a concatenation. Each placeholder is escaped for where it stands: inside a regex matcher
 * ({@code =~"..."}, {@code !~"..."}) the ids become an anchored alternation of RE2 literals; inside
 * an equality matcher or elsewhere, plain string text. An empty set of ids in a regex matcher
 * becomes {@link #MATCHES_NOTHING}: an empty alternation would match the series that lack the
 * label.
 */
public final class QueryTemplate {
    /** A regex that no label value matches (an empty one would match an absent label). */
    public static final String MATCHES_NOTHING = "^$-none";

    /** How a placeholder's value is written, by where it stands in the expression. */
    enum Context {
        REGEX,
        TEXT
    }

    private record Slot(Placeholder placeholder, Context context, String spelling) {}

    private final String text;

    /** Literal pieces and slots, alternating: piece, slot, piece, ..., piece. */
    private final List<String> pieces = new ArrayList<>();

    private final List<Slot> slots = new ArrayList<>();
    private final Set<Placeholder> used = EnumSet.noneOf(Placeholder.class);

    private QueryTemplate(String text) {
        this.text = text;
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            Placeholder p = placeholderAt(text, i);
            if (p == null) {
                i++;
                continue;
            }
            String spelling = spellingAt(text, i, p);
            pieces.add(text.substring(from, i));
            slots.add(new Slot(p, contextAt(text, i), spelling));
            used.add(p);
            i += spelling.length();
            from = i;
        }
        pieces.add(text.substring(from));
    }

    public static QueryTemplate of(String expr) {
        return new QueryTemplate(expr == null ? "" : expr);
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    public boolean uses(Placeholder p) {
        return used.contains(p);
    }

    public Set<Placeholder> placeholders() {
        return EnumSet.copyOf(used);
    }

    /** The placeholders written anywhere in {@code text} (a matcher's value, say). */
    public static Set<Placeholder> placeholdersIn(String text) {
        return of(text).placeholders();
    }

    /**
     * The expression with every placeholder filled: {@code values} gives each one's value, either a
     * {@link Collection} of ids or a {@link Value}; a placeholder without a value is left as
     * written.
     */
    public String fill(Map<Placeholder, ?> values) {
        StringBuilder sb = new StringBuilder(text.length() + 64);
        for (int i = 0; i < slots.size(); i++) {
            sb.append(pieces.get(i));
            Slot slot = slots.get(i);
            Object v = values.get(slot.placeholder());
            if (v == null) {
                sb.append(slot.spelling());
            } else if (v instanceof Value value) {
                sb.append(value.write(slot.context()));
            } else {
                @SuppressWarnings("unchecked")
                Collection<String> ids = (Collection<String>) v;
                sb.append(Value.anyOf(ids).write(slot.context()));
            }
        }
        sb.append(pieces.get(pieces.size() - 1));
        return sb.toString();
    }

    /**
     * A placeholder's value: a set of literal ids, or a regex written by the user (such as {@code
     * telemetry.job_regex}) that goes into a regex matcher as it is.
     */
    public static final class Value {
        private final Collection<String> ids;
        private final String regex;
        private final boolean compact;

        private Value(Collection<String> ids, String regex, boolean compact) {
            this.ids = ids;
            this.regex = regex;
            this.compact = compact;
        }

        /** The ids one by one, as the original scheme writes them. */
        public static Value anyOf(Collection<String> ids) {
            return new Value(ids, null, false);
        }

        /** The ids as an exact range pattern ({@link IdPattern}): short however many they are. */
        public static Value pattern(Collection<String> ids) {
            return new Value(ids, null, true);
        }

        public static Value regex(String regex) {
            return new Value(null, regex, false);
        }

        String write(Context context) {
            if (regex != null) {
                return PromQL.quoted(regex);
            }
            if (context == Context.REGEX) {
                if (ids.isEmpty()) {
                    return MATCHES_NOTHING;
                }
                return compact ? IdPattern.of(ids) : PromQL.alternation(ids);
            }
            return PromQL.quoted(String.join("|", ids));
        }
    }

    private static Placeholder placeholderAt(String text, int i) {
        char c = text.charAt(i);
        if (c != '$' && c != '{' || i > 0 && text.charAt(i - 1) == '\\') {
            return null;
        }
        for (Placeholder p : Placeholder.values()) {
            if (spellingAt(text, i, p) != null) {
                return p;
            }
        }
        return null;
    }

    /** The spelling of {@code p} that starts at {@code i}, or null. */
    private static String spellingAt(String text, int i, Placeholder p) {
        for (String s : p.spellings()) {
            if (text.startsWith(s, i)) {
                int end = i + s.length();
                boolean delimited =
                        s.endsWith("}")
                                || end >= text.length()
                                || !(Character.isLetterOrDigit(text.charAt(end))
                                        || text.charAt(end) == '_');
                if (delimited) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Whether position {@code i} lies inside the quoted value of a regex matcher. */
    private static Context contextAt(String text, int i) {
        int quote = -1;
        boolean inside = false;
        for (int k = 0; k < i; k++) {
            char c = text.charAt(k);
            if (c == '\\' && inside) {
                k++;
            } else if (c == '"') {
                inside = !inside;
                quote = k;
            }
        }
        if (!inside) {
            return Context.TEXT;
        }
        int op = quote - 1;
        while (op >= 0 && Character.isWhitespace(text.charAt(op))) {
            op--;
        }
        return op >= 1 && text.charAt(op) == '~' ? Context.REGEX : Context.TEXT;
    }
}
