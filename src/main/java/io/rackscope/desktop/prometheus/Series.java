package io.rackscope.desktop.prometheus;

import java.util.Map;

/**
 * One series of a result: its labels and its samples. An instant vector has one sample; a matrix
 * many. Timestamps are epoch seconds.
 */
public record Series(Map<String, String> labels, double[] timestamps, double[] values) {

    public double value() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    public String label(String name) {
        return labels.get(name);
    }
}
