package io.rackscope.desktop.config;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Lists the places of things that share an id, for a diagnostic: the first three, then a count. */
final class Places {
    private static final int SHOWN = 3;

    private Places() {}

    static <T> String list(
            List<T> all, Function<T, String> name, Function<T, Path> file, ToIntFunction<T> line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, all.size()); i++) {
            T t = all.get(i);
            if (i > 0) {
                b.append(i == all.size() - 1 ? " and " : ", ");
            }
            b.append(name.apply(t))
                    .append(" (")
                    .append(file.apply(t))
                    .append(':')
                    .append(line.applyAsInt(t))
                    .append(')');
        }
        if (all.size() > SHOWN) {
            b.append(" and ").append(all.size() - SHOWN).append(" more");
        }
        return b.toString();
    }

    /**
     * Warns, at the second of {@code all} (things of {@code kind} sharing {@code id}), that they
     * are all kept and that a series of {@code scope} checks names every one of them.
     */
    static <T> void warnRepeated(
            Diagnostics diagnostics,
            String kind,
            String scope,
            String id,
            List<T> all,
            Function<T, String> name,
            Function<T, Path> file,
            ToIntFunction<T> line,
            String more) {
        T second = all.get(1);
        diagnostics.warning(
                file.apply(second),
                line.applyAsInt(second),
                "the "
                        + kind
                        + " id '"
                        + id
                        + "' is used by "
                        + all.size()
                        + " "
                        + kind
                        + "s: "
                        + list(all, name, file, line)
                        + "; all are kept, each named by its path. Series of "
                        + scope
                        + " checks carry only the id, so each such series applies to every "
                        + kind
                        + " with the id '"
                        + id
                        + "'"
                        + more);
    }
}
