package io.rackscope.desktop.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.alerting.Transition;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.SilenceStore;
import io.rackscope.desktop.handling.StoreException;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Incident;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handover written from a journal holding every kind of entry and a store with silences, no
 * Prometheus: each section says what the next shift must know.
 */
public class HandoverTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));
    static final Instant START = Instant.parse("2026-12-05T06:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(8));

    static Incident incident(String id, String place, Severity s, String name) {
        return incident(id, place, s, name, false);
    }

    static Incident incident(String id, String place, Severity s, String name, boolean flapping) {
        return new Incident(
                id,
                "node:" + place,
                Incident.Level.NODE,
                place,
                name,
                "fra1 / hall-a / a01 / fra1-a01-r03 / " + place,
                s,
                Map.of("node_up", 1),
                List.of(place),
                1,
                1,
                null,
                flapping,
                1);
    }

    static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    /** Every kind of entry a shift can hold. */
    public static Journal journal(Path dir) throws Exception {
        Journal j = new Journal(dir, 3650);
        Incident down = incident("i-down", "cn0165", Severity.CRIT, "Node reachable");
        Incident hot = incident("i-hot", "cn0166", Severity.WARN, "Node temperature");
        Incident fixed = incident("i-fixed", "cn0001", Severity.CRIT, "Node reachable");
        Incident again = incident("i-again", "cn0002", Severity.WARN, "Node temperature");
        List<Transition> t = new ArrayList<>();
        t.add(new Transition(Transition.Kind.NEW, at(10), down, null));
        t.add(new Transition(Transition.Kind.ONGOING, at(20), down, Severity.CRIT));
        t.add(new Transition(Transition.Kind.NEW, at(30), hot, null));
        t.add(
                new Transition(
                        Transition.Kind.ACKNOWLEDGED,
                        at(35),
                        hot,
                        null,
                        "erin",
                        "fan swap at 14:00"));
        t.add(new Transition(Transition.Kind.NEW, at(40), fixed, null));
        t.add(
                new Transition(
                        Transition.Kind.BETTER,
                        at(50),
                        incident("i-fixed", "cn0001", Severity.WARN, "Node reachable"),
                        Severity.CRIT));
        t.add(new Transition(Transition.Kind.CLEARED, at(70), fixed, Severity.WARN));
        t.add(new Transition(Transition.Kind.NEW, at(80), again, null));
        t.add(new Transition(Transition.Kind.MAINTENANCE, at(85), again, null, "bob", "reboot"));
        t.add(new Transition(Transition.Kind.UNHANDLED, at(120), again, null));
        t.add(
                new Transition(
                        Transition.Kind.WORSE,
                        at(130),
                        incident("i-again", "cn0002", Severity.CRIT, "Node temperature"),
                        Severity.WARN));
        for (int i = 0; i < 6; i++) {
            t.add(
                    new Transition(
                            i % 2 == 0 ? Transition.Kind.NEW : Transition.Kind.CLEARED,
                            at(200 + i),
                            incident("i-flap", "cn0003", Severity.WARN, "Node temperature", true),
                            null));
        }
        t.add(
                Transition.event(
                        Transition.Kind.MAINTENANCE_STARTED,
                        at(90),
                        "rack:fra1-a02-r01",
                        "Rack FRA1-A02-R01",
                        "",
                        Severity.OK,
                        "bob",
                        "PDU swap"));
        t.add(
                Transition.event(
                        Transition.Kind.MAINTENANCE_ENDED,
                        at(150),
                        "rack:fra1-a02-r01",
                        "Rack FRA1-A02-R01",
                        "",
                        Severity.OK,
                        "bob",
                        null));
        t.add(
                Transition.event(
                        Transition.Kind.OUTAGE,
                        at(300),
                        "prometheus:http://prom:9090",
                        "http://prom:9090",
                        "",
                        Severity.CRIT,
                        null,
                        "cannot connect to Prometheus"));
        t.add(
                Transition.event(
                        Transition.Kind.RECOVERED,
                        at(312),
                        "prometheus:http://prom:9090",
                        "http://prom:9090",
                        "",
                        Severity.OK,
                        null,
                        null));
        j.append(t);
        j.close();
        return new Journal(dir, 3650);
    }

    /** How the test store reads: a list, or a failure. */
    interface Reader {
        List<Silence> read() throws StoreException;
    }

    static SilenceStore store(Reader reader) {
        return new SilenceStore() {
            @Override
            public List<Silence> read() throws StoreException {
                return reader.read();
            }

            @Override
            public Silence create(Silence s) throws StoreException {
                throw new StoreException(StoreException.Kind.REJECTED, "read only");
            }

            @Override
            public void end(String id, Instant at) {}

            @Override
            public Silence update(Silence s) {
                return s;
            }

            @Override
            public void delete(String id) {}

            @Override
            public String describe() {
                return "a test store";
            }
        };
    }

    static Silence ending(String id, Silence.Kind kind, String target, String by, Instant ends) {
        return new Silence(
                id,
                kind,
                List.of(),
                Target.parse(target).orElseThrow(),
                Silence.Effect.BADGE,
                by,
                "PDU swap",
                START,
                START,
                ends,
                null,
                null);
    }

    @Test
    void everySectionSaysWhatTheNextShiftMustKnow(@TempDir Path dir) throws Exception {
        Journal j = journal(dir.resolve("journal"));
        List<Silence> silences =
                List.of(
                        ending(
                                "m1",
                                Silence.Kind.MAINTENANCE,
                                "rack:fra1-a02-r01",
                                "bob",
                                END.plus(Duration.ofHours(2))),
                        ending(
                                "m2",
                                Silence.Kind.MAINTENANCE,
                                "rack:fra1-a02-r02",
                                "bob",
                                END.plus(Duration.ofHours(9))));
        List<String> drawn = new ArrayList<>();
        Handover.Written w =
                Handover.write(
                        CFG.topology(),
                        "Demo DC",
                        j,
                        store(() -> silences),
                        START,
                        END,
                        Duration.ofHours(4),
                        dir.resolve("out"),
                        (view, when, file) -> {
                            drawn.add(view + " at " + when);
                            try {
                                Files.write(file, new byte[] {1});
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            return true;
                        },
                        ZoneOffset.UTC);
        String html = Files.readString(w.page());
        assertTrue(html.contains("<h2>Still failing, nobody on it <span>(2)</span>"), html);
        assertTrue(html.contains("Node reachable"));
        assertTrue(html.contains("<h2>Acknowledged <span>(1)</span>"), html);
        assertTrue(html.contains("<td>erin at 06:35</td><td>fan swap at 14:00</td>"), html);
        assertTrue(
                html.contains("<h2>Resolved <span>(2)</span>"),
                "cn0001, and the flapping one that ended clear");
        assertTrue(html.contains("<td>06:40</td><td>07:10</td><td>30m</td>"), html);
        assertTrue(
                html.contains(
                        "<h2>Ending soon (maintenances and acknowledgements) <span>(1)</span>"),
                html);
        assertTrue(html.contains("rack fra1-a02-r01") && !html.contains("fra1-a02-r02"), html);
        assertTrue(html.contains("<h2>Flapping <span>(1)</span>"));
        assertTrue(html.contains("<h2>Prometheus outages <span>(1)</span>"));
        assertTrue(
                html.contains(
                        "<td>http://prom:9090</td><td>11:00</td><td>11:12</td><td>cannot connect to Prometheus</td>"),
                html);
        // a maintenance handed back is still failing and nobody's: among the unhandled, as CRIT now
        assertFalse(html.contains("reboot"), "the maintenance of i-again ended: " + html);
        assertTrue(html.contains("<img src=\"incident-1.png\""), html);
        assertTrue(drawn.get(0).startsWith("rack:fra1-a01-r03 at "), drawn.toString());
        assertEquals(w.pictures(), drawn.size());
        assertTrue(w.notes().isEmpty(), w.notes().toString());
        assertTrue(html.contains("no Prometheus was asked"));
    }

    @Test
    void aStoreThatCannotBeReadIsSaidAndTheRestIsWritten(@TempDir Path dir) throws Exception {
        SilenceStore broken =
                store(
                        () -> {
                            throw new StoreException(
                                    StoreException.Kind.UNREACHABLE,
                                    "Alertmanager http://am:9093 is not reachable");
                        });
        Handover.Written w =
                Handover.write(
                        CFG.topology(),
                        "Demo <DC>",
                        journal(dir.resolve("journal")),
                        broken,
                        START,
                        END,
                        Duration.ofHours(4),
                        dir.resolve("out"),
                        Handover.Pictures.NONE,
                        ZoneOffset.UTC);
        String html = Files.readString(w.page());
        assertTrue(
                html.contains(
                        "acknowledgements and maintenances not read: Alertmanager http://am:9093 is not reachable"),
                html);
        assertTrue(html.contains("Shift handover — Demo &lt;DC&gt;"), "escaped");
        assertTrue(html.contains("<h2>Still failing, nobody on it <span>(2)</span>"));
        assertEquals(0, w.pictures());
    }
}
