package io.rackscope.desktop.simulator;

import io.rackscope.desktop.checks.CheckScope;
import java.util.List;
import java.util.Map;

/**
 * One metric the configuration reads, for every entity of one scope: the label that names the
 * entity, labels the expressions fix, the sub-node label of an {@code expand_by_label} check, and
 * its value model.
 */
record SeriesFamily(
        String metric,
        CheckScope scope,
        String identityLabel,
        Map<String, String> fixedLabels,
        String expandLabel,
        ValueModel model,
        List<String> entities) {

    boolean counter() {
        return metric.endsWith("_total");
    }
}
