package io.rackscope.desktop.topology;

/** One node instance of a device, at a cell number of the template's layout matrix (1-based). */
public record InstanceSlot(int slot, String instanceId) {}
