package io.rackscope.desktop.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlurmSnapshotTest {
    @Test
    void runningJobsAreTypedTheLargestFirstThenById() {
        SlurmSnapshot s =
                new SlurmSnapshot(
                        true,
                        Map.of(),
                        Map.of("7", List.of("n1"), "42", List.of("n1", "n2"), "5", List.of("n3")),
                        List.of(),
                        null);
        assertEquals(
                List.of(
                        new SlurmJob("42", List.of("n1", "n2")),
                        new SlurmJob("5", List.of("n3")),
                        new SlurmJob("7", List.of("n1"))),
                s.runningJobs());
    }
}
