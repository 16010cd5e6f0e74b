package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text form of places, as playlists, --view and render write them. */
class PlaceTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));
    final Locator locator = new Locator(CFG.topology());

    @Test
    void theAlertsPageTakesAScopeLikeTheWallboard() {
        for (String text : List.of("alerts", "alerts:fra1", "alerts:fra1/hall-a")) {
            Place p = Place.parse(text).orElseThrow();
            assertEquals(Place.Kind.ALERTS, p.kind());
            assertEquals(text, p.text(), "round trip");
            assertTrue(locator.exists(p), text);
        }
        assertEquals(Place.of(Place.Kind.ALERTS, ""), Place.parse("alerts:all").orElseThrow());
        assertFalse(locator.exists(Place.parse("alerts:nowhere").orElseThrow()));
        assertEquals(
                List.of("World", "Frankfurt FRA1", "Hall A - Compute", "Alerts"),
                locator.breadcrumb(Place.parse("alerts:fra1/hall-a").orElseThrow()).stream()
                        .map(Locator.Crumb::label)
                        .toList());
    }
}
