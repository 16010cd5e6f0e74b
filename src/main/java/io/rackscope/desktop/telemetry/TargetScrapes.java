package io.rackscope.desktop.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every target's scrape figures, by target: on a change they name the targets whose samples kept
 * moved or that added series. While no target went away, the series of the others are where they
 * were, and the probes of entities that are targets of their own ask only of those that changed.
 */
final class TargetScrapes extends ScrapeChanges {
    private double lastTargetCount = Double.NaN;
    // the instance labels of the server's targets, read again when their count moves
    private Set<String> targets;
    private boolean targetsStale = true;

    /** Every target of the server. */
    TargetScrapes(int scrapeIntervalSeconds) {
        super(scrapeIntervalSeconds, "", "");
    }

    @Override
    String query(long sinceMillis, String of) {
        String samples = SAMPLES + of;
        List<String> parts = new ArrayList<>();
        if (sinceMillis >= 0) {
            // each part reads every target's series once (what costs Prometheus most here): from
            // one scrape before the last cycle (a scrape that ran while it was asked, written
            // after, is counted, never missed), and one more so that a change at the window's
            // first sample has the sample before it
            String window = "[" + Math.floorDiv(sinceMillis + 2 * marginMillis + 999, 1000) + "s]";
            parts.add(
                    tagged("max by (instance) (changes(" + samples + window + ") > 0)", "target"));
            parts.add(
                    tagged(
                            "max by (instance) (sum_over_time(scrape_series_added"
                                    + of
                                    + window
                                    + ") > 0)",
                            "target"));
        }
        // the targets themselves when not known (they also count them), else their count
        parts.add(
                targetsStale
                        ? tagged("group by (instance) (" + samples + ")", "instance")
                        : tagged("count(group by (instance) (" + samples + "))", "targets"));
        return String.join(" or ", parts);
    }

    /**
     * A target counts as known to be unchanged only while the targets of one scrape before the last
     * cycle are all still there: the series of one that went away vanish without any figure of its
     * own saying so.
     */
    @Override
    Seen judge(Figures f, boolean known) {
        Set<String> knownTargets = targets;
        double targetCount = f.targetCount();
        if (f.instancesAnswered()) {
            targets = Set.copyOf(f.instances());
            targetCount = f.instances().size();
        }
        double before = lastTargetCount;
        lastTargetCount = targetCount;
        targetsStale =
                targets == null
                        || targetCount != targets.size()
                        || !targets.containsAll(f.changed())
                        || f.anonymous();
        // the targets known before this cycle, all still there: as many as then and at the last
        // cycle, and none changed that they do not name (a target that went away took its series
        // without a figure of its own saying so; one new in its place added series)
        boolean current =
                known
                        && knownTargets != null
                        && !f.instancesAnswered()
                        && !targetsStale
                        && targetCount == before;
        if (!current) {
            return Seen.NOTHING;
        }
        return f.changed().isEmpty()
                ? Seen.SAME
                : new Seen(false, Set.copyOf(f.changed()), targets);
    }

    @Override
    void forget() {
        lastTargetCount = Double.NaN;
        targetsStale = true;
    }
}
