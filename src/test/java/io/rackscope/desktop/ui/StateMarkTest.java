package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMarkTest {
    static Set<Integer> shape(Tone tone, boolean stale, int size) {
        Set<Integer> out = new HashSet<>();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (StateMark.marks(tone, stale, x, y, size)) {
                    out.add(y * size + x);
                }
            }
        }
        return out;
    }

    @Test
    void eachAbnormalStateHasAShapeOfItsOwnAndCalmIsPlain() {
        Set<Integer> crit = shape(Tone.CRIT, false, 12);
        Set<Integer> warn = shape(Tone.WARN, false, 12);
        Set<Integer> unknown = shape(Tone.UNKNOWN, false, 12);
        assertFalse(crit.isEmpty());
        assertFalse(warn.isEmpty());
        assertFalse(unknown.isEmpty());
        assertNotEquals(crit, warn);
        assertNotEquals(warn, unknown);
        assertTrue(shape(Tone.OK, false, 12).isEmpty());
        assertTrue(shape(Tone.INFO, false, 12).isEmpty());
        // a triangle: wider at its base than at its apex
        int top = 12 * 3;
        long apexRow = crit.stream().filter(i -> i / 12 == 3).count();
        long baseRow = crit.stream().filter(i -> i / 12 == 8).count();
        assertTrue(baseRow > apexRow + 2, apexRow + " / " + baseRow + " from row " + top / 12);
    }

    @Test
    void aStaleCellHasADashedEdgeAndASmallCellNoMarkAtAll() {
        Set<Integer> stale = shape(Tone.OK, true, 10);
        assertTrue(stale.contains(0), "the edge is dashed");
        assertFalse(stale.containsAll(Set.of(0, 1, 2, 3)), "dashed, not solid");
        assertEquals(Set.of(), shape(Tone.CRIT, true, StateMark.MIN - 1));
    }
}
