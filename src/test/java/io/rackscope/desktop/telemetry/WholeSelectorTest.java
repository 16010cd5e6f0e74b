package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rackscope.desktop.promql.Placeholder;
import org.junit.jupiter.api.Test;

/**
 * Which checks can be read for every entity in one query: one vector selector whose only
 * placeholder is the entities' own regex matcher, dropped; anything that could mix entities is not.
 */
class WholeSelectorTest {
    private static String whole(String expr) {
        return CheckQueries.whole(expr, Placeholder.INSTANCE, "instance");
    }

    @Test
    void theEntitiesMatcherIsDroppedAndTheOthersKept() {
        assertEquals("up{}", whole("up{instance=~\"$instances\"}"));
        assertEquals(
                "node_temp{job=\"node\",sensor!~\"cpu.*\"}",
                whole("node_temp{job=\"node\", instance=~\"$instances\" ,sensor!~\"cpu.*\"}"));
        assertEquals("x{}", whole(" x { instance =~ \"$instance\" , } "));
        assertEquals(
                "chassis_psu_ok{}",
                CheckQueries.whole(
                        "chassis_psu_ok{chassis_id=~\"$chassis\"}",
                        Placeholder.CHASSIS,
                        "chassis_id"));
    }

    @Test
    void anythingButOneSelectorOfItsOwnEntitiesIsReadInBatches() {
        assertNull(whole("sum(up{instance=~\"$instances\"})"), "an aggregation mixes entities");
        assertNull(whole("rate(x{instance=~\"$instances\"}[5m])"));
        assertNull(whole("up{instance=~\"$instances\"} == 0"));
        assertNull(whole("x{instance=~\"$instances\",rack_id=~\"$racks\"}"), "another placeholder");
        assertNull(whole("x{instance=~\"a|$instances\"}"), "the ids inside a larger regex");
        assertNull(whole("x{instance=\"$instances\"}"), "not a regex matcher");
        assertNull(whole("x{node=~\"$instances\"}"), "not the entities' label");
        assertNull(whole("up"), "no placeholder: one query already");
        assertNull(whole("{instance=~\"$instances\"}"), "no metric name: every series");
        assertNull(whole("x{instance=~\"$instances\",instance=~\"$instances\"}"));
        assertNull(whole("x{instance=~\"$instances\", job=\"a\"} or y{}"));
    }
}
