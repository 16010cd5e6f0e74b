package io.rackscope.desktop.topology;

import java.util.List;
import java.util.Map;

/**
 * What a kind of device looks like and which checks and metrics apply to it. {@code matrix} holds
 * the slot numbers of the front layout row by row (top row first); a single-node device has {@code
 * [[1]]}. {@code disks}, when not empty, is a storage device's disk bays the same way (each number
 * the value of its checks' {@code expand_by_label} label); {@code rear}, when not empty, places the
 * rear components (numbered from 1 in their order) on the rear face. {@code displayThresholds}
 * ({@code display_thresholds}) are shown beside the values in the rack view's tooltips.
 */
public record DeviceTemplate(
        String id,
        String name,
        String type,
        String role,
        int uHeight,
        int[][] matrix,
        List<RearComponent> rearComponents,
        List<String> checks,
        List<String> metrics,
        int[][] disks,
        int[][] rear,
        Map<String, Thresholds> displayThresholds,
        double powerWatts) {

    /**
     * Where a value starts to look wrong on screen ({@code display_thresholds}), by check or metric
     * id; {@code "*"} for the template's values in general. Either may be null.
     */
    public record Thresholds(Double warn, Double crit) {}

    /** The display thresholds for {@code id}, else the template's general ones. */
    public Thresholds thresholdsFor(String id) {
        Thresholds t = displayThresholds.get(id);
        return t != null ? t : displayThresholds.get("*");
    }

    public DeviceTemplate {
        displayThresholds = Map.copyOf(displayThresholds);
        rearComponents = List.copyOf(rearComponents);
        checks = List.copyOf(checks);
        metrics = List.copyOf(metrics);
    }

    public record RearComponent(String id, String name, String type, List<String> checks) {
        public RearComponent {
            checks = List.copyOf(checks);
        }
    }
}
