package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TextFitTest {
    /** Every character (the ellipsis too) 10 wide. */
    private static final ToDoubleFunction<String> TEN = s -> 10 * s.codePointCount(0, s.length());

    @Test
    void aTextThatFitsIsLeftWhole() {
        assertEquals("compute01", TextFit.fit("compute01", 90, TEN));
        assertEquals("", TextFit.fit("", 0, TEN));
    }

    @Test
    void aLongerTextKeepsTheLongestBeginningThatFitsWithAnEllipsis() {
        assertEquals("comp…", TextFit.fit("compute01", 50, TEN));
        assertEquals("comp…", TextFit.fit("compute01", 59, TEN));
        assertEquals("c…", TextFit.fit("compute01", 20, TEN));
    }

    @Test
    void aColumnTooNarrowShowsTheEllipsisAloneOrNothing() {
        assertEquals("…", TextFit.fit("compute01", 15, TEN));
        assertEquals("", TextFit.fit("compute01", 5, TEN));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverCutInTwo() {
        String rack = "a\uD83D\uDD25bc"; // a, a fire (two chars, one code point), b, c
        assertEquals("a…", TextFit.fit(rack, 25, TEN));
        assertEquals("a\uD83D\uDD25…", TextFit.fit(rack, 30, TEN));
    }

    @Test
    void aTextIsWrappedBetweenWordsAsALabelWrapsIt() {
        assertEquals(
                List.of("Rack A01:", "3 of 40", "nodes CRIT"),
                TextFit.wrap("Rack A01: 3 of 40 nodes CRIT", 100, TEN));
        assertEquals(List.of("short"), TextFit.wrap("short", 100, TEN));
        assertEquals(List.of(""), TextFit.wrap("", 100, TEN));
    }

    @Test
    void aWordWiderThanTheRoomIsBrokenWhereItReachesTheEdge() {
        assertEquals(
                List.of("on", "fra1-a01r", "03-c18-n0", "2"),
                TextFit.wrap("on fra1-a01r03-c18-n02", 90, TEN));
        // never less than one character a line, however narrow
        assertEquals(List.of("a", "b"), TextFit.wrap("ab", 5, TEN));
    }
}
