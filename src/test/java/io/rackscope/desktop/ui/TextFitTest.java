package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
