package io.rackscope.desktop.topology;

import java.util.List;

/** A PDU, fan, PSU or cooling unit that belongs to a rack rather than to a device. */
public record RackComponentTemplate(
        String id,
        String name,
        String type,
        String location,
        String side,
        int uHeight,
        List<String> checks,
        List<String> metrics) {
    public RackComponentTemplate {
        checks = List.copyOf(checks);
        metrics = List.copyOf(metrics);
    }
}
