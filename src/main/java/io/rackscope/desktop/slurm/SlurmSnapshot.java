package io.rackscope.desktop.slurm;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slurm as of one cycle: nodes by topology instance, running jobs with their instances, the Slurm
 * names that map to no instance, and the error if the query failed (the previous nodes are then
 * kept).
 */
public record SlurmSnapshot(
        boolean enabled,
        Map<String, SlurmNode> nodes,
        Map<String, List<String>> jobs,
        List<String> unmapped,
        String error) {
    public static final SlurmSnapshot DISABLED =
            new SlurmSnapshot(false, Map.of(), Map.of(), List.of(), null);

    public SlurmSnapshot {
        nodes = Map.copyOf(nodes);
        jobs = Map.copyOf(jobs);
        unmapped = List.copyOf(unmapped);
    }

    /** The running jobs, the largest first (then by id). */
    public List<SlurmJob> runningJobs() {
        return jobs.entrySet().stream()
                .map(e -> new SlurmJob(e.getKey(), e.getValue()))
                .sorted(
                        Comparator.comparingInt((SlurmJob j) -> j.instances().size())
                                .reversed()
                                .thenComparing(SlurmJob::id))
                .toList();
    }

    public SlurmState state(String instance) {
        SlurmNode n = nodes.get(instance);
        return n == null ? SlurmState.UNKNOWN : n.state();
    }

    public Map<SlurmState, Integer> counts() {
        Map<SlurmState, Integer> out = new EnumMap<>(SlurmState.class);
        for (SlurmState s : SlurmState.values()) {
            out.put(s, 0);
        }
        nodes.values().forEach(n -> out.merge(n.state(), 1, Integer::sum));
        return out;
    }

    /** Per partition: how many nodes have each long status. */
    public Map<String, Map<String, Integer>> partitions() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (SlurmNode n : nodes.values()) {
            for (String p : n.partitions()) {
                out.computeIfAbsent(p, k -> new TreeMap<>()).merge(n.status(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Share of nodes allocated, mixed or completing, in percent. */
    public double utilisation() {
        if (nodes.isEmpty()) {
            return 0;
        }
        long busy =
                nodes.values().stream()
                        .filter(
                                n ->
                                        n.status().equals("allocated")
                                                || n.status().equals("mixed")
                                                || n.status().equals("completing"))
                        .count();
        return 100.0 * busy / nodes.size();
    }
}
