package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.checks.Severity;

/** What a rack tile shows: the worst state, how many nodes are CRIT and WARN, and whether the data is stale. */
public record RackStatus(Severity severity, int crit, int warn, boolean stale, String label) {
    static final RackStatus UNKNOWN = new RackStatus(Severity.UNKNOWN, 0, 0, false, "");
}
