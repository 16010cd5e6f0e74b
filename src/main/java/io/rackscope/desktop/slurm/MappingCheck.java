package io.rackscope.desktop.slurm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a node mapping meets the Slurm nodes Prometheus knows and the topology's instances: how many
 * Slurm nodes become instances, which name instances the topology does not have, which entries do
 * not pair up, and how many instances no Slurm node names.
 */
public final class MappingCheck {
    /** What the check found. */
    public record Result(
            int slurmNodes,
            int placed,
            List<String> notPlaced,
            List<String> problems,
            int instancesWithoutSlurm) {
        public Result {
            notPlaced = List.copyOf(notPlaced);
            problems = List.copyOf(problems);
        }

        /** One sentence a finding, a few names of each. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(
                    String.format(
                            "%,d Slurm nodes: %,d are nodes of the topology, %,d are not%s",
                            slurmNodes,
                            placed,
                            notPlaced.size(),
                            notPlaced.isEmpty()
                                    ? "."
                                    : " ("
                                            + String.join(
                                                    ", ",
                                                    notPlaced.subList(
                                                            0, Math.min(8, notPlaced.size())))
                                            + (notPlaced.size() > 8 ? ", …" : "")
                                            + ")."));
            problems.forEach(p -> out.add("Entry: " + p));
            out.add(
                    String.format(
                            "%,d nodes of the topology have no Slurm node (switches, PDUs, nodes"
                                    + " outside Slurm).",
                            instancesWithoutSlurm));
            return out;
        }
    }

    private MappingCheck() {}

    /**
     * {@code entries} (Slurm pattern to instance pattern, in order) applied to {@code slurmNodes}
     * against the topology's {@code instances}.
     */
    public static Result check(
            Map<String, String> entries,
            Collection<String> slurmNodes,
            Collection<String> instances) {
        NodeMapping mapping = new NodeMapping();
        List<String> problems = new ArrayList<>();
        entries.forEach(
                (from, to) -> {
                    String p = mapping.add(from, to);
                    if (p != null) {
                        problems.add(p);
                    }
                });
        Set<String> known = new HashSet<>(instances);
        Set<String> named = new HashSet<>();
        List<String> notPlaced = new ArrayList<>();
        for (String n : slurmNodes.stream().sorted().toList()) {
            String instance = mapping.instanceOf(n);
            if (known.contains(instance)) {
                named.add(instance);
            } else {
                notPlaced.add(n + " → " + instance);
            }
        }
        return new Result(
                slurmNodes.size(),
                slurmNodes.size() - notPlaced.size(),
                notPlaced,
                problems,
                known.size() - named.size());
    }
}
