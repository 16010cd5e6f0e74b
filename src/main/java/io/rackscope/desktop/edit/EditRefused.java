package io.rackscope.desktop.edit;

import java.nio.file.Path;

/**
 * An edit that cannot be made, and why: names the file and line where it applies (a collision at U
 * 12 on the front of rack r05, an unknown template, a file changed on disk since it was read).
 */
public final class EditRefused extends RuntimeException {
    private final transient Path file;
    private final int line;

    public EditRefused(Path file, int line, String why) {
        super(why);
        this.file = file;
        this.line = line;
    }

    public EditRefused(String why) {
        this(null, 0, why);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** "topology/…/rack-01.yaml line 12: why", relative to {@code root}. */
    public String describe(Path root) {
        if (file == null) {
            return getMessage();
        }
        Path shown = file.startsWith(root) ? root.relativize(file) : file;
        return shown + (line > 0 ? " line " + line : "") + ": " + getMessage();
    }
}
