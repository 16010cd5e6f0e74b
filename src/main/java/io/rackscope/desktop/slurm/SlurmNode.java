package io.rackscope.desktop.slurm;

import java.util.Set;

/**
 * One Slurm node as the last cycle saw it: its Slurm name, the raw and long status, state and
 * partitions.
 */
public record SlurmNode(
        String name,
        String instance,
        String rawStatus,
        String status,
        SlurmState state,
        Set<String> partitions) {
    public SlurmNode {
        partitions = Set.copyOf(partitions);
    }
}
