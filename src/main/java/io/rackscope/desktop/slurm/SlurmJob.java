package io.rackscope.desktop.slurm;

import java.util.List;

/** One running job and the topology instances it runs on. */
public record SlurmJob(String id, List<String> instances) {
    public SlurmJob {
        instances = List.copyOf(instances);
    }
}
