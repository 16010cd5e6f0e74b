package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.TemplateEdits.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates where they are used: used by, a delete refused while used, a new id everywhere. */
class TemplateEditsTest {
    @TempDir Path dir;

    EditFixture full() {
        return EditFixture.example("full-datacenter", dir);
    }

    TemplateEdits edits(EditFixture f) {
        return new EstateEdits(f.session, f.before).templates();
    }

    @Test
    void aDeviceTemplateInUseIsNotDeletedAndItsNewIdReachesEveryDevice() {
        EditFixture f = full();
        long users =
                f.before.topology().devices().stream()
                        .filter(d -> d.templateId().equals("generic-1u-server"))
                        .count();
        assertTrue(users > 0);
        assertEquals(users, edits(f).usedBy(Kind.DEVICE, "generic-1u-server").size());
        EditRefused used =
                assertThrows(
                        EditRefused.class, () -> edits(f).delete(Kind.DEVICE, "generic-1u-server"));
        assertTrue(
                used.getMessage()
                        .contains(
                                "device template 'generic-1u-server' is used by "
                                        + users
                                        + ": rack "),
                used.getMessage());
        edits(f).rename(Kind.DEVICE, "generic-1u-server", "compute-1u");
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertTrue(after.templates().device("generic-1u-server").isEmpty());
        assertEquals(
                users,
                after.topology().devices().stream()
                        .filter(d -> d.templateId().equals("compute-1u"))
                        .count());
    }

    @Test
    void rackAndComponentTemplatesAreRenamedWhereverTheyAreNamedAndAnUnusedOneIsDeleted() {
        EditFixture f = full();
        long racks =
                f.before.topology().racks().stream()
                        .filter(r -> "standard-42u-air".equals(r.templateId()))
                        .count();
        edits(f).rename(Kind.RACK, "standard-42u-air", "air-42u");
        edits(f).rename(Kind.COMPONENT, "generic-pdu-1phase", "pdu-1p");
        String unused =
                f.before.templates().devices().keySet().stream()
                        .filter(t -> edits(f).usedBy(Kind.DEVICE, t).isEmpty())
                        .sorted()
                        .findFirst()
                        .orElseThrow();
        edits(f).delete(Kind.DEVICE, unused);
        assertThrows(
                EditRefused.class, () -> edits(f).rename(Kind.RACK, "air-42u-x", "y"), "no such");
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals(
                racks,
                after.topology().racks().stream()
                        .filter(r -> "air-42u".equals(r.templateId()))
                        .count());
        assertEquals(
                2,
                after.templates().rack("air-42u").orElseThrow().components().stream()
                        .filter(c -> c.templateId().equals("pdu-1p"))
                        .count());
        assertTrue(after.templates().device(unused).isEmpty());
        String text = f.read("templates/racks/standard-42u-air.yaml");
        assertTrue(text.contains("  - id: air-42u\n"), text);
        assertTrue(text.contains("          template_id: pdu-1p\n"), text);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"homelab", "small-cluster", "hpc-cluster", "full-datacenter", "simple-room"})
    void everyTemplateOfEveryExampleWrittenBackAsReadChangesNoByte(String example) {
        EditFixture f = EditFixture.example(example, dir);
        var t = f.before.templates();
        java.util.Map<Kind, java.util.Collection<String>> ids =
                java.util.Map.of(
                        Kind.DEVICE, t.devices().keySet(),
                        Kind.RACK, t.racks().keySet(),
                        Kind.COMPONENT,
                                t.components().keySet().stream()
                                        .filter(c -> !c.contains("/"))
                                        .toList());
        ids.forEach(
                (kind, list) -> {
                    for (String id : list) {
                        String text = edits(f).text(kind, id);
                        assertEquals(
                                text,
                                TemplateText.withValues(
                                        kind, text, TemplateText.values(kind, text)),
                                id);
                        edits(f).set(kind, id, text);
                    }
                });
        assertEquals("", f.session.diff());
    }

    @Test
    void aDeviceTemplatesFieldsAndSlotMatrixAreWrittenAndANewIdReachesItsDevices() {
        EditFixture f = EditFixture.example("homelab", dir);
        String text = edits(f).text(Kind.DEVICE, "generic-2u-quad");
        int[][] m = TemplateText.matrix(text, "layout");
        assertEquals(2, m.length);
        // two slots swapped, as a drag on the grid does
        int a = m[0][0];
        m[0][0] = m[1][1];
        m[1][1] = a;
        String changed =
                TemplateText.withValues(
                        Kind.DEVICE,
                        TemplateText.withMatrix(text, "layout", m),
                        java.util.Map.of("role", "hpc", "checks", "node_up, node_temp_warn"));
        changed = changed.replace("id: generic-2u-quad", "id: quad-2u");
        edits(f).set(Kind.DEVICE, "generic-2u-quad", changed);
        String server = edits(f).text(Kind.DEVICE, "generic-1u-server");
        edits(f).set(
                        Kind.DEVICE,
                        "generic-1u-server",
                        server.replace("id: generic-1u-server", "id: compute-1u"));
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        var q = after.templates().device("quad-2u").orElseThrow();
        assertEquals("hpc", q.role());
        assertEquals(java.util.List.of("node_up", "node_temp_warn"), q.checks());
        assertEquals(m[0][0], q.matrix()[0][0]);
        assertEquals(m[1][1], q.matrix()[1][1]);
        assertTrue(after.templates().device("generic-2u-quad").isEmpty());
        assertEquals(
                16,
                after.topology().devices().stream()
                        .filter(d -> d.templateId().equals("compute-1u"))
                        .count(),
                "its devices follow the new id");
    }

    @Test
    void aDeviceTemplatesRearComponentsAreWrittenAsAListAndTheLoaderReadsThem() {
        EditFixture f = EditFixture.example("homelab", dir);
        String text = edits(f).text(Kind.DEVICE, "generic-2u-quad");
        java.util.List<TemplateText.Rear> rear =
                java.util.List.of(
                        new TemplateText.Rear("psu1", "PSU 1", "psu", "", "node_up"),
                        new TemplateText.Rear("fan1", "", "fan", "cooling", ""));
        String changed = TemplateText.withRear(text, rear);
        assertEquals(rear, TemplateText.rear(changed));
        assertEquals(changed, TemplateText.withRear(changed, rear));
        edits(f).set(Kind.DEVICE, "generic-2u-quad", changed);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        var q = after.templates().device("generic-2u-quad").orElseThrow();
        assertEquals(2, q.rearComponents().size());
        assertEquals(java.util.List.of("node_up"), q.rearComponents().get(0).checks());
        assertEquals(text.strip(), TemplateText.withRear(changed, java.util.List.of()).strip());
    }
}
