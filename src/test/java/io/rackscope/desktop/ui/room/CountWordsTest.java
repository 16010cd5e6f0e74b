package io.rackscope.desktop.ui.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.ui.Formats;
import org.junit.jupiter.api.Test;

/** Counts read with their own nouns: no mixed units, no "1 racks". */
class CountWordsTest {
    @Test
    void anAisleSummaryNamesWhatEachCountCounts() {
        assertEquals("75 CRIT nodes · 1 rack UNKNOWN", RoomFloorViewModel.aisleSummary(75, 0, 1));
        assertEquals(
                "1 CRIT node · 2 WARN nodes · 3 racks UNKNOWN",
                RoomFloorViewModel.aisleSummary(1, 2, 3));
    }

    @Test
    void oneIsSingular() {
        assertEquals("1 rack", Formats.count(1, "rack"));
        assertEquals("0 racks", Formats.count(0, "rack"));
        assertEquals("2 aisles", Formats.count(2, "aisle"));
    }
}
