package io.rackscope.desktop.slurm;

/** What a Slurm node status means on the floor; INFO is neutral (e.g. idle when so configured). */
public enum SlurmState {
    OK,
    INFO,
    UNKNOWN,
    WARN,
    CRIT
}
