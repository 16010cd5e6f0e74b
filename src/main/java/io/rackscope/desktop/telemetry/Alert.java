package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Severity;

/** An (entity, check) pair at WARN or CRIT, with where the entity is. */
public record Alert(
        Severity severity, String check, String entity, String path, double value, boolean stale) {}
