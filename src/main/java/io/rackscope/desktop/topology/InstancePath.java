package io.rackscope.desktop.topology;

/**
 * Where a node instance lives: site / room / aisle / rack / device / instance. {@code aisle} is
 * null for standalone racks.
 */
public record InstancePath(
        Site site, Room room, Aisle aisle, Rack rack, Device device, String instanceId, int slot) {

    /** Human-readable location, e.g. {@code dc-paris / room-a / aisle-1 / r01 / c01 / node001}. */
    public String describe() {
        return rack.describe() + " / " + device.id() + " / " + instanceId;
    }
}
