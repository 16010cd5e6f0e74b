package io.rackscope.desktop.telemetry;

/**
 * How checks are asked. {@link #FILTERED} pushes the non-OK rules into the PromQL so that
 * Prometheus returns only the samples that break a rule, plus one count of the entities present per
 * batch. {@link #PLAIN} is the original scheme: every sample comes back and the rules run here.
 * Both give identical states.
 */
public enum EvaluationMode {
    FILTERED,
    PLAIN
}
