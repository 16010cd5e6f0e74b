package io.rackscope.desktop.telemetry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every target's scrape figures, by target: on a change they name the targets whose count of
 * samples kept moved since the last cycle or that added series. While no target went away or came,
 * the series of the others are where they were, and the probes of entities that are targets of
 * their own ask only of those that changed.
 *
 * <p>Each target's count is read as it is now and compared here with the last cycle's: one read of
 * the counts tells which moved and which targets there are. A count that moved and came back
 * between two cycles had a series vanish and one come (or come back, which Prometheus counts as
 * added again, as after a failed scrape): the series added since one scrape before the last cycle
 * name that target.
 */
final class TargetScrapes extends ScrapeChanges {
    // each target's samples kept at the last cycle, by instance label; null when not known
    private Map<String, Double> counts;
    // by target serving many: the last scrape a cycle before this one saw (epoch ms), whose moves
    // it showed already
    private final Map<String, Long> scrapesSeen = new HashMap<>();

    /** Every target of the server. */
    TargetScrapes(int scrapeIntervalSeconds) {
        super(scrapeIntervalSeconds, "", "");
    }

    @Override
    List<Part> parts(long sinceMillis, String of) {
        // the series themselves, marked here: summing them by instance, or marking them in the
        // query, costs Prometheus more than sending them; and the two figures as two queries, not
        // one with "or", which matches every series of one side against the other (measured, a
        // target per node of hpc-cluster: 51 ms of engine time as one, 36 ms as two)
        Part now = new Part(SAMPLES + of, "count");
        if (sinceMillis < 0) {
            return List.of(now);
        }
        // from one scrape before the last cycle: a scrape that ran while it was asked, written
        // after, is counted, never missed; not aggregated by instance either (a target per node of
        // hpc-cluster: 4.4 ms of engine time against 5.3 ms with "max by (instance)")
        String window = "[" + Math.floorDiv(sinceMillis + marginMillis + 999, 1000) + "s]";
        return List.of(
                new Part("sum_over_time(scrape_series_added" + of + window + ") > 0", "target"),
                now);
    }

    /**
     * A target counts as known to be unchanged only while the targets of the last cycle are all
     * still there, and no other: the series of one that went away vanish without any figure of its
     * own saying so.
     */
    @Override
    Seen judge(Figures f, boolean known) {
        if (!known) {
            // a step back in time: what a later cycle saw is no bound for this one
            scrapesSeen.clear();
        }
        Map<String, Double> before = counts;
        counts = f.counts() == null || f.anonymous() ? null : Map.copyOf(f.counts());
        if (!known
                || before == null
                || counts == null
                || !before.keySet().equals(counts.keySet())) {
            return Seen.NOTHING;
        }
        Set<String> changed = new TreeSet<>(f.changed());
        if (!counts.keySet().containsAll(changed)) {
            // a target that added series without a count: one new since the counts were read
            return Seen.NOTHING;
        }
        counts.forEach(
                (instance, count) -> {
                    if (!count.equals(before.get(instance))) {
                        changed.add(instance);
                    }
                });
        // unchanged or not, the targets go with it: only a target's own up is vouched for
        return new Seen(changed.isEmpty(), Set.copyOf(changed), counts.keySet());
    }

    @Override
    void forget() {
        counts = null;
        scrapesSeen.clear();
    }

    /** The targets of the last figures read; none when not known. */
    synchronized Set<String> targets() {
        return counts == null ? Set.of() : counts.keySet();
    }

    /**
     * The last scrape of {@code target} a cycle before this one saw (epoch ms), MIN_VALUE when not
     * known: an older one than it saw is always safe (more scrapes are counted), a later never.
     */
    synchronized long scrapeSeen(String target) {
        return scrapesSeen.getOrDefault(target, Long.MIN_VALUE);
    }

    /** This cycle saw {@code target}'s scrapes up to {@code millis} (MIN_VALUE: none). */
    synchronized void sawScrape(String target, long millis) {
        if (millis != Long.MIN_VALUE) {
            scrapesSeen.put(target, millis);
        }
    }
}
