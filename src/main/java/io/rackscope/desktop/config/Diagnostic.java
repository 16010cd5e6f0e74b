package io.rackscope.desktop.config;

import java.nio.file.Path;

/** One problem found in the configuration: where it is and what it means to an operator. */
public record Diagnostic(Level level, Path file, int line, String message) {

    public enum Level {
        ERROR,
        WARNING
    }

    public String fileName() {
        return file == null ? "" : file.toString();
    }

    @Override
    public String toString() {
        String where =
                file == null ? "" : line > 0 ? fileName() + ":" + line + ": " : fileName() + ": ";
        return (level == Level.ERROR ? "error: " : "warning: ") + where + message;
    }
}
