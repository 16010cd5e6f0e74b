package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.topology.Rack;
import java.util.List;
import java.util.stream.Stream;

/**
 * "1 CRIT · 2 WARN · 37 OK · 1 handled": racks counted by state, worst first, states with none left
 * out, and how many of the failing ones have every alert acknowledged or under maintenance.
 */
public final class RackTally {
    private RackTally() {}

    public static String of(HealthSnapshot s, Stream<Rack> racks) {
        int[] n = new int[Severity.values().length];
        int[] handled = {0};
        racks.forEach(
                r -> {
                    n[s.rack(r.key()).ordinal()]++;
                    List<Alert> alerts = s.alertsOfRack(r.key());
                    if (!alerts.isEmpty()
                            && alerts.stream().allMatch(a -> s.handling().alert(a) != null)) {
                        handled[0]++;
                    }
                });
        StringBuilder b = new StringBuilder();
        for (Severity sev : List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN, Severity.OK)) {
            if (n[sev.ordinal()] > 0) {
                b.append(b.length() == 0 ? "" : " · ")
                        .append(n[sev.ordinal()])
                        .append(' ')
                        .append(sev);
            }
        }
        if (handled[0] > 0) {
            b.append(" · ").append(handled[0]).append(" handled");
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
