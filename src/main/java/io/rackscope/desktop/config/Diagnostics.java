package io.rackscope.desktop.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every problem of one load, so that the operator sees them all in one pass. Thread-safe.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

    public void error(Path file, int line, String message) {
        items.add(new Diagnostic(Diagnostic.Level.ERROR, file, line, message));
    }

    public void warning(Path file, int line, String message) {
        items.add(new Diagnostic(Diagnostic.Level.WARNING, file, line, message));
    }

    public void error(YamlNode at, String message) {
        error(at.file(), at.line(), message);
    }

    public void warning(YamlNode at, String message) {
        warning(at.file(), at.line(), message);
    }

    public List<Diagnostic> errors() {
        return only(Diagnostic.Level.ERROR);
    }

    public List<Diagnostic> warnings() {
        return only(Diagnostic.Level.WARNING);
    }

    public List<Diagnostic> all() {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    private List<Diagnostic> only(Diagnostic.Level level) {
        synchronized (items) {
            return items.stream().filter(d -> d.level() == level).toList();
        }
    }
}
