package io.rackscope.desktop.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionStatusTest {
    @Test
    void aCycleThatAskedNothingDoesNotSayTheServerIsReachable() {
        HealthSnapshot askedNothing =
                new HealthSnapshot(
                        3,
                        Instant.parse("2026-12-05T06:00:00Z"),
                        Duration.ZERO,
                        HealthSnapshot.Levels.NONE,
                        new HealthSnapshot.Findings(
                                Map.of(), List.of(), Map.of(), List.of(), CycleStats.NONE),
                        SlurmSnapshot.DISABLED,
                        HealthSnapshot.Tracking.NONE);
        assertEquals(
                "Prometheus not asked (no check to evaluate)",
                ConnectionStatus.of(askedNothing).headline());
        // the wallboard's tile says it too, not "reachable"
        assertEquals(
                "Prometheus not asked (no check to evaluate)",
                ConnectionStatus.of(askedNothing).shortText());
        assertEquals("reachable", ConnectionStatus.REACHABLE.shortText());
    }
}
