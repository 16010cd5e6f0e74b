package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * For a planner looking back, one {@code for:} check's series that failed at a grid moment D, with
 * every grid point from the first of D's window up to a later moment: a series held at any moment M
 * from D to that later one failed at D (D lies in M's window), so one failing read at D and one
 * range read serve every such moment, scrubbed back or forth, and no moment in it asks anything
 * more of the check.
 */
record PastWindow(
        long discoveredAt, long from, long to, Set<String> entities, List<Series> points) {
    PastWindow {
        entities = Set.copyOf(entities);
        points = List.copyOf(points);
    }

    boolean serves(long t) {
        return t >= discoveredAt && t <= to;
    }

    /** The points up to {@code t}, as a range query ending there would have answered. */
    List<Series> until(long t) {
        List<Series> out = new ArrayList<>();
        for (Series s : points) {
            double[] ts = s.timestamps();
            int n = 0;
            while (n < ts.length && Math.round(ts[n]) <= t) {
                n++;
            }
            if (n > 0) {
                out.add(new Series(s.labels(), Arrays.copyOf(ts, n), Arrays.copyOf(s.values(), n)));
            }
        }
        return out;
    }
}
