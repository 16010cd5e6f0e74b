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
}
