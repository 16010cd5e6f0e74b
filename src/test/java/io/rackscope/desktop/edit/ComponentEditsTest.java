package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.ComponentEdits.Rail;
import io.rackscope.desktop.topology.RackTemplate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDUs placed, moved and removed on a rack template's rails: the text written, the refusals. */
class ComponentEditsTest {
    static final String FILE = "templates/racks/standard-42u-air.yaml";
    static final String TEMPLATE = "standard-42u-air";

    @TempDir Path dir;

    @Test
    void aComponentPlacedMovedAndRemovedOnTheRails() {
        EditFixture f = EditFixture.example("full-datacenter", dir);
        assertEquals(
                """
                --- a/%1$s
                +++ b/%1$s
                @@ -13,3 +13,7 @@
                         - id: pdu-right
                           template_id: generic-pdu-1phase
                           location: right
                +        - id: pdu-left-b
                +          template_id: generic-pdu-1phase
                +          location: left
                +          u_position: 20
                """
                        .formatted(FILE),
                f.diff(
                        e ->
                                e.components()
                                        .place(
                                                TEMPLATE,
                                                "generic-pdu-1phase",
                                                "pdu-left-b",
                                                Rail.LEFT,
                                                20)));
        EditRefused taken =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(f.session, f.before)
                                        .components()
                                        .place(TEMPLATE, "generic-pdu-1phase", "x", Rail.RIGHT, 1));
        assertTrue(
                taken.getMessage().contains("the right rail is taken at U 1 by 'pdu-right'"),
                taken.getMessage());
        EditRefused outside =
                assertThrows(
                        EditRefused.class,
                        () ->
                                new EstateEdits(f.session, f.before)
                                        .components()
                                        .move(TEMPLATE, "pdu-right", Rail.RIGHT, 43));
        assertTrue(outside.getMessage().contains("outside the rack (1-42)"), outside.getMessage());
        new EstateEdits(f.session, f.before)
                .components()
                .move(TEMPLATE, "pdu-right", Rail.LEFT, 30);
        new EstateEdits(f.session, f.before).components().remove(TEMPLATE, "pdu-left");
        String text = f.session.text(f.root.resolve(FILE)).orElseThrow();
        assertTrue(
                text.contains(
                        "      rack_components:\n        - id: pdu-right\n          template_id:"
                                + " generic-pdu-1phase\n          location: left\n          u_position:"
                                + " 30\n"),
                text);
        assertFalse(text.contains("id: pdu-left\n"), text);
        RackscopeConfig after = f.saveAndLoad();
        List<RackTemplate.ComponentRef> refs =
                after.templates().rack(TEMPLATE).orElseThrow().components();
        assertEquals(
                List.of("pdu-left-b@20", "pdu-right@30"),
                refs.stream().map(r -> r.id() + "@" + r.uPosition()).sorted().toList());
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
    }
}
