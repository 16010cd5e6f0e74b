package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A copy of an example configuration to edit, and one edit run on it. */
final class EditFixture {
    static final Path EXAMPLES = Path.of("../shared/rackscope-examples");

    final Path root;
    final EditSession session;
    final RackscopeConfig before;

    private EditFixture(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.before = new ConfigLoader().load(this.root);
        this.session = new EditSession(this.root);
    }

    /** A copy of {@code source} (an example's name, or a path) under {@code dir}. */
    static EditFixture copyOf(Path source, Path dir) {
        Path target = dir.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = target.resolve(source.relativize(f).toString());
                Files.createDirectories(t.getParent());
                Files.copy(f, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EditFixture(target);
    }

    static EditFixture example(String name, Path dir) {
        return copyOf(EXAMPLES.resolve(name), dir);
    }

    /** Runs {@code edit}; returns the unified diff it would write. */
    String diff(Consumer<EstateEdits> edit) {
        edit.accept(new EstateEdits(session, before));
        return session.diff();
    }

    /** Saves and loads the result again. */
    RackscopeConfig saveAndLoad() {
        session.save();
        return new ConfigLoader().load(root);
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
