package io.rackscope.desktop.ui.device;

import io.rackscope.desktop.checks.Severity;
import java.time.Instant;

/**
 * One line of a device's check table: which check, its state, its value and since when it has
 * failed.
 */
public record CheckRow(
        String checkId,
        String name,
        Severity severity,
        double value,
        String unitHint,
        Instant since,
        boolean stale,
        String why) {}
