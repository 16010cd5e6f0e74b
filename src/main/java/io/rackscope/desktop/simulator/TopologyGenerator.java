package io.rackscope.desktop.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a valid segmented configuration of a given size for scale tests and benchmarks: sites of
 * rooms of aisles of racks, each rack twenty 2U quad chassis (80 nodes) with a 1U server topping up
 * the remainder, plus a small check and metric library that uses every placeholder.
 */
public final class TopologyGenerator {
    public static final int NODES_PER_QUAD = 4;
    static final int QUADS_PER_RACK = 20;
    static final int RACKS_PER_AISLE = 10;
    static final int AISLES_PER_ROOM = 5;

    private final int nodes;
    private final int sites;
    private final int aislesPerRoom;
    private boolean typical;
    private boolean reuseIds;

    public TopologyGenerator(int nodes, int sites) {
        this(nodes, sites, AISLES_PER_ROOM);
    }

    /**
     * The check library of a typical estate instead of the four basic checks: node reachability
     * every cycle, and temperature, power, IPMI state, PSUs and rack power each with the {@code
     * for:} duration a real library gives them (as the Rackscope HPC example does).
     */
    public TopologyGenerator typicalChecks() {
        this.typical = true;
        return this;
    }

    /**
     * Rack and device ids without the site in them, so that every site reuses them (as estates
     * copied from one site's files do); node ids stay unique.
     */
    public TopologyGenerator reuseIds() {
        this.reuseIds = true;
        return this;
    }

    /**
     * {@code aislesPerRoom} of ten racks each: 50 gives the 500-rack rooms the UI benchmark draws.
     */
    public TopologyGenerator(int nodes, int sites, int aislesPerRoom) {
        if (nodes < 1 || sites < 1 || sites > nodes) {
            throw new IllegalArgumentException(
                    "need at least one node per site and at least one site");
        }
        this.nodes = nodes;
        this.sites = sites;
        this.aislesPerRoom = aislesPerRoom;
    }

