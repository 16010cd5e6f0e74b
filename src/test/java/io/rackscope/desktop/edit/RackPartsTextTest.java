package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RackPartsTextTest {
    private static final String RACK =
            """
            id: rack-42u-air
            name: Standard 42U Air-Cooled
            u_height: 42
            infrastructure:
              rack_components:
              - id: pdu-left   # the A feed
                template_id: pdu-1phase
                location: left
              - id: fan-rear
                name: Rear fan tray
                type: fan
                checks: [fan_ok]
              rear_components: [{id: psu-rear, template_id: psu-module}]
            """;

    @Test
    void everyListOfTheInfrastructureIsReadInTheLoadersOrder() {
        List<RackPartsText.Part> parts = RackPartsText.parts(RACK);
        assertEquals(3, parts.size());
        assertEquals("pdu-1phase", parts.get(0).value("template_id"));
        assertEquals("", parts.get(1).value("template_id"));
        assertEquals("rear_components", parts.get(2).list());
        assertEquals(0, parts.get(2).index());
    }

    @Test
    void aChangedKeyIsWrittenInItsItemKeepingItsCommentAndTheOtherKeys() {
        List<RackPartsText.Part> parts = RackPartsText.parts(RACK);
        String out = RackPartsText.with(RACK, parts.get(0).with("u_position", "30"));
        assertEquals(
                RACK.replace("    location: left\n", "    location: left\n    u_position: 30\n"),
                out);
        out = RackPartsText.with(out, parts.get(1).with("location", "rear"));
        assertEquals(
                true,
                out.contains("    type: fan\n    checks: [fan_ok]\n    location: rear\n"),
                out);
        out = RackPartsText.with(out, RackPartsText.parts(out).get(0).with("location", ""));
        assertEquals(false, out.contains("location: left"), out);
        assertEquals(true, out.contains("- id: pdu-left   # the A feed\n"), out);
        String flow = RackPartsText.with(out, parts.get(2).with("u_height", "2"));
        assertEquals(
                true,
                flow.contains(
                        "rear_components: [{id: psu-rear, template_id: psu-module, u_height: 2}]"),
                flow);
    }

    @Test
    void aComponentIsAddedAndRemovedEvenWhereNoInfrastructureWasWritten() {
        RackPartsText.Part fresh =
                new RackPartsText.Part(
                        "rack_components",
                        -1,
                        Map.of("id", "pdu-b", "template_id", "pdu-1phase", "location", "right"));
        String added = RackPartsText.withNew(RACK, fresh);
        assertEquals(4, RackPartsText.parts(added).size());
        assertEquals("pdu-b", RackPartsText.parts(added).get(2).value("id"));
        String removed = RackPartsText.without(added, RackPartsText.parts(added).get(2));
        assertEquals(RACK, removed);
        String bare = "id: lab\nu_height: 12\n";
        String first = RackPartsText.withNew(bare, fresh);
        assertEquals(
                "id: lab\nu_height: 12\ninfrastructure:\n  rack_components: [{id: pdu-b,"
                        + " template_id: pdu-1phase, location: right}]\n",
                first);
    }

    @Test
    void aUThatIsNotANumberOrAComponentLeftWithoutKeysIsRefused() {
        RackPartsText.Part first = RackPartsText.parts(RACK).get(0);
        assertThrows(
                EditRefused.class, () -> RackPartsText.with(RACK, first.with("u_height", "two")));
        String one = "id: r\ninfrastructure:\n  rack_components: [{id: a}]\n";
        assertThrows(
                EditRefused.class,
                () -> RackPartsText.with(one, RackPartsText.parts(one).get(0).with("id", "")));
    }
}
