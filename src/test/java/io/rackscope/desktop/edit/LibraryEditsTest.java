package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check of the library edited by its fields or as text, renamed everywhere, deleted, added. */
class LibraryEditsTest {
    @TempDir Path dir;

    EditFixture homelab() {
        return EditFixture.example("homelab", dir);
    }

    static LibraryEdits checks(EditFixture f) {
        return new EstateEdits(f.session, f.before).checks();
    }

    @Test
    void aCheckIsReadOutOfItsListWithEveryKey() {
        EditFixture f = homelab();
        String text = checks(f).text("node_temp_warn");
        assertTrue(text.startsWith("id: node_temp_warn\nname: Node Temperature Warning\n"), text);
        CheckFields c = CheckText.fields(text);
        assertEquals("numeric", c.output());
        assertEquals("5m", c.forDuration());
        assertEquals("node_temperature_celsius{instance=~\"$instances\"}", c.expr());
        assertEquals(
                List.of(
                        new CheckFields.Rule(">", "75", "WARN"),
                        new CheckFields.Rule(">", "90", "CRIT")),
                c.rules());
    }

    @Test
    void theFormChangesOnlyTheKeysItChangedAndTheLoaderReadsThem() {
        EditFixture f = homelab();
        CheckFields was = CheckText.fields(checks(f).text("node_temp_warn"));
        CheckFields now =
                new CheckFields(
                        was.id(),
                        was.name(),
                        "CPU package sensor",
                        was.kind(),
                        was.scope(),
                        was.output(),
                        "",
                        was.expr(),
                        List.of("instance"),
                        List.of(was.rules().get(0), new CheckFields.Rule(">=", "95", "CRIT")),
                        "",
                        "",
                        "",
                        "");
        String diff =
                f.diff(
                        e ->
                                e.checks()
                                        .set(
                                                "node_temp_warn",
                                                CheckText.withFields(
                                                        e.checks().text("node_temp_warn"), now)));
        assertEquals(
                List.of(
                        "-  for: 5m",
                        "-  - op: '>'",
                        "-    value: 75",
                        "-    severity: WARN",
                        "-  - op: '>'",
                        "-    value: 90",
                        "-    severity: CRIT",
                        "+  - {op: \">\", value: 75, severity: WARN}",
                        "+  - {op: \">=\", value: 95, severity: CRIT}",
                        "+  description: CPU package sensor",
                        "+  selectors: [instance]"),
                changed(diff),
                diff);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        Check c = after.checks().get("node_temp_warn");
        assertEquals(Duration.ZERO, c.forDuration());
        assertEquals(List.of("instance"), c.selectors());
        assertEquals(io.rackscope.desktop.checks.Severity.CRIT, c.evaluate(95));
        assertEquals(io.rackscope.desktop.checks.Severity.WARN, c.evaluate(94));
    }

    @Test
    void theRawTextIsWrittenAsTypedWithItsCommentsInItsPlaceInTheList() {
        EditFixture f = homelab();
        String typed =
                "id: node_up\n"
                        + "name: Node Up\n"
                        + "# the exporter's own up series\n"
                        + "kind: server\n"
                        + "scope: node\n"
                        + "expr: up{instance=~\"$instances\"}\n"
                        + "output: bool\n"
                        + "for: 2m\n"
                        + "rules:\n"
                        + "- {op: ==, value: 0, severity: CRIT}\n";
        checks(f).set("node_up", typed);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals(Duration.ofMinutes(2), after.checks().get("node_up").forDuration());
        String file = f.read("checks/library/node.yaml");
        assertTrue(
                file.startsWith(
                        "checks:\n- id: node_up\n  name: Node Up\n  # the exporter's own up series\n"),
                file);
        assertTrue(
                file.contains("  - {op: ==, value: 0, severity: CRIT}\n- id: node_temp_warn\n"),
                file);
    }

    @Test
    void textThatIsNotACheckIsRefusedWithItsLine() {
        EditFixture f = homelab();
        EditRefused bad =
                assertThrows(
                        EditRefused.class,
                        () -> checks(f).set("node_up", "id: node_up\nrules: [\n"));
        assertTrue(bad.getMessage().startsWith("line "), bad.getMessage());
        assertThrows(EditRefused.class, () -> checks(f).set("node_up", "- just a list"));
        assertThrows(EditRefused.class, () -> checks(f).set("node_up", "name: no id"));
        assertEquals(0, f.session.touched().size());
    }

