package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.Series;
import java.util.List;
import java.util.Set;

/**
 * Slurm's series that moved since the last cycle, as a balanced {@link ScrapeAccount} read them:
 * every status series of the nodes {@code nodes} (by their Slurm names, the values of their {@code
 * nodeLabel}) and the job series {@code jobsRead}, of which {@code nodesPresent} and {@code
 * jobsPresent} are in the last scrape. Every other Slurm series of the server is where it was, so
 * the last answer with these in place of the old is Slurm's answer now.
 */
record SlurmPatch(
        String nodeLabel,
        Set<String> nodes,
        List<Series> nodesPresent,
        List<Series> jobsRead,
        List<Series> jobsPresent) {}
