package io.rackscope.desktop.ui.wallboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Snapshots;
import io.rackscope.desktop.ui.ViewOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wallboard's top incidents and how its grid uses the screen. */
class WallboardTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));

    @Test
    void topIncidentsAreEachListedOnceWithTheirSeverityTitleAndThePanelsCount() {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        List<Snapshots.Problem> problems = new ArrayList<>();
        List<String> rack =
                CFG.topology().instances().stream()
                        .filter(p -> p.rack().id().equals("fra1-a01-r05"))
                        .map(InstancePath::instanceId)
                        .toList();
        rack.forEach(n -> problems.add(Snapshots.problem("node_up", n, Severity.CRIT, 0)));
        rack.forEach(
                n -> problems.add(Snapshots.problem("node_temperature", n, Severity.WARN, 80)));
        problems.add(Snapshots.problem("node_temperature", "cn0001", Severity.WARN, 79));
        feed.publish(new Snapshots(CFG).at(1, problems.toArray(Snapshots.Problem[]::new)));
        WallboardViewModel wall =
                new WallboardViewModel(
                        CFG,
                        new Locator(CFG.topology()),
                        List.copyOf(CFG.topology().rooms()),
                        feed,
                        new NavigationModel(),
                        new ViewOptions(),
                        Clock.systemUTC());
        List<WallboardViewModel.TopIncident> top = wall.summaryProperty().get().topIncidents();
        assertEquals(
                top.size(),
                top.stream().map(WallboardViewModel.TopIncident::key).distinct().count(),
                "each once: " + top);
        WallboardViewModel.TopIncident first = top.get(0);
        assertEquals(Severity.CRIT, first.severity());
        assertTrue(first.title().startsWith("Rack ") && !first.title().startsWith("Rack Rack"));
        assertEquals(rack.size(), first.count(), "its failing nodes, as the panel counts them");
    }

    @Test
    void onTheQuietWallOnlyANewCritNobodyAnsweredFlashes() {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        Snapshots snaps = new Snapshots(CFG);
        feed.publish(snaps.at(1));
        ViewOptions options = new ViewOptions();
        WallboardViewModel wall =
                new WallboardViewModel(
                        CFG,
                        new Locator(CFG.topology()),
                        List.copyOf(CFG.topology().rooms()),
                        feed,
                        new NavigationModel(),
                        options,
                        Clock.systemUTC());
        feed.publish(
                snaps.at(
                        2,
                        Snapshots.problem("node_up", "cn0001", Severity.CRIT, 0),
                        Snapshots.problem("node_temperature", "cn0002", Severity.WARN, 80)));
        int crit = index(wall, "cn0001");
        int warn = index(wall, "cn0002");
        long tenMinutes = 600_000;
        assertEquals(false, wall.flashing(crit, tenMinutes), "not on the usual colours");
        options.coloursProperty().set(io.rackscope.desktop.ui.ColourScheme.QUIET);
        assertTrue(wall.flashing(crit, tenMinutes));
        assertEquals(false, wall.flashing(warn, tenMinutes), "a WARN does not flash");
        assertEquals(false, wall.flashing(index(wall, "cn0003"), tenMinutes), "calm does not");
        assertEquals(false, wall.flashing(crit, 0), "no longer new");
    }

    static int index(WallboardViewModel wall, String id) {
        for (int i = 0; i < wall.size(); i++) {
            if (wall.id(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void aWideScreenIsFilledNotItsLeftHalf() {
        List<io.rackscope.desktop.topology.Room> rooms = List.copyOf(CFG.topology().rooms());
        int total =
                (int)
                        rooms.stream()
                                .flatMap(io.rackscope.desktop.topology.Room::racks)
                                .flatMap(r -> r.devices().stream())
                                .mapToLong(d -> Math.max(1, d.instances().size()))
                                .sum();
        WallboardLayout wide = WallboardLayout.fit(rooms, total, 1290, 960, 1.0);
        double right = 0;
        for (WallboardLayout.Block b : wide.blocks) {
            right = Math.max(right, b.x() + wide.columns * wide.pitch);
        }
        assertTrue(wide.fits);
        assertTrue(right > 0.8 * 1290, "the grid reaches " + right + " of 1290 px");
    }

    @Test
    void cellsTooSmallToReadFromAcrossTheRoomArePagedNotShrunk(
            @org.junit.jupiter.api.io.TempDir Path dir) {
        new io.rackscope.desktop.simulator.TopologyGenerator(14_000, 6).write(dir);
        RackscopeConfig big = new ConfigLoader().load(dir);
        List<io.rackscope.desktop.topology.Room> rooms = List.copyOf(big.topology().rooms());
        int total = big.topology().instances().size();
        WallboardLayout all = WallboardLayout.fit(rooms, total, 1500, 900, 1.0);
        assertTrue(all.cell < 12, "all at once: " + all.cell + " px");
        List<List<io.rackscope.desktop.topology.Room>> pages =
                WallboardLayout.pages(rooms, total, 1500, 900, 1.0, 12);
        assertTrue(pages.size() > 1, pages.size() + " page(s)");
        assertEquals(
                rooms, pages.stream().flatMap(List::stream).toList(), "each room once, in order");
        for (List<io.rackscope.desktop.topology.Room> page : pages) {
            WallboardLayout l =
                    WallboardLayout.fit(rooms, java.util.Set.copyOf(page), total, 1500, 900, 1.0);
            assertTrue(l.fits);
            assertTrue(
                    l.cell >= 12 || page.size() == 1, page.size() + " rooms at " + l.cell + " px");
            long shown =
                    java.util.Arrays.stream(l.x)
                            .filter(x -> x != WallboardLayout.ELSEWHERE)
                            .count();
            long onPage =
                    page.stream()
                            .flatMap(io.rackscope.desktop.topology.Room::racks)
                            .mapToLong(WallboardLayout::nodes)
                            .sum();
            assertEquals(onPage, shown, "the page's cells, and no other, are on the canvas");
        }
        assertEquals(
                1, WallboardLayout.pages(rooms, total, 1500, 900, 1.0, 0).size(), "off: one page");
    }
}
