package io.rackscope.desktop.promql;

import java.util.List;

/**
 * What a placeholder in a check's or metric's PromQL stands for, with every spelling the Rackscope
 * format uses: the batched plural of checks ({@code $instances}) and the single-entity forms of
 * metric definitions ({@code {instance}}, {@code $instance}).
 */
public enum Placeholder {
    INSTANCE("$instances", "$instance", "{instance}", "$node", "{node}"),
    CHASSIS("$chassis_id", "$chassis", "{chassis_id}", "{chassis}", "$device_id", "{device_id}"),
    RACK("$racks", "$rack_id", "$rack", "{rack_id}", "{rack}"),
    JOB("$jobs"),
    PDU("{pduid}", "$pduid"),
    INLET("{inletid}", "$inletid");

    private final List<String> spellings;

    Placeholder(String... spellings) {
        this.spellings = List.of(spellings);
    }

    /** The spellings, longest first where one is a prefix of another. */
    public List<String> spellings() {
        return spellings;
    }
}
