package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTextTest {
    private static final String DEVICE =
            """
            id: gpu-4u
            u_height: 4
            display_thresholds:
              warn: 70   # the general ones stay
              crit: 85
              gpu_temp: {warn: 80, crit: 90}
            """;

    @Test
    void theThresholdsByIdAreRowsAndTheGeneralOnesAreNot() {
        assertEquals(
                List.of(new ThresholdsText.Threshold("gpu_temp", "80", "90")),
                ThresholdsText.read(DEVICE));
    }

    @Test
    void rowsAreWrittenEntryByEntryAndAnEntryLeftOutGoes() {
        String out =
                ThresholdsText.with(
                        DEVICE,
                        List.of(
                                new ThresholdsText.Threshold("gpu_temp", "82", ""),
                                new ThresholdsText.Threshold("node_power", "", "900"),
                                new ThresholdsText.Threshold("", "1", "2")));
        assertEquals(
                List.of(
                        new ThresholdsText.Threshold("gpu_temp", "82", ""),
                        new ThresholdsText.Threshold("node_power", "", "900")),
                ThresholdsText.read(out));
        assertEquals(true, out.contains("  warn: 70   # the general ones stay\n"), out);
        String none = ThresholdsText.with(out, List.of());
        assertEquals(List.of(), ThresholdsText.read(none));
        assertEquals(
                "id: gpu-4u\nu_height: 4\ndisplay_thresholds:\n  warn: 70   # the general ones"
                        + " stay\n  crit: 85\n",
                none);
        String bare =
                ThresholdsText.with("id: x\n", List.of(new ThresholdsText.Threshold("t", "1", "")));
        assertEquals(
                List.of(new ThresholdsText.Threshold("t", "1", "")), ThresholdsText.read(bare));
    }

    @Test
    void aThresholdThatIsNotANumberIsRefused() {
        assertThrows(
                EditRefused.class,
                () ->
                        ThresholdsText.with(
                                DEVICE, List.of(new ThresholdsText.Threshold("t", "hot", ""))));
    }
}
