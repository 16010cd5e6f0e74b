package io.rackscope.desktop.slurm;

import java.util.List;
import java.util.Map;

/**
 * The Slurm plugin's settings: {@code plugins.slurm.enabled} in app.yaml and {@code
 * plugins/slurm/config.yml}. {@code jobMetric} has one series per running job and node ({@code
 * jobLabel}, {@code jobNodeLabel}); {@code jobsPlaceholder} makes {@code $jobs} in checks stand for
 * those job ids instead of {@code job_regex}.
 */
public record SlurmSettings(
        boolean enabled,
        String metric,
        String labelNode,
        String labelStatus,
        String labelPartition,
        Map<String, List<String>> statusMap,
        List<String> roles,
        NodeMapping mapping,
        String jobMetric,
        String jobLabel,
        String jobNodeLabel,
        boolean jobsPlaceholder) {
    public static final Map<String, List<String>> DEFAULT_STATUS_MAP =
            Map.of(
                    "crit",
                            List.of(
                                    "down", "fail", "failing", "error", "unknown", "noresp",
                                    "invalid"),
                    "warn",
                            List.of(
                                    "drain",
                                    "drained",
                                    "draining",
                                    "maint",
                                    "reserved",
                                    "blocked",
                                    "power_down",
                                    "powered_down"),
                    "ok", List.of("allocated", "completing", "mixed"),
                    "info", List.of("idle"));

    public static final SlurmSettings DISABLED =
            new SlurmSettings(
                    false,
                    "slurm_node_status",
                    "node",
                    "status",
                    "partition",
                    DEFAULT_STATUS_MAP,
                    List.of(),
                    new NodeMapping(),
                    "slurm_job_nodes",
                    "job_id",
                    "node",
                    false);
}
