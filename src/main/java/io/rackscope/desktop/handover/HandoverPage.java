package io.rackscope.desktop.handover;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.handling.Silence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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

    public String html(ShiftReport r, String estate, Map<String, String> pictures) {
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
                .append(")</p>\n<p class=\"summary\">")
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
        section(b, title, list.size());
        if (list.isEmpty()) {
            b.append("<p class=\"none\">None.</p>\n");
            return;
        }
        b.append("<table><tr><th>State</th><th>What</th><th>Where</th><th>Since</th>")
                .append(by ? "<th>By</th><th>Why</th>" : "<th>Worst</th>")
                .append("</tr>\n");
        for (ShiftReport.Story s : list) {
            b.append("<tr><td>")
                    .append(badge(s.last().severity().name()))
                    .append("</td><td>")
                    .append(esc(s.name()))
                    .append("</td><td>")
                    .append(esc(s.path()))
                    .append("</td><td>")
                    .append(esc(time.format(s.firstSeen())))
                    .append(" (")
                    .append(esc(span(s.lasted(to))))
                    .append(")</td>");
            if (by) {
                b.append("<td>")
                        .append(esc(s.by()))
                        .append(s.handledAt() == null ? "" : " at " + time.format(s.handledAt()))
                        .append("</td><td>")
                        .append(esc(s.note() == null ? "" : s.note()))
                        .append("</td>");
            } else {
                b.append("<td>")
                        .append(badge(s.worst().name()))
                        .append(" at ")
                        .append(esc(time.format(s.worstAt())))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private void resolved(StringBuilder b, ShiftReport r) {
        section(b, "Resolved", r.resolved().size());
        if (r.resolved().isEmpty()) {
            b.append("<p class=\"none\">None.</p>\n");
            return;
        }
        b.append("<table><tr><th>Worst</th><th>What</th><th>Where</th><th>From</th><th>To</th>")
                .append("<th>Lasted</th></tr>\n");
        for (ShiftReport.Story s : r.resolved()) {
            b.append("<tr><td>")
                    .append(badge(s.worst().name()))
                    .append("</td><td>")
                    .append(esc(s.name()))
                    .append("</td><td>")
                    .append(esc(s.path()))
                    .append("</td><td>")
                    .append(esc(time.format(s.firstSeen())))
                    .append("</td><td>")
                    .append(esc(time.format(s.clearedAt())))
                    .append("</td><td>")
                    .append(esc(span(s.lasted(r.to()))))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private void expiring(StringBuilder b, List<Silence> list, Instant to) {
        section(b, "Ending soon (maintenances and acknowledgements)", list.size());
        if (list.isEmpty()) {
            b.append("<p class=\"none\">None.</p>\n");
            return;
        }
        b.append("<table><tr><th>Kind</th><th>On</th><th>By</th><th>Why</th><th>Ends</th></tr>\n");
        for (Silence s : list) {
            b.append("<tr><td>")
                    .append(s.kind() == Silence.Kind.ACK ? "Acknowledgement" : "Maintenance")
                    .append("</td><td>")
                    .append(
                            esc(
                                    s.target() == null
                                            ? ""
                                            : s.target()
                                                            .type()
                                                            .name()
                                                            .toLowerCase(java.util.Locale.ROOT)
                                                    + " "
                                                    + s.target().id()))
                    .append("</td><td>")
                    .append(esc(s.by()))
                    .append("</td><td>")
                    .append(esc(s.text()))
                    .append("</td><td>")
                    .append(esc(time.format(s.endsAt())))
                    .append(" (in ")
                    .append(esc(span(Duration.between(to, s.endsAt()))))
                    .append(")</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private void flapping(StringBuilder b, List<Journal.Entry> list) {
        section(b, "Flapping", list.size());
        if (list.isEmpty()) {
            b.append("<p class=\"none\">None.</p>\n");
            return;
        }
        b.append("<table><tr><th>Worst</th><th>Where</th><th>Changes</th><th>From</th></tr>\n");
        for (Journal.Entry e : list) {
            b.append("<tr><td>")
                    .append(badge(e.severity().name()))
                    .append("</td><td>")
                    .append(esc(e.path()))
                    .append("</td><td>")
                    .append(e.count())
                    .append("</td><td>")
                    .append(esc(time.format(e.at())))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private void outages(StringBuilder b, ShiftReport r) {
        section(b, "Prometheus outages", r.outages().size());
        if (r.outages().isEmpty()) {
            b.append("<p class=\"none\">None: every cycle was answered.</p>\n");
            return;
        }
        b.append("<table><tr><th>Server</th><th>From</th><th>To</th><th>Why</th></tr>\n");
        for (ShiftReport.Outage o : r.outages()) {
            b.append("<tr><td>")
                    .append(esc(o.server()))
                    .append("</td><td>")
                    .append(esc(time.format(o.from())))
                    .append("</td><td>")
                    .append(o.to() == null ? "<b>still out</b>" : esc(time.format(o.to())))
                    .append("</td><td>")
                    .append(esc(o.why() == null ? "" : o.why()))
                    .append("</td></tr>\n");
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

    static String esc(String s) {
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
