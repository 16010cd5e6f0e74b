package io.rackscope.desktop.ui.shell;

import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.ui.alerts.IncidentItem;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What was announced while the window was not in front (another window over it, the desk away):
 * kept, and said in one list when the window comes back to the front, so nothing announced to an
 * empty chair goes unseen.
 */
final class MissedWhileAway {
    static final int LISTED = 8;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final java.util.function.Function<String, String> checkName;
    private final List<Incident> missed = new ArrayList<>();

    /** {@code checkName}: a check's name by its id, for the headlines. */
    MissedWhileAway(java.util.function.Function<String, String> checkName) {
        this.checkName = checkName;
    }

    /** {@code fresh} announced while the window was ({@code inFront}) or was not in front. */
    void announced(List<Incident> fresh, boolean inFront) {
        if (!inFront) {
            for (Incident i : fresh) {
                missed.removeIf(m -> m.key().equals(i.key()));
                missed.add(i);
            }
        }
    }

    /** The window is in front again: what it missed, told to {@code say} (title, text), once. */
    void back(Consumer<String[]> say) {
        if (missed.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Incident i : missed.subList(Math.max(0, missed.size() - LISTED), missed.size())) {
            lines.add(
                    (i.since() == null ? "" : TIME.format(i.since()) + "  ")
                            + i.severity()
                            + "  "
                            + IncidentItem.headline(i, checkName, Double.NaN)
                            + " — "
                            + i.path());
        }
        if (missed.size() > LISTED) {
            lines.add(0, "… " + (missed.size() - LISTED) + " earlier, in the alert table");
        }
        say.accept(
                new String[] {
                    "Missed while away: "
                            + missed.size()
                            + (missed.size() == 1 ? " incident" : " incidents"),
                    String.join("\n", lines)
                });
        missed.clear();
    }

    /** What is kept so far. */
    List<Incident> missed() {
        return List.copyOf(missed);
    }
}
