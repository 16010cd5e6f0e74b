package io.rackscope.desktop.handover;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.handling.Silence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The handover as one HTML page, printable (A4, black on white when printed), that reads without
 * the app: a summary line, then a section per kind of thing the next shift must know, each empty
 * one said as such ("none") rather than left out; the worst incidents with the picture of their
 * rack at their worst moment when one was drawn ({@code pictures}: incident id to file name).
 */
public final class HandoverPage {
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;

    public HandoverPage(ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        this.day = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm").withZone(zone);
    }

    /** {@code notes}: what the page must say first (a store not read, pictures missing). */
    public String html(
            ShiftReport r, String estate, Map<String, String> pictures, List<String> notes) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc("Handover — " + estate + " — " + day.format(r.to())))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style></head><body>\n");
        b.append("<h1>Shift handover — ")
                .append(esc(estate))
                .append("</h1>\n<p class=\"when\">")
                .append(esc(day.format(r.from())))
                .append(" to ")
                .append(esc(day.format(r.to())))
                .append(" (")
                .append(esc(zone.getId()))
                .append(")</p>\n");
        if (!notes.isEmpty()) {
            b.append("<p class=\"warn\">").append(esc(String.join("; ", notes))).append("</p>\n");
        }
        b.append("<p class=\"summary\">")
                .append(r.unhandled().size())
                .append(" still failing and unhandled · ")
                .append(r.acknowledged().size())
                .append(" acknowledged · ")
                .append(r.resolved().size())
                .append(" resolved · ")
                .append(r.flapping().size())
                .append(" flapping · ")
                .append(r.outages().size())
                .append(" Prometheus outage(s) · ")
                .append(r.expiring().size())
                .append(" ending soon</p>\n");
        if (r.damagedLines() > 0) {
            b.append("<p class=\"warn\">")
                    .append(r.damagedLines())
                    .append(
                            " damaged journal line(s) were skipped: this page may miss them.</p>\n");
        }
        stories(b, "Still failing, nobody on it", r.unhandled(), r.to(), false);
        stories(b, "Acknowledged", r.acknowledged(), r.to(), true);
        resolved(b, r);
        expiring(b, r.expiring(), r.to());
        flapping(b, r.flapping());
        outages(b, r);
        top(b, r, pictures);
        b.append("<p class=\"foot\">Written by Rackscope Desktop from the incident journal and the")
                .append(" acknowledgements and maintenances in force; no Prometheus was asked for")
                .append(" this text.</p>\n</body></html>\n");
        return b.toString();
    }

    private void stories(
            StringBuilder b, String title, List<ShiftReport.Story> list, Instant to, boolean by) {
        List<String> heads = new ArrayList<>(List.of("State", "What", "Where", "Since"));
        heads.addAll(by ? List.of("By", "Why") : List.of("Worst"));
        List<List<String>> rows = new ArrayList<>();
        for (ShiftReport.Story s : list) {
            List<String> row =
                    new ArrayList<>(
                            List.of(
                                    badge(s.last().severity().name()),
                                    esc(s.name()),
                                    esc(s.path()),
                                    esc(
                                            time.format(s.firstSeen())
                                                    + " ("
                                                    + span(s.lasted(to))
                                                    + ")")));
            if (by) {
                row.add(
                        esc(s.by())
                                + (s.handledAt() == null
                                        ? ""
                                        : " at " + time.format(s.handledAt())));
                row.add(esc(s.note()));
            } else {
                row.add(badge(s.worst().name()) + " at " + esc(time.format(s.worstAt())));
            }
            rows.add(row);
        }
        table(b, title, heads, rows, "None.");
    }

    private void resolved(StringBuilder b, ShiftReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (ShiftReport.Story s : r.resolved()) {
            rows.add(
                    List.of(
                            badge(s.worst().name()),
                            esc(s.name()),
                            esc(s.path()),
                            esc(time.format(s.firstSeen())),
                            esc(time.format(s.clearedAt())),
                            esc(span(s.lasted(r.to())))));
        }
        table(
                b,
                "Resolved",
                List.of("Worst", "What", "Where", "From", "To", "Lasted"),
                rows,
                "None.");
    }

    private void expiring(StringBuilder b, List<Silence> list, Instant to) {
        List<List<String>> rows = new ArrayList<>();
        for (Silence s : list) {
            rows.add(
                    List.of(
                            s.kind() == Silence.Kind.ACK ? "Acknowledgement" : "Maintenance",
                            esc(
                                    s.target() == null
                                            ? ""
                                            : s.target().type().name().toLowerCase(Locale.ROOT)
                                                    + " "
                                                    + s.target().id()),
                            esc(s.by()),
                            esc(s.text()),
                            esc(
                                    time.format(s.endsAt())
                                            + " (in "
                                            + span(Duration.between(to, s.endsAt()))
                                            + ")")));
        }
        table(
                b,
                "Ending soon (maintenances and acknowledgements)",
                List.of("Kind", "On", "By", "Why", "Ends"),
                rows,
                "None.");
    }

    private void flapping(StringBuilder b, List<Journal.Entry> list) {
        List<List<String>> rows = new ArrayList<>();
        for (Journal.Entry e : list) {
            rows.add(
                    List.of(
                            badge(e.severity().name()),
                            esc(e.path()),
                            Integer.toString(e.count()),
                            esc(time.format(e.at()))));
        }
        table(b, "Flapping", List.of("Worst", "Where", "Changes", "From"), rows, "None.");
    }

    private void outages(StringBuilder b, ShiftReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (ShiftReport.Outage o : r.outages()) {
            rows.add(
                    List.of(
                            esc(o.server()),
                            esc(time.format(o.from())),
                            o.to() == null ? "<b>still out</b>" : esc(time.format(o.to())),
                            esc(o.why())));
        }
        table(
                b,
                "Prometheus outages",
                List.of("Server", "From", "To", "Why"),
                rows,
                "None: every cycle was answered.");
    }

    /** A section: its title and count, then its rows (cells already HTML), or {@code none}. */
    private static void table(
            StringBuilder b,
            String title,
            List<String> heads,
            List<List<String>> rows,
            String none) {
        section(b, title, rows.size());
        if (rows.isEmpty()) {
            b.append("<p class=\"none\">").append(esc(none)).append("</p>\n");
            return;
        }
        b.append("<table><tr>");
        heads.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(c -> b.append("<td>").append(c).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private void top(StringBuilder b, ShiftReport r, Map<String, String> pictures) {
        section(b, "The worst incidents, at their worst", r.top().size());
        if (r.top().isEmpty()) {
            b.append("<p class=\"none\">None: a quiet shift.</p>\n");
            return;
        }
        for (ShiftReport.Story s : r.top()) {
            b.append("<div class=\"top\"><h3>")
                    .append(badge(s.worst().name()))
                    .append(' ')
                    .append(esc(s.name()))
                    .append("</h3><p>")
                    .append(esc(s.path()))
                    .append(" — worst at ")
                    .append(esc(time.format(s.worstAt())))
                    .append(", lasted ")
                    .append(esc(span(s.lasted(r.to()))))
                    .append(s.clearedAt() == null ? " and still fails" : "")
                    .append("</p>");
            String file = pictures.get(s.id());
            if (file != null) {
                b.append("<img src=\"")
                        .append(esc(file))
                        .append("\" alt=\"")
                        .append(esc("its rack at " + time.format(s.worstAt())))
                        .append("\">");
            }
            b.append("</div>\n");
        }
    }

    private static void section(StringBuilder b, String title, int count) {
        b.append("<h2>")
                .append(esc(title))
                .append(" <span>(")
                .append(count)
                .append(")</span></h2>\n");
    }

    private static String badge(String severity) {
        return "<span class=\"sev "
                + severity.toLowerCase(java.util.Locale.ROOT)
                + "\">"
                + severity
                + "</span>";
    }

    /** To the minute, as a shift reads it: "45s", "30m", "7h 50m". */
    static String span(Duration d) {
        long m = d.toMinutes();
        if (m < 1) {
            return Math.max(0, d.toSeconds()) + "s";
        }
        return m < 60 ? m + "m" : m / 60 + "h" + (m % 60 == 0 ? "" : " " + m % 60 + "m");
    }

    private static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    private static final String CSS =
            """
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #111; max-width: 1100px; }
            h1 { font-size: 22px; margin: 0 0 4px 0; }
            h2 { font-size: 16px; margin: 22px 0 6px 0; border-bottom: 1px solid #bbb; }
            h2 span { color: #666; font-weight: normal; }
            h3 { font-size: 14px; margin: 8px 0 2px 0; }
            .when, .foot, .none { color: #555; }
            .summary { font-weight: bold; }
            .warn { color: #9a3412; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
            .sev { font-weight: bold; padding: 0 5px; border-radius: 3px; color: #fff; }
            .sev.crit { background: #b91c1c; } .sev.warn { background: #b45309; }
            .sev.unknown { background: #4b5563; } .sev.ok { background: #047857; }
            .top img { max-width: 100%; border: 1px solid #ccc; }
            .top { page-break-inside: avoid; }
            @media print { body { margin: 0; } .sev { color: #000; background: none; border: 1px solid #000; } }
            """;
}
