package io.rackscope.desktop.telemetry;

import java.util.Map;
import java.util.Set;

/**
 * What one check said about all its targets in one cycle: the non-OK results, and the targets that
 * returned no sample at all. Every other target is OK. Keeping only these makes a healthy estate's
 * snapshot small.
 */
public record CheckOutcome(String checkId, Map<String, CheckResult> problems, Set<String> absent) {
    public CheckOutcome {
        problems = Map.copyOf(problems);
        absent = Set.copyOf(absent);
    }
}
