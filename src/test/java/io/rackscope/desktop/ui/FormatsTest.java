package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatsTest {
    /** The formatter-per-call way the values were written before, which the fast one must match. */
    private static String byFormatter(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 0.01 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return a >= 100
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    @Test
    void valuesAreWrittenAsTheFormatterWroteThem() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double v =
                    switch (i % 4) {
                        case 0 -> random.nextDouble() * 200 - 100;
                        case 1 -> Math.round(random.nextDouble() * 100_000) / 1000.0;
                        case 2 -> (random.nextInt(2_000_000) - 1_000_000) / 8.0;
                        default -> random.nextInt(20_000) / 100.0 + 0.005;
                    };
            assertEquals(byFormatter(v), Formats.value(v), "for " + v);
        }
    }

    @Test
    void roundingAndEdges() {
        assertEquals("1.01", Formats.value(1.005));
        assertEquals("100", Formats.value(99.999));
        assertEquals("10", Formats.value(10.0));
        assertEquals("10.5", Formats.value(10.5));
        assertEquals("-3", Formats.value(-2.5 - 0.25 * 2));
        assertEquals("101", Formats.value(100.5));
        assertEquals("-101", Formats.value(-100.5));
        assertEquals("0", Formats.value(0.0));
        assertEquals("0", Formats.value(-0.0));
        assertEquals("—", Formats.value(Double.NaN));
        assertEquals("+Inf", Formats.value(Double.POSITIVE_INFINITY));
        assertEquals("1.23e+06", Formats.value(1_234_567));
        assertEquals("0.00500", Formats.value(0.005));
    }
}