    @Test
    void aNewIdReachesEveryTemplateListingItAnchorsIncluded() {
        EditFixture f = homelab();
        List<String> users = LibraryEdits.usedBy(f.before, LibraryEdits.Library.CHECK, "node_up");
        assertTrue(users.size() >= 3, users.toString());
        checks(f).rename("node_up", "node_alive");
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals(users, LibraryEdits.usedBy(after, LibraryEdits.Library.CHECK, "node_alive"));
        assertTrue(LibraryEdits.usedBy(after, LibraryEdits.Library.CHECK, "node_up").isEmpty());
        // the anchored list is changed once, its aliases follow
        assertTrue(f.read("templates/devices/server/servers.yaml").contains("checks: *id001"));
        EditRefused taken =
                assertThrows(
                        EditRefused.class,
                        () ->
                                checks(EditFixture.example("homelab", dir.resolve("2")))
                                        .rename("node_up", "node_temp_warn"));
        assertTrue(taken.getMessage().contains("exists already"), taken.getMessage());
    }

    @Test
    void aListedCheckIsNotDeletedAndAnUnlistedOneIs() {
        EditFixture f = homelab();
        EditRefused used = assertThrows(EditRefused.class, () -> checks(f).delete("node_up"));
        assertTrue(used.getMessage().contains("is listed by"), used.getMessage());
        assertTrue(used.getMessage().contains("device template"), used.getMessage());
        String original = f.read("checks/library/node.yaml");
        checks(f).add(CheckText.withFields("id: x\n", CheckFields.fresh("spare")), "node_up");
        // the edits of a session see each other: the new check is found and deleted again
        checks(f).delete("spare");
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals(original, f.read("checks/library/node.yaml"));
    }

    @Test
    void aNewCheckGoesAfterTheOneItWasMadeBesideOrIntoAFileOfItsOwn() {
        EditFixture f = homelab();
        String fresh = CheckText.withFields("id: x\n", CheckFields.fresh("node_reboot_loop"));
        checks(f).add(fresh, "node_up");
        checks(f).add(CheckText.withFields("id: x\n", CheckFields.fresh("rack_door_open")), null);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals(f.before.checks().size() + 2, after.checks().size());
        String node = f.read("checks/library/node.yaml");
        assertTrue(
                node.indexOf("- id: node_reboot_loop") > node.indexOf("- id: node_up")
                        && node.indexOf("- id: node_reboot_loop")
                                < node.indexOf("- id: node_temp_warn"),
                node);
        assertEquals(
                "checks:\n"
                        + "  - id: rack_door_open\n"
                        + "    name: rack_door_open\n"
                        + "    scope: node\n"
                        + "    expr: \"up{instance=~\\\"$instances\\\"}\"\n"
                        + "    output: bool\n"
                        + "    rules: [{op: \"==\", value: 0, severity: CRIT}]\n",
                f.read("checks/library/custom.yaml"));
        assertThrows(
                EditRefused.class,
                () ->
                        checks(f)
                                .add(
                                        CheckText.withFields(
                                                "id: x\n", CheckFields.fresh("node_up")),
                                        null));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"homelab", "small-cluster", "hpc-cluster", "full-datacenter", "simple-room"})
    void everyCheckOfEveryExampleWrittenBackAsReadChangesNoByte(String example) {
        EditFixture f = EditFixture.example(example, dir);
        for (String id : f.before.checks().keySet()) {
            String text = checks(f).text(id);
            assertEquals(text, CheckText.withFields(text, CheckText.fields(text)), id);
            checks(f).set(id, text);
        }
        assertEquals("", f.session.diff());
    }

    private static List<String> changed(String diff) {
        return diff.lines()
                .filter(
                        l ->
                                (l.startsWith("+") || l.startsWith("-"))
                                        && !l.startsWith("+++")
                                        && !l.startsWith("---"))
                .toList();
    }
}
