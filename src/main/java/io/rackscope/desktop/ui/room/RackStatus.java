package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.Tone;

/**
 * What a rack tile shows: its health, the colour drawn (health, a metric band or the Slurm state),
 * the count label, whether its data is stale, and whether it holds nodes of the selected Slurm job.
 */
public record RackStatus(
        Severity severity,
        Tone tone,
        int crit,
        int warn,
        boolean stale,
        String label,
        boolean inJob) {
    static final RackStatus UNKNOWN =
            new RackStatus(Severity.UNKNOWN, Tone.UNKNOWN, 0, 0, false, "", false);
}
