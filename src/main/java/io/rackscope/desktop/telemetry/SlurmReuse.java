package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.util.List;

/**
 * When Slurm's last answer still stands without asking again. Slurm's series say everything in
 * their labels (a node's status, a job's nodes): while the scrape figures vouch that no scraped
 * series vanished or appeared since the last cycle ({@link ScrapeChanges}), and every status series
 * of the last answer was 1 (an exporter that shows a new status as a new series, not by setting an
 * old one to 0), the answer is the same and its two queries, which read every node's series, are
 * not sent. It is read in full again at least every {@link #FULL_READ_MILLIS}, and whenever
 * anything is in doubt: a change, a failure, a first cycle, a status series of 0.
 */
final class SlurmReuse {
    static final long FULL_READ_MILLIS = 5 * 60_000L;
    private static final long NEVER = Long.MIN_VALUE;

    private long readAt = NEVER;
    private boolean onesOnly;
    private SlurmSnapshot kept;

    /**
     * The answer read last, if it stands at {@code now} (a live cycle whose scrapes were vouched
     * unchanged or not); else null, and Slurm is asked.
     */
    synchronized SlurmSnapshot standing(boolean scrapesUnchanged, long now) {
        boolean stands =
                scrapesUnchanged
                        && onesOnly
                        && readAt != NEVER
                        && now >= readAt
                        && now - readAt < FULL_READ_MILLIS;
        return stands ? kept : null;
    }

    /** A full answer read at {@code at}: its node status series and what was made of them. */
    synchronized void read(List<Series> nodes, long at, SlurmSnapshot made) {
        readAt = at;
        onesOnly = nodes.stream().allMatch(s -> s.value() == 1);
        kept = made;
    }

    /** Not read in full this cycle (an error, a past moment): the next one reads in full. */
    synchronized void unknown() {
        readAt = NEVER;
        kept = null;
    }
}
