package io.rackscope.desktop.it;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstanceSlot;
import io.rackscope.desktop.topology.Rack;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Exporter text for a generated estate: every node up and cool, every PSU fine, racks at moderate
 * power; with plants.
 */
public final class EstateMetrics {
    public final Set<String> down = new HashSet<>();
    final Map<String, Double> temperature = new HashMap<>();
    final Set<String> silent = new HashSet<>();
    final Set<String> psuFailed = new HashSet<>();
    final Map<String, Double> rackPower = new HashMap<>();
    private final RackscopeConfig config;

    public EstateMetrics(RackscopeConfig config) {
        this.config = config;
    }

    public String text() {
        StringBuilder up = new StringBuilder("# TYPE up gauge\n");
        StringBuilder temp = new StringBuilder("# TYPE node_temperature_celsius gauge\n");
        StringBuilder psu = new StringBuilder("# TYPE chassis_psu_ok gauge\n");
        StringBuilder pdu = new StringBuilder("# TYPE pdu_power_watts gauge\n");
        for (Rack rack : config.topology().racks()) {
            double power = rackPower.getOrDefault(rack.id(), 9000.0);
            pdu.append("pdu_power_watts{rack_id=\"")
                    .append(rack.id())
                    .append("\",pdu=\"a\"} ")
                    .append(power / 2)
                    .append('\n');
            pdu.append("pdu_power_watts{rack_id=\"")
                    .append(rack.id())
                    .append("\",pdu=\"b\"} ")
                    .append(power / 2)
                    .append('\n');
            for (Device d : rack.devices()) {
                psu.append("chassis_psu_ok{chassis_id=\"")
                        .append(d.id())
                        .append("\"} ")
                        .append(psuFailed.contains(d.id()) ? 0 : 1)
                        .append('\n');
                for (InstanceSlot s : d.instances()) {
                    String id = s.instanceId();
                    if (silent.contains(id)) {
                        continue;
                    }
                    up.append("up{instance=\"")
                            .append(id)
                            .append("\"} ")
                            .append(down.contains(id) ? 0 : 1)
                            .append('\n');
                    temp.append("node_temperature_celsius{instance=\"")
                            .append(id)
                            .append("\"} ")
                            .append(temperature.getOrDefault(id, 41.5))
                            .append('\n');
                }
            }
        }
        return up.append(temp).append(psu).append(pdu).toString();
    }
}
