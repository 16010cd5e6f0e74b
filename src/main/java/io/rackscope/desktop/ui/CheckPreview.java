package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * A tried check's states, painted over the floor in place of health until cleared; the live states
 * are not touched.
 *
 * @param states by target (nodes, chassis or racks, as the check's scope says)
 */
public record CheckPreview(
        String checkId,
        String checkName,
        CheckScope scope,
        Map<String, Severity> states,
        Instant at) {
    public CheckPreview {
        states = Map.copyOf(states);
    }
}
