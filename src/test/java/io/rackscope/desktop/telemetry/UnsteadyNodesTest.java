package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnsteadyNodesTest {
    private static final long MINUTE = 60_000;

    @Test
    void aNodeSeenMovingOnceIsForgottenAfterFiveMinutes() {
        UnsteadyNodes nodes = new UnsteadyNodes();
        nodes.moved(List.of("n01", "n02"), 0);
        nodes.moved(List.of("n02"), 30_000);
        assertEquals(List.of("n02", "n01"), nodes.latestFirst(5 * MINUTE));
        assertEquals(List.of("n02"), nodes.latestFirst(5 * MINUTE + 1));
        assertEquals(List.of(), nodes.latestFirst(5 * MINUTE + 30_001));
    }

    @Test
    void aNodeSeenMovingInThreeCyclesIsRememberedHalfAnHour() {
        UnsteadyNodes nodes = new UnsteadyNodes();
        nodes.moved(List.of("flapping", "once"), 0);
        nodes.moved(List.of("flapping"), 30_000);
        nodes.moved(List.of("flapping"), 60_000);
        assertEquals(List.of("flapping"), nodes.latestFirst(30 * MINUTE + 60_000));
        assertEquals(List.of(), nodes.latestFirst(30 * MINUTE + 60_001));
    }

    @Test
    void movesAreCountedOnceACycleAndForgottenWithTheNode() {
        UnsteadyNodes nodes = new UnsteadyNodes();
        nodes.moved(List.of("n01"), 0);
        nodes.moved(List.of("n01"), 0);
        nodes.moved(List.of("n01"), 30_000);
        // two cycles: not flapping
        assertEquals(List.of(), nodes.latestFirst(30_000 + 5 * MINUTE + 1));
        // forgotten, it starts counting again
        nodes.moved(List.of("n01"), 20 * MINUTE);
        assertEquals(List.of(), nodes.latestFirst(25 * MINUTE + 1));
    }
}
