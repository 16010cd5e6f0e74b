package io.rackscope.desktop.topology;

import java.util.List;

/** A kind of rack: its height, its rack-scope checks and the infrastructure mounted in it. */
public record RackTemplate(
        String id, String name, int uHeight, List<String> checks, List<ComponentRef> components) {
    public RackTemplate {
        checks = List.copyOf(checks);
        components = List.copyOf(components);
    }

    /** A rack component placed in the rack: {@code location} is left, right, rear or front. */
    public record ComponentRef(
            String id, String templateId, String location, int uPosition, int uHeight) {}
}
