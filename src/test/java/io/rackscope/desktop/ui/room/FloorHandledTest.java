package io.rackscope.desktop.ui.room;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.AlertLabels;
import io.rackscope.desktop.handling.FileStore;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Snapshots;
import io.rackscope.desktop.ui.ViewOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor keeps a handled rack's true colour and marks it handled. */
class FloorHandledTest {
    @TempDir Path dir;

    /** Two nodes down in different racks of hall A, a handling service on files. */
    static final class Fixture {
        final RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        final HealthFeed feed = new HealthFeed(null, Runnable::run);
        final HandlingService handling;
        final HealthSnapshot snapshot =
                new Snapshots(cfg)
                        .at(
                                1,
                                problem("node_up", "cn0165", Severity.CRIT, 0),
                                problem("node_up", "cn0001", Severity.CRIT, 0));

        Fixture(Path dir) {
            handling =
                    new HandlingService(
                            new FileStore(dir),
                            new AlertLabels(cfg.topology(), "instance"),
                            Clock.systemUTC());
        }
    }

    @Test
    void aRackWhoseAlertsAreAllAcknowledgedStaysRedAndIsMarkedHandled() {
        Fixture f = new Fixture(dir);
        RackscopeConfig cfg = f.cfg;
        HealthFeed feed = f.feed;
        HandlingService h = f.handling;
        HealthSnapshot s = f.snapshot;
        RoomFloorViewModel floor =
                new RoomFloorViewModel(
                        cfg,
                        cfg.topology().room("fra1", "hall-a").orElseThrow(),
                        feed,
                        new NavigationModel(),
                        new ViewOptions(),
                        null,
                        Clock.systemUTC());
        feed.publish(s);
        String acked = cfg.topology().instance("cn0165").orElseThrow().rack().id();
        String other = cfg.topology().instance("cn0001").orElseThrow().rack().id();
        assertFalse(floor.rack(acked).get().handled());
        h.acknowledge(
                s.alerts().stream()
                        .filter(a -> a.entity().equals("cn0165"))
                        .findFirst()
                        .orElseThrow(),
                "carol",
                "on it",
                null);
        feed.publish(h.apply(feed.current(), false));
        RackStatus st = floor.rack(acked).get();
        assertTrue(st.handled());
        assertEquals(Severity.CRIT, st.severity(), "the floor never lies: still CRIT");
        assertFalse(floor.rack(other).get().handled());
        QuickLook look = floor.quickLook(cfg.topology().instance("cn0165").orElseThrow().rack());
        assertEquals(Severity.CRIT, look.state(), "the quick look keeps the true colour");
        assertEquals("carol", look.handled().by());
        assertTrue(
                floor.handledText(look.handled()).startsWith("Acknowledged by carol at "),
                floor.handledText(look.handled()));
        assertTrue(
                look.failing().stream().allMatch(l -> l.endsWith("(ack carol)")),
                look.failing().toString());
        assertEquals(
                null,
                floor.quickLook(cfg.topology().instance("cn0001").orElseThrow().rack()).handled());
        assertTrue(
                io.rackscope.desktop.ui.RackTally.of(
                                feed.current(),
                                cfg.topology().site("fra1").orElseThrow().rooms().stream()
                                        .flatMap(io.rackscope.desktop.topology.Room::racks))
                        .endsWith(" · 1 handled"),
                "site and world cards count handled racks");
    }

