package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The colour-vision-safe palette tells every pair of states apart for the common colour-vision
 * deficiencies: each pair of the six state colours (OK, WARN, CRIT, UNKNOWN, STALE, INFO) is at
 * least {@link #THRESHOLD} apart (CIE76 Delta E in CIELAB, D65) under normal vision and under
 * simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity
 * 1.0, applied to linear RGB), in both themes. The usual palette falls to about 4 between STALE and
 * INFO under deuteranopia: that is what the safe one is for.
 */
class ColourVisionTest {
    /** Clearly different at a glance (2.3 is a just-noticeable difference). */
    static final double THRESHOLD = 30;

    static final Map<String, double[][]> VISION =
            Map.of(
                    "normal vision",
                    new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                    "protanopia",
                    new double[][] {
                        {0.152286, 1.052583, -0.204868},
                        {0.114503, 0.786281, 0.099216},
                        {-0.003882, -0.048116, 1.051998}
                    },
                    "deuteranopia",
                    new double[][] {
                        {0.367322, 0.860646, -0.227968},
                        {0.280085, 0.672501, 0.047413},
                        {-0.011820, 0.042940, 0.968881}
                    },
                    "tritanopia",
                    new double[][] {
                        {1.255528, -0.076749, -0.178779},
                        {-0.078411, 0.930809, 0.147602},
                        {0.004733, 0.691367, 0.303900}
                    });

    static final List<String> STATES =
            List.of("sev-ok", "sev-warn", "sev-crit", "sev-unknown", "sev-stale", "sev-info");

    static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** {@code c} as seen with {@code vision}, in CIELAB. */
    static double[] lab(Color c, double[][] vision) {
        double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        double[] seen = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = 0;
            for (int j = 0; j < 3; j++) {
                v += vision[i][j] * rgb[j];
            }
            seen[i] = Math.max(0, Math.min(1, v));
        }
        double x = 0.4124 * seen[0] + 0.3576 * seen[1] + 0.1805 * seen[2];
        double y = 0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2];
        double z = 0.0193 * seen[0] + 0.1192 * seen[1] + 0.9505 * seen[2];
        double fx = f(x / 0.95047);
        double fy = f(y);
        double fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    /** Every pair under every vision closer than the threshold, said. */
    static List<String> tooClose(Palette p) {
        return tooClose(p, STATES, THRESHOLD);
    }

    static double deltaE(Color x, Color y, double[][] vision) {
        double[] a = lab(x, vision);
        double[] b = lab(y, vision);
        return Math.sqrt(
                Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    static List<String> tooClose(Palette p, List<String> states, double threshold) {
        List<String> out = new ArrayList<>();
        for (var v : VISION.entrySet()) {
            for (int i = 0; i < states.size(); i++) {
                for (int j = i + 1; j < states.size(); j++) {
                    double de =
                            deltaE(
                                    p.token("-" + states.get(i)),
                                    p.token("-" + states.get(j)),
                                    v.getValue());
                    if (de < threshold) {
                        out.add(
                                String.format(
                                        "%s/%s under %s: %.1f",
                                        states.get(i), states.get(j), v.getKey(), de));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theSafePaletteTellsEveryPairOfStatesApartUnderEachDeficiencyInBothThemes() {
        for (Theme theme : Theme.values()) {
            List<String> close = tooClose(Palette.of(theme, ColourScheme.SAFE));
            assertTrue(close.isEmpty(), theme + ": " + close);
        }
    }

    @Test
    void theQuietWallKeepsTheSafeColoursForWhatIsWrongAndCalmRecedesButStaysVisible() {
        for (Theme theme : Theme.values()) {
            Palette quiet = Palette.of(theme, ColourScheme.QUIET);
            List<String> wrong = STATES.stream().filter(s -> !s.equals("sev-ok")).toList();
            assertTrue(
                    tooClose(quiet, wrong, THRESHOLD).isEmpty(),
                    theme + " " + tooClose(quiet, wrong, THRESHOLD));
            // calm: a muted grey, told from every other state and from the window behind it
            List<String> withCalm =
                    new ArrayList<>(List.of("sev-ok", "surface-window", "aisle-band"));
            withCalm.addAll(wrong);
            List<String> close =
                    tooClose(quiet, withCalm, 15).stream()
                            .filter(
                                    s ->
                                            s.startsWith("sev-ok/")
                                                    || s.startsWith("surface-window/sev-ok"))
                            .toList();
            assertTrue(close.isEmpty(), theme + ": " + close);
        }
    }

    @Test
    void theUsualPaletteIsWhyTheSafeOneExists() {
        // the measure itself must be able to fail: STALE and INFO merge under deuteranopia
        List<String> close = tooClose(Palette.of(Theme.DARK, ColourScheme.STANDARD));
        assertTrue(
                close.stream().anyMatch(s -> s.startsWith("sev-stale/sev-info under deuteranopia")),
                close.toString());
    }
}
