package io.rackscope.desktop.topology;

/** Where a site is on the map. */
public record Location(double lat, double lon, String address) {}
