package io.rackscope.desktop.handover;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.SilenceStore;
import io.rackscope.desktop.handling.StoreException;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a shift's handover into a directory: {@code handover.html} and, when {@link Pictures} can
 * draw them, a PNG of the rack (or room) of each of the worst incidents at its worst moment. The
 * text needs only the journal and the handling store; a store that cannot be read is said on the
 * page and in the notes, and the rest is written.
 */
public final class Handover {
    /** Draws {@code view} ({@code rack:ID}, {@code room:SITE/ROOM}) as it was {@code at}. */
    public interface Pictures {
        Pictures NONE = (view, at, file) -> false;

        boolean draw(String view, Instant at, Path file);
    }

    /** What was written: the page, how many pictures, and what the operator should know. */
    public record Written(Path page, int pictures, List<String> notes) {}

    private Handover() {}

    public static Written write(
            Topology topology,
            String estate,
            Journal journal,
            SilenceStore store,
            Instant from,
            Instant to,
            Duration ahead,
            Path dir,
            Pictures pictures,
            ZoneId zone)
            throws IOException {
        List<String> notes = new ArrayList<>();
        List<Silence> silences = List.of();
        try {
            silences = store.read();
        } catch (StoreException e) {
            notes.add("acknowledgements and maintenances not read: " + e.getMessage());
        }
        Journal.Read read = journal.read(from, to);
        ShiftReport report = ShiftReport.of(read, silences, from, to, ahead);
        Files.createDirectories(dir);
        Map<String, String> drawn = new LinkedHashMap<>();
        int n = 0;
        for (ShiftReport.Story s : report.top()) {
            n++;
            Optional<String> view = view(topology, s.last().place());
            String file = "incident-" + n + ".png";
            if (view.isPresent() && pictures.draw(view.get(), s.worstAt(), dir.resolve(file))) {
                drawn.put(s.id(), file);
            }
        }
        if (drawn.size() < report.top().size() && pictures != Pictures.NONE) {
            notes.add(
                    (report.top().size() - drawn.size())
                            + " of the worst incidents have no picture (no rack or room of theirs"
                            + " known, or Prometheus could not be asked)");
        }
        String html = new HandoverPage(zone).html(report, estate, drawn, notes);
        Path page = dir.resolve("handover.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return new Written(page, drawn.size(), notes);
    }

    /**
     * The view that shows an incident, from its key ({@code node:ID}, {@code chassis:KEY}, {@code
     * rack:KEY}, {@code aisle:SITE/ROOM/AISLE}, {@code room:SITE/ROOM}): its rack, else its room;
     * empty when unknown.
     */
    static Optional<String> view(Topology t, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String id = key.substring(key.indexOf(':') + 1);
        Optional<Rack> rack =
                t.instance(id)
                        .map(p -> p.rack())
                        .or(() -> t.device(id).flatMap(d -> t.rack(d.rackKey())))
                        .or(() -> t.rack(id));
        if (rack.isPresent()) {
            return Optional.of("rack:" + rack.get().key());
        }
        String[] parts = id.split("/");
        if (parts.length >= 2 && t.room(parts[0], parts[1]).isPresent()) {
            return Optional.of("room:" + parts[0] + "/" + parts[1]);
        }
        return Optional.empty();
    }
}
