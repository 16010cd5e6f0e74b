package io.rackscope.desktop.ui.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeatFieldTest {
    static final List<HeatField.Source> TWO =
            List.of(new HeatField.Source(15, 15, 20), new HeatField.Source(105, 15, 40));

    @Test
    void betweenTwoRacksTheFieldRunsFromOneToTheOther() {
        HeatField f = HeatField.of(TWO, 400, 30, 10, 120);
        assertEquals(20, f.at(1, 1), 1e-9, "on a rack: its value");
        assertEquals(40, f.at(10, 1), 1e-9);
        assertEquals(30, (f.at(5, 1) + f.at(6, 1)) / 2, 1.0, "half way: about the mean");
        assertTrue(f.at(3, 1) < f.at(7, 1), "rising towards the warmer rack");
        assertEquals(20, f.min(), 1e-9);
        assertEquals(40, f.max(), 1e-9);
    }

    @Test
    void floorNoRackReachesIsNotPainted() {
        HeatField f = HeatField.of(TWO, 400, 30, 10, 120);
        assertTrue(Double.isNaN(f.at(39, 1)), "far from both racks: no value, not a guess");
        assertFalse(Double.isNaN(f.at(20, 1)));
    }

    @Test
    void aContourRunsWhereTheFieldCrossesItsLevel() {
        HeatField f = HeatField.of(TWO, 120, 30, 10, 120);
        List<double[]> at30 = f.contour(30);
        assertFalse(at30.isEmpty());
        for (double[] s : at30) {
            assertTrue(s[0] > 30 && s[0] < 90, "between the racks: " + s[0]);
        }
        assertTrue(f.contour(50).isEmpty(), "nothing reaches 50");
    }

    @Test
    void aPointTakesOnlyTheRacksOfItsOwnAisle() {
        List<HeatField.Source> rows =
                List.of(new HeatField.Source(15, 15, 20, 0), new HeatField.Source(15, 115, 40, 1));
        HeatField f = HeatField.of(rows, 30, 130, 10, 120, new double[] {15, 115});
        assertEquals(20, f.at(1, 5), 1e-9, "y 55: the first aisle's side, its rack alone");
        assertEquals(40, f.at(1, 7), 1e-9, "y 75: the second aisle's");
        HeatField open =
                HeatField.of(
                        List.of(
                                new HeatField.Source(15, 15, 20),
                                new HeatField.Source(15, 115, 40)),
                        30,
                        130,
                        10,
                        120);
        assertTrue(open.at(1, 5) > 20, "without aisles the two blend");
    }
}