    @Test
    void aRackChecksRowSaysWhoHandlesItsAlert() {
        Fixture f = new Fixture(dir);
        RackscopeConfig cfg = f.cfg;
        io.rackscope.desktop.topology.Rack rack =
                cfg.topology().instance("cn0165").orElseThrow().rack();
        HealthSnapshot s =
                new Snapshots(cfg).at(1, problem("rack_pdu_load", rack.id(), Severity.WARN, 91));
        f.feed.publish(s);
        io.rackscope.desktop.ui.rack.RackElevationViewModel vm =
                new io.rackscope.desktop.ui.rack.RackElevationViewModel(
                        cfg,
                        rack,
                        f.feed,
                        new NavigationModel(),
                        new ViewOptions(),
                        Clock.systemUTC(),
                        io.rackscope.desktop.live.AlertHandling.NONE,
                        io.rackscope.desktop.ui.SampleTimes.NONE,
                        io.rackscope.desktop.ui.EstateEditing.NONE);
        assertEquals("", vm.rackCheckHandled("rack_pdu_load"));
        f.handling.acknowledge(
                s.alerts().stream()
                        .filter(a -> a.check().equals("rack_pdu_load"))
                        .findFirst()
                        .orElseThrow(),
                "erin",
                "load shed planned",
                null);
        f.feed.publish(f.handling.apply(f.feed.current(), false));
        String note = vm.rackCheckHandled("rack_pdu_load");
        assertTrue(
                note.startsWith("Acknowledged by erin") && note.endsWith("load shed planned"),
                note);
    }

    @Test
    void aRightClickOnARackAcknowledgesItsIncidentsOrPutsItUnderMaintenance() {
        Fixture f = new Fixture(dir);
        RackscopeConfig cfg = f.cfg;
        HealthFeed feed = f.feed;
        HandlingService h = f.handling;
        HealthSnapshot s = f.snapshot;
        feed.publish(s);
        HealthSnapshot raw = feed.current();
        RoomFloorViewModel floor =
                new RoomFloorViewModel(
                        cfg,
                        cfg.topology().room("fra1", "hall-a").orElseThrow(),
                        feed,
                        new NavigationModel(),
                        new ViewOptions(),
                        null,
                        Clock.systemUTC(),
                        new io.rackscope.desktop.ui.DirectHandling(h, feed, () -> raw),
                        io.rackscope.desktop.ui.EstateEditing.NONE);
        var rack = cfg.topology().instance("cn0165").orElseThrow().rack();
        var other = cfg.topology().instance("cn0001").orElseThrow().rack();
        assertTrue(floor.handling().enabled());
        floor.handling().acknowledge(a -> rack.id().equals(a.rack()), "on it", null);
        assertTrue(floor.rack(rack.id()).get().handled());
        assertEquals("node:cn0165", h.silences().get(0).ack().subject());
        floor.handling()
                .maintain(
                        new io.rackscope.desktop.handling.Target(
                                io.rackscope.desktop.handling.Target.Type.RACK, other.id()),
                        "PSU swap",
                        io.rackscope.desktop.handling.Silence.Effect.BADGE,
                        null);
        assertTrue(floor.rack(other.id()).get().handled());
        assertEquals(
                List.of("node:cn0165", "rack:" + other.id()),
                h.silences().stream().map(x -> x.scope()).sorted().toList());
    }

    @Test
    void theWallboardHatchesAHandledNodeAndKeepsItsState() {
        Fixture f = new Fixture(dir);
        f.feed.publish(f.snapshot);
        var wall =
                new io.rackscope.desktop.ui.wallboard.WallboardViewModel(
                        f.cfg,
                        new io.rackscope.desktop.ui.Locator(f.cfg.topology()),
                        java.util.List.copyOf(f.cfg.topology().rooms()),
                        f.feed,
                        new NavigationModel(),
                        new ViewOptions(),
                        Clock.systemUTC());
        int cell =
                java.util.stream.IntStream.range(0, wall.size())
                        .filter(i -> wall.id(i).equals("cn0165"))
                        .findFirst()
                        .orElseThrow();
        assertFalse(wall.handled(cell));
        f.handling.acknowledge(
                f.snapshot.alerts().stream()
                        .filter(a -> a.entity().equals("cn0165"))
                        .findFirst()
                        .orElseThrow(),
                "carol",
                "on it",
                null);
        f.feed.publish(f.handling.apply(f.feed.current(), false));
        assertTrue(wall.handled(cell));
        assertEquals(Severity.CRIT, wall.state(cell));
    }
}
