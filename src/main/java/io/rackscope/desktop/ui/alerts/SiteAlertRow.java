package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;

/**
 * An alert of the site's own alerting rules as the Rules tab lists it: firing or pending, its
 * severity and name, where it was placed ("Not placed" when no label named a node, device or rack)
 * and every label, so that an unplaced one can still be found and mapped.
 */
public record SiteAlertRow(
        String state, Severity severity, String name, String placed, String labels, String entity) {
    public static final String NOT_PLACED = "Not placed";
}
