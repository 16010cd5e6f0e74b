package io.rackscope.desktop.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Levels read from labels, regexes and constants; devices stacked; the unplaced said with why. */
class DiscoveryTest {
    static final Discovery.Levels LEVELS =
            new Discovery.Levels(
                    Discovery.Source.parse("rack_id:^([a-z0-9]+)-"),
                    Discovery.Source.parse("=hall"),
                    Discovery.Source.parse("rack_id:-([a-z][0-9]+)-r"),
                    Discovery.Source.parse("rack_id"),
                    Discovery.Source.parse("chassis_id"));

    @Test
    void nodesAreGroupedIntoDevicesStackedFromUOneInTheirRacks() {
        Discovery.Found found =
                Discovery.plan(
                        List.of(
                                Map.of(
                                        "instance",
                                        "cn02",
                                        "rack_id",
                                        "fra1-a01-r01",
                                        "chassis_id",
                                        "c1"),
                                Map.of(
                                        "instance",
                                        "cn01",
                                        "rack_id",
                                        "fra1-a01-r01",
                                        "chassis_id",
                                        "c1"),
                                Map.of(
                                        "instance",
                                        "cn03",
                                        "rack_id",
                                        "fra1-a01-r01",
                                        "chassis_id",
                                        "c2"),
                                Map.of("instance", "sw1", "rack_id", "ams1-b02-r09"),
                                Map.of("instance", "10.0.0.1:9100", "job", "node")),
                        "instance",
                        LEVELS);
        assertEquals(
                List.of(
                        "ams1/hall/b02/ams1-b02-r09 U1 sw1 discovered-1-node sw1",
                        "fra1/hall/a01/fra1-a01-r01 U1 c1 discovered-2-nodes cn01,cn02",
                        "fra1/hall/a01/fra1-a01-r01 U2 c2 discovered-1-node cn03"),
                found.rows().stream()
                        .map(
                                r ->
                                        r.site()
                                                + "/"
                                                + r.room()
                                                + "/"
                                                + r.aisle()
                                                + "/"
                                                + r.rack()
                                                + " U"
                                                + r.u()
                                                + " "
                                                + r.id()
                                                + " "
                                                + r.template()
                                                + " "
                                                + r.instance())
                        .toList());
        assertEquals(Map.of("discovered-1-node", 1, "discovered-2-nodes", 2), found.templates());
        assertEquals(5, found.nodes());
        assertEquals(
                List.of(
                        "10.0.0.1:9100: not placed (no site from label rack_id matched by ^([a-z0-9]+)-,"
                                + " no aisle from label rack_id matched by -([a-z][0-9]+)-r, no rack from"
                                + " label rack_id)"),
                found.problems());
        assertEquals(
                "group by (instance, rack_id, chassis_id) (up)",
                Discovery.query("up", "instance", LEVELS));
    }
}
