package io.rackscope.desktop.slurm;

import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the answers to the two Slurm queries of a cycle (node status, running jobs — each one query
 * for the whole cluster) into a {@link SlurmSnapshot}, mapping Slurm node names to topology
 * instances.
 */
public final class SlurmService {
    private final SlurmSettings settings;
    private final SlurmStatus status;
    private final Topology topology;

    public SlurmService(SlurmSettings settings, Topology topology) {
        this.settings = settings;
        this.status = new SlurmStatus(settings.statusMap());
        this.topology = topology;
    }

    public String nodeQuery() {
        return settings.metric();
    }

    public String jobQuery() {
        return settings.jobMetric();
    }

    public SlurmSnapshot read(QueryResult nodes, QueryResult jobs) {
        Map<String, String> statusOf = new HashMap<>();
        Map<String, Set<String>> partitions = new HashMap<>();
        for (Series s : nodes.series()) {
            String node = s.label(settings.labelNode());
            String st = s.label(settings.labelStatus());
            if (node == null || st == null || s.value() == 0) {
                continue; // a 0-valued status series is a state the node is not in (one series per
                // state exporters)
            }
            statusOf.merge(
                    node,
                    st,
                    (a, b) -> status.classify(a).compareTo(status.classify(b)) >= 0 ? a : b);
            String p = s.label(settings.labelPartition());
            if (p != null) {
                partitions.computeIfAbsent(node, k -> new TreeSet<>()).add(p);
            }
        }
        Map<String, SlurmNode> byInstance = new HashMap<>();
        List<String> unmapped = new ArrayList<>();
        statusOf.forEach(
                (node, raw) -> {
                    String instance = settings.mapping().instanceOf(node);
                    if (topology.instance(instance).isEmpty()) {
                        unmapped.add(node);
                        return;
                    }
                    byInstance.put(
                            instance,
                            new SlurmNode(
                                    node,
                                    instance,
                                    raw,
                                    SlurmStatus.normalize(raw),
                                    status.classify(raw),
                                    partitions.getOrDefault(node, Set.of())));
                });
        Map<String, List<String>> jobMap = new TreeMap<>();
        if (jobs != null) {
            for (Series s : jobs.series()) {
                String job = s.label(settings.jobLabel());
                String node = s.label(settings.jobNodeLabel());
                if (job != null && node != null) {
                    jobMap.computeIfAbsent(job, k -> new ArrayList<>())
                            .add(settings.mapping().instanceOf(node));
                }
            }
        }
        // in one order however the series came (a patched answer has them in another)
        jobMap.values().forEach(l -> l.sort(null));
        unmapped.sort(null);
        return new SlurmSnapshot(true, byInstance, jobMap, unmapped, null);
    }

    /** The previous nodes kept when this cycle's Slurm query failed, with the error. */
    public static SlurmSnapshot failed(SlurmSnapshot previous, String error) {
        return new SlurmSnapshot(
                true, previous.nodes(), previous.jobs(), previous.unmapped(), error);
    }
}
