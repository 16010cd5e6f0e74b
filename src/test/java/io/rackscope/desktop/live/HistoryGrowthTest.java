package io.rackscope.desktop.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryGrowthTest {
    static final Instant T = Instant.parse("2026-12-06T05:00:00Z");

    @Test
    void onlyAServerWhoseHistoryNowBeginsEarlierGivesItsFormerStart() {
        HistoryGrowth g = new HistoryGrowth();
        assertEquals(List.of(), g.movedBack(Map.of("a", T, "b", T.plusSeconds(60))), "first look");
        assertEquals(
                List.of(T.plusSeconds(60)),
                g.movedBack(Map.of("a", T.plusSeconds(30), "b", T.minusSeconds(3600))),
                "b was backfilled; a's history starting later (a fresh store) asks nothing again");
        assertEquals(List.of(), g.movedBack(Map.of("b", T.minusSeconds(3600))), "a silent");
        assertEquals(
                List.of(T.plusSeconds(30)),
                g.movedBack(Map.of("a", T.minusSeconds(60))),
                "a server keeps its last known start while it does not say");
    }
}
