package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlurmReuseTest {
    static final SlurmSnapshot MADE = new SlurmSnapshot(true, Map.of(), Map.of(), List.of(), null);

    static Series status(String node, String status, double value) {
        return new Series(
                Map.of("node", node, "status", status), new double[] {0}, new double[] {value});
    }

    @Test
    void theLastAnswerStandsOnlyWhileTheScrapesStoodStillAndForFiveMinutesAtMost() {
        SlurmReuse reuse = new SlurmReuse();
        assertNull(reuse.standing(true, 1_000), "nothing read yet");
        reuse.read(
                List.of(status("c1", "idle", 1), status("c2", "down", 1)), List.of(), 1_000, MADE);
        assertSame(MADE, reuse.standing(true, 31_000));
        assertNull(reuse.standing(false, 31_000), "a scrape changed: asked again");
        assertNull(
                reuse.standing(true, 1_000 + SlurmReuse.FULL_READ_MILLIS),
                "read in full every five minutes");
        assertNull(reuse.standing(true, 999), "a moment before the answer");
    }

    @Test
    void anExporterThatSaysAStatusWithAZeroIsAlwaysAskedAgain() {
        SlurmReuse reuse = new SlurmReuse();
        reuse.read(
                List.of(status("c1", "idle", 1), status("c1", "down", 0)), List.of(), 1_000, MADE);
        assertNull(reuse.standing(true, 31_000), "a 0 can become 1 without any series changing");
    }

    static Series job(String id, String node) {
        return new Series(Map.of("job_id", id, "node", node), new double[] {0}, new double[] {1});
    }

    /** What the patched answer is made of, as "node status" and "job@node" lines. */
    static SlurmSnapshot made(List<Series> nodes, List<Series> jobs, List<List<String>> seen) {
        List<String> lines = new java.util.ArrayList<>();
        nodes.forEach(s -> lines.add(s.label("node") + " " + s.label("status")));
        jobs.forEach(s -> lines.add(s.label("job_id") + "@" + s.label("node")));
        seen.add(lines.stream().sorted().toList());
        return MADE;
    }

    @Test
    void aPatchReplacesTheSeriesItReadAndKeepsEveryOther() {
        SlurmReuse reuse = new SlurmReuse();
        reuse.read(
                List.of(status("c1", "idle", 1), status("c2", "allocated", 1)),
                List.of(job("7", "c2"), job("8", "c1")),
                1_000,
                MADE);
        List<List<String>> seen = new java.util.ArrayList<>();
        // c2 went down, job 7 ended and job 9 began; job 8 was read too, still there
        SlurmPatch patch =
                new SlurmPatch(
                        "node",
                        java.util.Set.of("c2"),
                        List.of(status("c2", "down", 1)),
                        List.of(job("7", "c2"), job("8", "c1"), job("9", "c1")),
                        List.of(job("8", "c1"), job("9", "c1")));
        assertSame(MADE, reuse.patched(patch, 31_000, (n, j) -> made(n, j, seen)));
        assertEquals(List.of(List.of("8@c1", "9@c1", "c1 idle", "c2 down")), seen);
        assertSame(MADE, reuse.standing(true, 61_000), "the patched answer stands in turn");
        assertNull(
                reuse.patched(patch, 1_000 + SlurmReuse.FULL_READ_MILLIS, (n, j) -> MADE),
                "read in full every five minutes, patched or not");
    }

    @Test
    void aPatchWithAZeroOrWithNothingToPatchIsNotApplied() {
        SlurmReuse reuse = new SlurmReuse();
        SlurmPatch zero =
                new SlurmPatch(
                        "node",
                        java.util.Set.of("c1"),
                        List.of(status("c1", "down", 0)),
                        List.of(),
                        List.of());
        assertNull(reuse.patched(zero, 31_000, (n, j) -> MADE), "nothing read to patch");
        reuse.read(List.of(status("c1", "idle", 1)), List.of(), 1_000, MADE);
        assertNull(reuse.patched(zero, 31_000, (n, j) -> MADE));
    }

    @Test
    void anUnreadCycleMakesTheNextReadInFull() {
        SlurmReuse reuse = new SlurmReuse();
        reuse.read(List.of(status("c1", "idle", 1)), List.of(), 1_000, MADE);
        reuse.unknown();
        assertNull(reuse.standing(true, 31_000));
    }

    @Test
    void theTargetsAreThoseTheSeriesNameOrNoneWhenOneNamesNone() {
        io.rackscope.desktop.prometheus.Series a =
                new io.rackscope.desktop.prometheus.Series(
                        java.util.Map.of("job", "slurm", "instance", "ctl:9341", "node", "n1"),
                        new double[] {0},
                        new double[] {1});
        io.rackscope.desktop.prometheus.Series b =
                new io.rackscope.desktop.prometheus.Series(
                        java.util.Map.of("job", "slurm", "instance", "ctl2:9341", "node", "n2"),
                        new double[] {0},
                        new double[] {1});
        assertEquals(
                "job=~\"slurm\", instance=~\"ctl2:9341|ctl:9341\"",
                SlurmReuse.targets(java.util.List.of(a, b)));
        io.rackscope.desktop.prometheus.Series relabelled =
                new io.rackscope.desktop.prometheus.Series(
                        java.util.Map.of("node", "n3"), new double[] {0}, new double[] {1});
        assertEquals("", SlurmReuse.targets(java.util.List.of(a, relabelled)));
        assertEquals("", SlurmReuse.targets(java.util.List.of()));
    }
}
