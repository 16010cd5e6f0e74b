package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Forecast;
import java.time.Instant;

/**
 * One alert as the full-page table lists it: where it is at every level, its value, since when, and
 * the incident it belongs to; who raised it ({@code source}: check, rule or Alertmanager); flapping
 * when the alert or its incident flaps, with the most changes of the two in the flap window; {@code
 * handled} says who acknowledged it or which maintenance covers it (empty: new and unhandled); its
 * {@code forecast} when its value is heading for a worse threshold (else null).
 */
public record AlertRow(
        Severity severity,
        String incident,
        String check,
        String source,
        String entity,
        String device,
        String rack,
        String room,
        String site,
        double value,
        Instant since,
        boolean flapping,
        int changes,
        String handled,
        AlertItem item,
        Forecast forecast) {
    /** Seconds until the forecast crossing, for sorting: none sorts last. */
    public double forecastEta() {
        return forecast == null ? Double.POSITIVE_INFINITY : forecast.etaSeconds();
    }
}
