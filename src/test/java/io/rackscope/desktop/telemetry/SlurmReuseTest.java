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
        reuse.read(List.of(status("c1", "idle", 1), status("c2", "down", 1)), 1_000, MADE);
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
        reuse.read(List.of(status("c1", "idle", 1), status("c1", "down", 0)), 1_000, MADE);
        assertNull(reuse.standing(true, 31_000), "a 0 can become 1 without any series changing");
    }

    @Test
    void anUnreadCycleMakesTheNextReadInFull() {
        SlurmReuse reuse = new SlurmReuse();
        reuse.read(List.of(status("c1", "idle", 1)), 1_000, MADE);
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
