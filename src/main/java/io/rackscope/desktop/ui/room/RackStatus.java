package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.HandledLook;
import io.rackscope.desktop.ui.Tone;

/**
 * What a rack tile shows: its health, the colour drawn (health, a metric band or the Slurm state),
 * the count label, whether its data is stale, whether it holds nodes of the selected Slurm job, and
 * and, when every one of its alerts is acknowledged or under maintenance, how (drawn hatched over
 * its true colour, a different pattern for each, see {@link HandledLook}); and when the soonest
 * forecast in it says a threshold will be crossed: how soon ({@code eta}, as a tile's chip reads)
 * and into which severity.
 */
public record RackStatus(
        Severity severity,
        Tone tone,
        int crit,
        int warn,
        boolean stale,
        String label,
        boolean inJob,
        HandledLook look,
        String eta,
        Severity heading) {
    static final RackStatus UNKNOWN =
            new RackStatus(Severity.UNKNOWN, Tone.UNKNOWN, 0, 0, false, "", false);

    /**
     * Whether a forecast's chip is drawn on the tile ({@code eta}, in {@code heading}'s colour).
     */
    public boolean forecast() {
        return !eta.isEmpty();
    }

    /** Whether every alert of the rack is acknowledged or under maintenance. */
    public boolean handled() {
        return look != HandledLook.NONE;
    }

    /** A status nobody handles (a metric band, a tried check, Slurm). */
    RackStatus(
            Severity severity,
            Tone tone,
            int crit,
            int warn,
            boolean stale,
            String label,
            boolean inJob) {
        this(severity, tone, crit, warn, stale, label, inJob, HandledLook.NONE, "", Severity.OK);
    }
}
