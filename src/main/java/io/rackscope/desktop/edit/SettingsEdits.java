package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The settings of {@code app.yaml} (those of {@link SettingsCatalog}) read and written key by key:
 * a setting emptied is taken out (a block left empty goes with it), a new one added in its block
 * (made when missing); every other line stays as written. Secrets are never read back out: only
 * whether one is set.
 */
public final class SettingsEdits {
    /** The settings as written: values by path, and the secrets that are set (not their values). */
    public record Values(Map<String, String> values, Set<String> secretsSet) {
        public Values {
            values = Map.copyOf(values);
            secretsSet = Set.copyOf(secretsSet);
        }

        public String get(String path) {
            return values.getOrDefault(path, "");
        }
    }

    private final EditSession session;
    private final Path file;

    SettingsEdits(
            EditSession session,
            RackscopeConfig config,
            java.util.function.UnaryOperator<Path> real) {
        this.session = session;
        this.file = real.apply(config.paths().root()).resolve("app.yaml");
    }

    /** The settings as the session holds them now. */
    public Values values() {
        return read(session.text(file).orElse(""));
    }

    /** The app.yaml text with {@code changes} made (see {@link #withValues}), nothing written. */
    public String preview(Map<String, String> changes) {
        return withValues(session.text(file).orElse(""), changes);
    }

    /** Writes {@code changes} (path to value; empty: taken out) as one step. */
    public void set(Map<String, String> changes) {
        String before = session.text(file).orElse("");
        String after = withValues(before, changes);
        if (!after.equals(before)) {
            session.step();
            session.write(file, after);
        }
    }

    static Values read(String text) {
        return MappingPaths.read(text, SettingsCatalog.all());
    }

    /** {@code text} with each setting of {@code changes} written, or taken out when empty. */
    public static String withValues(String text, Map<String, String> changes) {
        return MappingPaths.withValues(text, changes, SettingsCatalog::at);
    }
}
