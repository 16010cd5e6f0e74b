package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.slurm.SlurmState;

/**
 * A Slurm node problem (down, drained, not responding, as the status map judges it) listed as an
 * alert of its own source: Slurm says what state a node is in, not since when, so there is no start
 * time.
 */
public record SlurmAlert(
        SlurmState state,
        String node,
        String instance,
        String status,
        String partitions,
        String rack,
        String room,
        String site) {}
