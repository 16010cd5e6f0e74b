package io.rackscope.desktop.ui.device;

import io.rackscope.desktop.checks.Severity;
import java.time.Instant;

/**
 * One line of a device's check table: which check, its state, its value, since when it has failed,
 * and what its forecast says (empty when none).
 */
public record CheckRow(
        String checkId,
        String name,
        Severity severity,
        double value,
        String unitHint,
        Instant since,
        boolean stale,
        String why,
        String forecast) {
    /** The same row with what the forecast says. */
    public CheckRow withForecast(String text) {
        return new CheckRow(checkId, name, severity, value, unitHint, since, stale, why, text);
    }
}
