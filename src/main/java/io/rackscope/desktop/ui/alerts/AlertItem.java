package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.health.Alert;
import java.time.Instant;

/**
 * An active alert as the alert panel lists it, with since when it has been active (null when that
 * is not known: at a past moment).
 */
public record AlertItem(Alert alert, String checkName, Instant since) implements PanelRow {}
