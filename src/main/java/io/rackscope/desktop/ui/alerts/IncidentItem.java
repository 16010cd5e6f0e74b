package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.ui.Formats;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An incident as the alert panel lists it: its headline ("Rack FRA1-A01-R05: 74 of 74 nodes CRIT",
 * or a single entity's check and value), its checks with counts, its members' alerts, and how it is
 * handled (null: new and unhandled).
 */
public record IncidentItem(
        Incident incident,
        String headline,
        String checks,
        List<AlertItem> members,
        Handled handled,
        boolean unanswered)
        implements PanelRow {

    public IncidentItem {
        members = List.copyOf(members);
    }

    public Severity severity() {
        return incident.severity();
    }

    /** Whether every alert of the incident is a "no data" one. */
    public boolean noData() {
        return incident.checks().size() == 1 && incident.checks().containsKey(Check.NO_DATA);
    }

    /**
     * The headline of {@code i}: a place with how many of its nodes fail, or one entity's check.
     */
    public static String headline(Incident i, Function<String, String> checkName, double value) {
        if (i.level() == Incident.Level.NODE || i.failingNodes() == 0 && i.members().size() == 1) {
            String names =
                    i.checks().keySet().stream().map(checkName).collect(Collectors.joining(", "));
            return i.checks().size() == 1 && !Double.isNaN(value)
                    ? names + " = " + Formats.value(value)
                    : names;
        }
        String place = i.title();
        return place
                + ": "
                + (i.nodes() > 0
                        ? i.failingNodes() + " of " + i.nodes() + " nodes " + i.severity()
                        : i.members().size() + " failing");
    }

    /** "Node reachable ×74, Chassis power supplies ×18". */
    public static String checks(Incident i, Function<String, String> checkName) {
        return i.checks().entrySet().stream()
                .map(
                        (Map.Entry<String, Integer> e) ->
                                checkName.apply(e.getKey())
                                        + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
    }
}
