package io.rackscope.desktop.topology;

import java.util.Map;
import java.util.Optional;

/** Every template of a configuration, by id. */
public record TemplateCatalog(
        Map<String, DeviceTemplate> devices,
        Map<String, RackTemplate> racks,
        Map<String, RackComponentTemplate> components) {
    public TemplateCatalog {
        devices = Map.copyOf(devices);
        racks = Map.copyOf(racks);
        components = Map.copyOf(components);
    }

    public Optional<DeviceTemplate> device(String id) {
        return Optional.ofNullable(id == null ? null : devices.get(id));
    }

    public Optional<RackTemplate> rack(String id) {
        return Optional.ofNullable(id == null ? null : racks.get(id));
    }

    public Optional<RackComponentTemplate> component(String id) {
        return Optional.ofNullable(id == null ? null : components.get(id));
    }
}
