package io.rackscope.desktop.ui;

import io.rackscope.desktop.health.Handled;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How an acknowledgement or a maintenance reads on screen, the same in every view. */
public final class HandledText {
    private HandledText() {}

    /**
     * "Acknowledged by dave at 19:17 · rebooting", "Maintenance (hidden) until 06:30 by alice · PSU
     * swap"; {@code storeProblem} (null when none) says why a pending one is not kept yet.
     */
    public static String of(Handled h, ZoneId zone, String storeProblem) {
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        String when = h.since() == null ? "" : " at " + hm.format(h.since());
        String until = h.until() == null ? "" : " until " + hm.format(h.until());
        String text = h.text() == null || h.text().isBlank() ? "" : " · " + h.text();
        String pending =
                h.pending()
                        ? " (not yet kept: "
                                + (storeProblem == null ? "store down" : storeProblem)
                                + ")"
                        : "";
        return h.acknowledged()
                ? "Acknowledged by " + h.by() + when + until + text + pending
                : "Maintenance"
                        + (h.hidden() ? " (hidden)" : " (badge)")
                        + until
                        + " by "
                        + h.by()
                        + text
                        + pending;
    }
}
