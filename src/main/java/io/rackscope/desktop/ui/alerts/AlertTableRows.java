package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.Locator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alert table's rows and chips: one row per alert, which rows the filter chips let through,
 * what a new chip can choose from, the totals line. Pure: the view model keeps the state.
 */
final class AlertTableRows {
    private AlertTableRows() {}

    /** Every alert of {@code incidents}, one row each, in the incidents' order. */
    static List<AlertRow> of(
            List<IncidentItem> incidents,
            Locator locator,
            io.rackscope.desktop.health.HealthSnapshot s) {
        io.rackscope.desktop.health.Handling handling = s.handling();
        List<AlertRow> out = new ArrayList<>();
        for (IncidentItem i : incidents) {
            for (AlertItem m : i.members()) {
                Alert a = m.alert();
                String room = "";
                String site = "";
                Optional<Rack> rack = locator.rackOf(a.entity());
                if (rack.isPresent()) {
                    room = rack.get().roomKey();
                    site = rack.get().siteId();
                }
                out.add(
                        new AlertRow(
                                a.severity(),
                                i.incident().title(),
                                m.checkName(),
                                a.source().label(),
                                a.entity(),
                                a.device() == null ? "" : a.device(),
                                rack.map(Rack::id).orElse(""),
                                room,
                                site,
                                a.value(),
                                m.since(),
                                i.incident().flapping() || a.flapping(),
                                i.incident().flapping()
                                        ? Math.max(i.incident().transitions(), a.changes())
                                        : a.changes(),
                                handledShort(handling.alert(a)),
                                m,
                                s.forecast(a.check(), a.entity()).orElse(null)));
            }
        }
        return List.copyOf(out);
    }

    /** "2 CRIT · 5 WARN · 3 racks affected". */
    static String totals(List<AlertRow> rows) {
        long crit = rows.stream().filter(r -> r.severity() == Severity.CRIT).count();
        long warn = rows.stream().filter(r -> r.severity() == Severity.WARN).count();
        long racks = rows.stream().map(AlertRow::rack).filter(r -> !r.isEmpty()).distinct().count();
        return crit
                + " CRIT · "
                + warn
                + " WARN · "
                + racks
                + (racks == 1 ? " rack" : " racks")
                + " affected";
    }

    /** Whether {@code r} passes every chip, leaving out those on {@code except}. */
    static List<AlertRow> passing(List<ColumnFilter> filters, List<AlertRow> rows) {
        return rows.stream().filter(r -> passes(filters, r, null)).toList();
    }

    private static boolean passes(List<ColumnFilter> filters, AlertRow r, AlertColumn except) {
        Map<AlertColumn, Set<String>> byColumn = new EnumMap<>(AlertColumn.class);
        for (ColumnFilter f : filters) {
            if (f.column() != except) {
                byColumn.computeIfAbsent(f.column(), c -> new HashSet<>()).add(f.value());
            }
        }
        return byColumn.entrySet().stream().allMatch(e -> e.getValue().contains(e.getKey().of(r)));
    }

    /**
     * The values {@code column} takes among the rows the other columns' chips let through, with how
     * many rows each, most first: what a new chip on that column can choose from.
     */
    static List<Map.Entry<String, Integer>> choices(
            List<ColumnFilter> filters, List<AlertRow> rows, AlertColumn column) {
        Map<String, Integer> counts = new HashMap<>();
        for (AlertRow r : rows) {
            if (passes(filters, r, column)) {
                counts.merge(column.of(r), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }

    private static String handledShort(Handled h) {
        if (h == null) {
            return "";
        }
        return h.acknowledged()
                ? "ack " + h.by()
                : (h.hidden() ? "hidden: " : "maintenance: ") + h.text();
    }
}
