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
}
