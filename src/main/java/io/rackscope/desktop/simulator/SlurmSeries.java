package io.rackscope.desktop.simulator;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.slurm.SlurmSettings;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.topology.Rack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Slurm exporter would say about the simulated cluster: one status series per node (most
 * allocated or mixed, some idle, the partition from the device template's role), one series per
 * node of each running job, and the scenario's Slurm events (drain, down, a large job). Nodes the
 * health scenario takes down are down* here too.
 */
final class SlurmSeries {
    /** A mapped node: its Slurm name, instance and partition. */
    private record Node(String name, String instance, String partition) {}

    private final SlurmSettings settings;
    private final List<Node> nodes = new ArrayList<>();
    private final long seed;

    SlurmSeries(RackscopeConfig cfg, long seed) {
        this.settings = cfg.slurm();
        this.seed = seed;
        if (!settings.enabled()) {
            return;
        }
        Map<String, String> names = settings.mapping().byInstance();
        for (Rack rack : cfg.topology().racks()) {
            for (Device d : rack.devices()) {
                DeviceTemplate t = cfg.templates().device(d.templateId()).orElse(null);
                String partition =
                        t == null || t.role() == null || t.role().isEmpty() ? "batch" : t.role();
                for (InstanceSlot s : d.instances()) {
                    String name = names.get(s.instanceId());
                    if (name != null || names.isEmpty() && settings.roles().contains(partition)) {
                        nodes.add(
                                new Node(
                                        name == null ? s.instanceId() : name,
                                        s.instanceId(),
                                        partition));
                    }
                }
            }
        }
    }

    /**
     * Appends the series at offset {@code offset} (seconds since the simulator started); {@code
     * down} tells which instances the health scenario has down, {@code events} the Slurm events
     * active then.
     */
    void append(
            StringBuilder out,
            Set<String> down,
            Map<String, String> forced,
            Map<String, Set<String>> bigJobs,
            long hour) {
        if (nodes.isEmpty()) {
            return;
        }
        out.append("# TYPE ").append(settings.metric()).append(" gauge\n");
        Map<String, List<String>> jobs = new LinkedHashMap<>();
        int jobNo = 0;
        int inJob = 0;
        for (Node n : nodes) {
            String status;
            if (down.contains(n.instance())) {
                status = "down*";
            } else if (forced.containsKey(n.instance())) {
                status = forced.get(n.instance());
            } else {
                long h = mix(seed * 31 + n.name().hashCode() * 17L + hour);
                int r = (int) Math.floorMod(h, 100);
                status = r < 62 ? "allocated" : r < 80 ? "mixed" : "idle";
            }
            out.append(settings.metric())
                    .append('{')
                    .append(settings.labelNode())
                    .append("=\"")
                    .append(n.name())
                    .append("\",")
                    .append(settings.labelStatus())
                    .append("=\"")
                    .append(status)
                    .append("\",")
                    .append(settings.labelPartition())
                    .append("=\"")
                    .append(n.partition())
                    .append("\"} 1\n");
            if (status.equals("allocated") || status.equals("mixed")) {
                if (inJob == 0) {
                    jobNo++;
                    inJob = 1 + (int) Math.floorMod(mix(seed + jobNo * 7919L + hour), 16);
                }
                jobs.computeIfAbsent(
                                Long.toString(100_000 + hour * 1000 + jobNo),
                                k -> new ArrayList<>())
                        .add(n.name());
                inJob--;
            }
        }
        Map<String, String> nameOf = new LinkedHashMap<>();
        nodes.forEach(n -> nameOf.put(n.instance(), n.name()));
        bigJobs.forEach(
                (id, instances) ->
                        instances.stream()
                                .map(nameOf::get)
                                .filter(x -> x != null)
                                .forEach(
                                        name ->
                                                jobs.computeIfAbsent(id, k -> new ArrayList<>())
                                                        .add(name)));
        out.append("# TYPE ").append(settings.jobMetric()).append(" gauge\n");
        jobs.forEach(
                (id, names) ->
                        names.forEach(
                                name ->
                                        out.append(settings.jobMetric())
                                                .append('{')
                                                .append(settings.jobLabel())
                                                .append("=\"")
                                                .append(id)
                                                .append("\",")
                                                .append(settings.jobNodeLabel())
                                                .append("=\"")
                                                .append(name)
                                                .append("\"} 1\n")));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
