package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The health of the whole estate after one planner cycle. Immutable; {@code version} grows by one
 * per cycle. Rooms and aisles are keyed {@code site/room} and {@code site/room/aisle} because their
 * ids repeat. {@code staleSince} maps each entity whose data could not be refreshed to the time of
 * its last good data; {@code slurm} is the scheduler's view of the nodes when the Slurm plugin is
 * enabled.
 */
public record HealthSnapshot(
        long version,
        Instant takenAt,
        Duration cycleTime,
        Map<String, Severity> nodes,
        Map<String, Severity> devices,
        Map<String, Severity> racks,
        Map<String, Severity> aisles,
        Map<String, Severity> rooms,
        Map<String, Severity> sites,
        Map<String, CheckOutcome> checks,
        List<Alert> alerts,
        Map<String, Instant> staleSince,
        List<String> errors,
        Map<String, Object> stats,
        SlurmSnapshot slurm) {

    public static HealthSnapshot empty() {
        return new HealthSnapshot(
                0,
                Instant.EPOCH,
                Duration.ZERO,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                Map.of(),
                List.of(),
                Map.of(),
                SlurmSnapshot.DISABLED);
    }

    public Severity node(String id) {
        return nodes.getOrDefault(id, Severity.UNKNOWN);
    }

    public Severity rack(String id) {
        return racks.getOrDefault(id, Severity.UNKNOWN);
    }

    public boolean isStale(String entity) {
        return staleSince.containsKey(entity);
    }

    public Set<String> staleEntities() {
        return staleSince.keySet();
    }
}
