package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.topology.Rack;
import java.util.List;
import java.util.stream.Stream;

/** "1 CRIT · 2 WARN · 37 OK": racks counted by state, worst first, states with none left out. */
public final class RackTally {
    private RackTally() {}

    public static String of(HealthSnapshot s, Stream<Rack> racks) {
        int[] n = new int[Severity.values().length];
        racks.forEach(r -> n[s.rack(r.id()).ordinal()]++);
        StringBuilder b = new StringBuilder();
        for (Severity sev : List.of(Severity.CRIT, Severity.WARN, Severity.UNKNOWN, Severity.OK)) {
            if (n[sev.ordinal()] > 0) {
                b.append(b.length() == 0 ? "" : " · ")
                        .append(n[sev.ordinal()])
                        .append(' ')
                        .append(sev);
            }
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
