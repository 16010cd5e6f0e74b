package io.rackscope.desktop.ui.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Place;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A playlist entry's own duration, else the playlist's interval; a CRIT takes the screen once per
 * incident and never twice from the same turn.
 */
class PlaylistTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));

    private static Incident crit(String node) {
        return new Incident(
                "node:" + node,
                "node:" + node,
                Incident.Level.NODE,
                node,
                node,
                node,
                Severity.CRIT,
                Map.of("node_up", 1),
                List.of(node),
                1,
                1,
                null,
                false,
                0);
    }

    private static PlaylistViewModel rotation(NavigationModel nav) {
        PlaylistViewModel p =
                new PlaylistViewModel(
                        new Locator(CFG.topology()),
                        nav,
                        List.of(
                                AppConfig.Playlist.Entry.of("wallboard"),
                                AppConfig.Playlist.Entry.of("room:fra1/hall-a")),
                        10,
                        5);
        p.start();
        return p;
    }

    private static void ticks(PlaylistViewModel p, int n) {
        for (int i = 0; i < n; i++) {
            p.tick();
        }
    }

    @Test
    void aFlappingNodeTakesTheScreenOnce() {
        NavigationModel nav = new NavigationModel();
        PlaylistViewModel p = rotation(nav);
        p.onNewIncidents(List.of(crit("cn0865")));
        assertEquals(Place.Kind.RACK, nav.current().kind(), "the first time it jumps");
        ticks(p, 5 + 10 + 10);
        for (int flap = 0; flap < 6; flap++) {
            p.onNewIncidents(List.of(crit("cn0865")));
            assertFalse(nav.current().kind() == Place.Kind.RACK, "flap " + flap + " does not");
            ticks(p, 10);
        }
        p.onNewIncidents(List.of(crit("cn0165")));
        assertEquals(Place.Kind.RACK, nav.current().kind(), "another incident still does");
    }

    @Test
    void theTurnAHoldInterruptedIsGivenBackWhole() {
        NavigationModel nav = new NavigationModel();
        PlaylistViewModel p = rotation(nav);
        ticks(p, 8);
        p.onNewIncidents(List.of(crit("cn0165")));
        ticks(p, 5);
        Place wallboard = Place.of(Place.Kind.WALLBOARD, "");
        assertEquals(wallboard, nav.current(), "back to the interrupted view");
        p.onNewIncidents(List.of(crit("cn0166")));
        assertEquals(wallboard, nav.current(), "which no new CRIT interrupts again");
        ticks(p, 9);
        assertEquals(wallboard, nav.current(), "and which has its whole 10 s");
        ticks(p, 1);
        assertEquals(Place.Kind.ROOM, nav.current().kind(), "then the rotation goes on");
        p.onNewIncidents(List.of(crit("cn0167")));
        assertEquals(Place.Kind.RACK, nav.current().kind(), "a new turn can be interrupted");
    }

    @Test
    void aHoldEndsWhenItsIncidentClearsAndSaysSo() {
        NavigationModel nav = new NavigationModel();
        PlaylistViewModel p = rotation(nav);
        ticks(p, 3);
        Incident hot = crit("cn0165");
        p.onNewIncidents(List.of(hot));
        assertEquals(Place.Kind.RACK, nav.current().kind());
        p.onIncidents(List.of(hot));
        assertEquals(Place.Kind.RACK, nav.current().kind(), "still CRIT: still held");
        p.onIncidents(List.of());
        assertEquals(Place.of(Place.Kind.WALLBOARD, ""), nav.current(), "cleared: back at once");
        assertTrue(p.captionProperty().get().startsWith("Cleared"), p.captionProperty().get());
        assertTrue(
                p.captionProperty().get().contains("Next: World › Frankfurt")
                        || p.captionProperty().get().contains("Next: Frankfurt"),
                "views by their titles, not ids: " + p.captionProperty().get());
    }

    @Test
    void eachViewStaysForItsOwnSeconds() {
        RackscopeConfig cfg = CFG;
        NavigationModel nav = new NavigationModel();
        PlaylistViewModel p =
                new PlaylistViewModel(
                        new Locator(cfg.topology()),
                        nav,
                        List.of(
                                new AppConfig.Playlist.Entry("wallboard", 7, null, 0),
                                AppConfig.Playlist.Entry.of("room:fra1/hall-a")),
                        10,
                        0);
        p.start();
        Place wallboard = Place.of(Place.Kind.WALLBOARD, "");
        for (int i = 0; i < 6; i++) {
            p.tick();
        }
        assertEquals(wallboard, nav.current(), "6 of its 7 seconds");
        p.tick();
        assertEquals(Place.Kind.ROOM, nav.current().kind(), "after 7");
        for (int i = 0; i < 9; i++) {
            p.tick();
        }
        assertEquals(Place.Kind.ROOM, nav.current().kind(), "the interval: 9 of 10 seconds");
        p.tick();
        assertEquals(wallboard, nav.current());
    }
}
