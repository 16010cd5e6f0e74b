package io.rackscope.desktop.ui.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Place;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A playlist entry's own duration, else the playlist's interval. */
class PlaylistDurationTest {
    @Test
    void eachViewStaysForItsOwnSeconds() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
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