    public void write(Path out) {
        try {
            Files.createDirectories(out);
            write(out.resolve("app.yaml"), APP);
            write(
                    out.resolve("templates/generated.yaml"),
                    typical
                            ? TEMPLATES.replace(
                                    "[node_up, node_temperature",
                                    "[node_up, node_temperature, node_power, ipmi_temperature")
                            : TEMPLATES);
            write(out.resolve("checks/library/generated.yaml"), typical ? TYPICAL_CHECKS : CHECKS);
            write(out.resolve("metrics/library/generated.yaml"), METRICS);
            StringBuilder sitesYaml = new StringBuilder("sites:\n");
            int nodeNo = 1;
            for (int s = 0; s < sites; s++) {
                int siteNodes = nodes / sites + (s < nodes % sites ? 1 : 0);
                String site = String.format(Locale.ROOT, "site%02d", s + 1);
                sitesYaml
                        .append("  - id: ")
                        .append(site)
                        .append("\n    name: Generated site ")
                        .append(s + 1)
                        .append("\n    location: {lat: ")
                        .append(40 + s % 20)
                        .append(", lon: ")
                        .append(-100 + 15 * (s % 12))
                        .append("}\n");
                nodeNo =
                        writeSite(
                                out.resolve("topology/datacenters").resolve(site),
                                site,
                                siteNodes,
                                nodeNo);
            }
            write(out.resolve("topology/sites.yaml"), sitesYaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int writeSite(Path dir, String site, int siteNodes, int firstNode) throws IOException {
        int nodesPerRack = QUADS_PER_RACK * NODES_PER_QUAD;
        int racks = (siteNodes + nodesPerRack - 1) / nodesPerRack;
        int racksPerRoom = RACKS_PER_AISLE * aislesPerRoom;
        int nodeNo = firstNode;
        int remaining = siteNodes;
        for (int room = 0; room * racksPerRoom < racks; room++) {
            String roomId = String.format(Locale.ROOT, "room%02d", room + 1);
            Path roomDir = dir.resolve("rooms").resolve(roomId);
            int roomRacks = Math.min(racksPerRoom, racks - room * racksPerRoom);
            int aisles = (roomRacks + RACKS_PER_AISLE - 1) / RACKS_PER_AISLE;
            StringBuilder roomYaml =
                    new StringBuilder(
                            "id: "
                                    + roomId
                                    + "\nname: Room "
                                    + (room + 1)
                                    + "\nlayout:\n  size: {width: "
                                    + (RACKS_PER_AISLE * 2 + 6)
                                    + ", height: "
                                    + (aisles * 4 + 4)
                                    + "}\n  door: {side: south, label: Entrance}\naisles:\n");
            for (int a = 0; a < aisles; a++) {
                String aisleId = String.format(Locale.ROOT, "aisle%02d", a + 1);
                roomYaml.append("  - {id: ")
                        .append(aisleId)
                        .append(", name: Aisle ")
                        .append(a + 1)
                        .append("}\n");
                StringBuilder aisleYaml =
                        new StringBuilder(
                                "id: " + aisleId + "\nname: Aisle " + (a + 1) + "\nracks:\n");
                Path aisleDir = roomDir.resolve("aisles").resolve(aisleId);
                for (int r = 0; r < RACKS_PER_AISLE && a * RACKS_PER_AISLE + r < roomRacks; r++) {
                    String rackId =
                            reuseIds
                                    ? String.format(
                                            Locale.ROOT, "%s-%s-r%02d", roomId, aisleId, r + 1)
                                    : String.format(
                                            Locale.ROOT,
                                            "%s-%s-%s-r%02d",
                                            site,
                                            roomId,
                                            aisleId,
                                            r + 1);
                    aisleYaml.append("  - ").append(rackId).append('\n');
                    int inRack = Math.min(nodesPerRack, remaining);
                    write(
                            aisleDir.resolve("racks").resolve(rackId + ".yaml"),
                            rack(rackId, nodeNo, inRack));
                    nodeNo += inRack;
                    remaining -= inRack;
                }
                write(aisleDir.resolve("aisle.yaml"), aisleYaml.toString());
            }
            write(roomDir.resolve("room.yaml"), roomYaml.toString());
        }
        return nodeNo;
    }

    private static String rack(String rackId, int firstNode, int count) {
        StringBuilder sb =
                new StringBuilder(
                        "id: "
                                + rackId
                                + "\nname: Rack "
                                + rackId
                                + "\nu_height: 42\ntemplate_id: gen-rack\ndevices:\n");
        int u = 1;
        int n = firstNode;
        int left = count;
        int chassis = 1;
        while (left > 0) {
            boolean quad = left >= NODES_PER_QUAD;
            sb.append("  - id: ")
                    .append(rackId)
                    .append("-c")
                    .append(chassis)
                    .append('\n')
                    .append("    template_id: ")
                    .append(quad ? "gen-2u-quad" : "gen-1u")
                    .append('\n')
                    .append("    u_position: ")
                    .append(u)
                    .append('\n')
                    .append("    instance: ");
            if (quad) {
                sb.append(String.format(Locale.ROOT, "n[%06d-%06d]", n, n + 3)).append('\n');
            } else {
                sb.append(String.format(Locale.ROOT, "n%06d", n)).append('\n');
            }
            int used = quad ? NODES_PER_QUAD : 1;
            n += used;
            left -= used;
            u += quad ? 2 : 1;
            chassis++;
        }
        return sb.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static final String APP =
            """
            app:
              name: Rackscope (generated)
            telemetry:
              prometheus_url: http://127.0.0.1:9090
              identity_label: instance
              rack_label: rack_id
              chassis_label: chassis_id
            planner:
              max_ids_per_query: 200
            """;

    private static final String TEMPLATES =
            """
            templates:
              - id: gen-1u
                name: Generated 1U server
                type: server
                u_height: 1
                checks: &node_checks [node_up, node_temperature]
                metrics: &node_metrics [node_temperature, node_power]
              - id: gen-2u-quad
                name: Generated 2U quad
                type: server
                u_height: 2
                layout: {type: grid, rows: 2, cols: 2, matrix: [[1, 2], [3, 4]]}
                checks: [node_up, node_temperature, chassis_psu]
                metrics: *node_metrics
            rack_templates:
              - id: gen-rack
                name: Generated 42U rack
                u_height: 42
                checks: [rack_power]
                infrastructure:
                  rack_components:
                    - {id: pdu-a, template_id: gen-pdu, location: left}
                    - {id: pdu-b, template_id: gen-pdu, location: right}
            rack_component_templates:
              - id: gen-pdu
                name: Generated PDU
                type: pdu
                location: side
                u_height: 1
                checks: [rack_power]
                metrics: [rack_power]
            """;

    private static final String CHECKS =
            """
            checks:
              - id: node_up
                name: Node up
                scope: node
                expr: up{instance=~"$instances"}
                output: bool
                rules:
                  - {op: "==", value: 0, severity: CRIT}
              - id: node_temperature
                name: Node temperature
                scope: node
                expr: node_temperature_celsius{instance=~"$instances"}
                output: numeric
                rules:
                  - {op: ">", value: 75, severity: WARN}
                  - {op: ">", value: 85, severity: CRIT}
              - id: chassis_psu
                name: Chassis power supplies
                scope: chassis
                expr: chassis_psu_ok{chassis_id=~"$chassis"}
                output: bool
                rules:
                  - {op: "==", value: 0, severity: CRIT}
              - id: rack_power
                name: Rack power draw
                scope: rack
                expr: sum by (rack_id) (pdu_power_watts{rack_id=~"$racks"})
                output: numeric
                rules:
                  - {op: ">", value: 22000, severity: WARN}
                  - {op: ">", value: 26000, severity: CRIT}
            """;

    private static final String TYPICAL_CHECKS =
            """
            checks:
              - id: node_up
                name: Node up
                scope: node
                expr: up{instance=~"$instances"}
                output: bool
                rules:
                  - {op: "==", value: 0, severity: CRIT}
              - id: node_temperature
                name: Node temperature
                scope: node
                expr: node_temperature_celsius{instance=~"$instances"}
                for: 5m
                rules:
                  - {op: ">", value: 75, severity: WARN}
                  - {op: ">", value: 85, severity: CRIT}
              - id: node_power
                name: Node power
                scope: node
                expr: node_power_watts{instance=~"$instances"}
                for: 5m
                rules:
                  - {op: ">", value: 900, severity: WARN}
              - id: ipmi_temperature
                name: IPMI temperature state
                scope: node
                expr: ipmi_temperature_state{instance=~"$instances"}
                for: 3m
                rules:
                  - {op: ">=", value: 1, severity: WARN}
                  - {op: ">=", value: 2, severity: CRIT}
              - id: chassis_psu
                name: Chassis power supplies
                scope: chassis
                expr: chassis_psu_ok{chassis_id=~"$chassis"}
                output: bool
                for: 2m
                rules:
                  - {op: "==", value: 0, severity: CRIT}
              - id: rack_power
                name: Rack power draw
                scope: rack
                expr: sum by (rack_id) (pdu_power_watts{rack_id=~"$racks"})
                for: 5m
                rules:
                  - {op: ">", value: 22000, severity: WARN}
                  - {op: ">", value: 26000, severity: CRIT}
            """;

    private static final String METRICS =
            """
            metrics:
              - id: node_temperature
                name: Node temperature
                expr: node_temperature_celsius{instance="{instance}"}
                display: {unit: "°C", chart_type: line, color: "#ef4444", thresholds: {warn: 75, crit: 85}}
                category: temperature
              - id: node_power
                name: Node power
                expr: node_power_watts{instance="{instance}"}
                display: {unit: W, chart_type: area, color: "#f59e0b"}
                category: power
              - id: rack_power
                name: Rack power
                expr: sum(pdu_power_watts{rack_id="{rack_id}"})
                display: {unit: W, chart_type: line, color: "#3b82f6", thresholds: {warn: 22000, crit: 26000}}
                category: power
            """;
}
