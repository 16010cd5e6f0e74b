package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WholeReadTest {
    private static final String M = "\"" + WholeRead.MARKER + "\"";

    private static Optional<String> whole(String expr, String label) {
        return WholeRead.of(expr.replace("$own", M), label);
    }

    @Test
    void aSelectorLosesOnlyTheMatcherThatNamesTheEntities() {
        assertEquals(Optional.of("up{}"), whole("up{instance=~$own}", "instance"));
        assertEquals(
                Optional.of("up{job=~\"node.*\"}"),
                whole("up{job=~\"node.*\", instance=~$own}", "instance"));
        assertEquals(
                Optional.of("infiniband_port_state{state!=\"active\"}"),
                whole("infiniband_port_state{instance=~$own,state!=\"active\"}", "instance"));
    }

    @Test
    void aggregationsKeepingTheEntityLabelAndSeriesBySeriesFunctionsAreReadWhole() {
        assertEquals(
                Optional.of("sum by (rack_id) (pdu_watt{inletid=\"I1\"})"),
                whole("sum by (rack_id) (pdu_watt{rack_id=~$own,inletid=\"I1\"})", "rack_id"));
        assertEquals(
                Optional.of("rate(a{}[5m]) + rate(b{}[5m])"),
                whole("rate(a{instance=~$own}[5m]) + rate(b{instance=~$own}[5m])", "instance"));
        assertEquals(
                Optional.of("max_over_time(t{}[10m:1m] offset 1m) > bool 1e3"),
                whole("max_over_time(t{instance=~$own}[10m:1m] offset 1m) > bool 1e3", "instance"));
    }

    @Test
    void whatMixesEntitiesTogetherIsNotReadWhole() {
        String[] mixing = {
            "sum(up{instance=~$own})",
            "sum(up{instance=~$own}) by (instance)",
            "max by (job) (up{instance=~$own})",
            "max without (job) (up{instance=~$own})",
            "up{instance=~$own} * on(instance) group_left node_info{instance=~$own}",
            "a{instance=~$own} / ignoring(cpu) b{instance=~$own}",
            "a{instance=~$own} / b",
            "a{instance=~$own} / b{job=\"x\"}",
            "absent(up{instance=~$own})",
            "label_replace(up{instance=~$own}, \"instance\", \"$1\", \"host\", \"(.*)\")",
            "topk by (instance) (1, up{instance=~$own})",
            "{instance=~$own}",
            "up{instance=$own}",
            "up{host=~$own}",
            "up{instance=~$own} - scalar(x{instance=~$own})",
        };
        for (String e : mixing) {
            assertTrue(whole(e, "instance").isEmpty(), e);
        }
    }
}
