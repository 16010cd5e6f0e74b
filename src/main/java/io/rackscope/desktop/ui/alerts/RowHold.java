package io.rackscope.desktop.ui.alerts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the alert panel's rows where they are while the operator points at them, opens a menu or a
 * dialog from them: a row shown stays at its place with its newest content (one that cleared stays
 * as it was last seen), and new incidents wait to be shown instead of pushing the others down.
 */
final class RowHold {
    private RowHold() {}

    /** The rows to show and how many new incidents wait. */
    record Merged(List<PanelRow> rows, int waiting) {}

    static Merged merge(List<PanelRow> shown, List<PanelRow> next) {
        Map<String, PanelRow> byKey = new HashMap<>();
        next.forEach(r -> byKey.put(key(r), r));
        Set<String> kept = new HashSet<>();
        List<PanelRow> rows =
                shown.stream()
                        .map(
                                r -> {
                                    kept.add(key(r));
                                    return byKey.getOrDefault(key(r), r);
                                })
                        .toList();
        int waiting =
                (int)
                        next.stream()
                                .filter(r -> r instanceof IncidentItem && !kept.contains(key(r)))
                                .count();
        return new Merged(rows, waiting);
    }

    /** What a row stands for across snapshots. */
    static String key(PanelRow r) {
        if (r instanceof IncidentItem i) {
            return "incident\u0000" + i.incident().key();
        }
        if (r instanceof AlertItem a) {
            return "alert\u0000" + a.alert().key();
        }
        return "section\u0000" + ((SectionRow) r).title().replaceAll("\\(\\d+\\)", "");
    }
}
