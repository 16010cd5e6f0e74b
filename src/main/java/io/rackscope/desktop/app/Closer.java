package io.rackscope.desktop.app;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes parts in order, every one even when an earlier one fails: a failure is logged with the
 * part's name and, after the last part, the first is thrown with the others attached.
 */
final class Closer {
    private static final Logger LOG = Logger.getLogger(Closer.class.getName());

    /** One part to close and its name for the log. */
    record Part(String name, Runnable close) {}

    private Closer() {}

    static void closeAll(List<Part> parts) {
        List<RuntimeException> failed = new ArrayList<>();
        for (Part p : parts) {
            try {
                p.close().run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing " + p.name() + " failed", e);
                failed.add(e);
            }
        }
        if (!failed.isEmpty()) {
            RuntimeException first = failed.get(0);
            failed.subList(1, failed.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
