package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.metrics.MetricDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric of the library edited by its fields (display block too) or as text, renamed, deleted.
 */
class MetricEditsTest {
    @TempDir Path dir;

    static LibraryEdits metrics(EditFixture f) {
        return new EstateEdits(f.session, f.before).metrics();
    }

    @Test
    void everyDisplayKeyIsAFieldWrittenInItsBlock() {
        EditFixture f = EditFixture.example("homelab", dir);
        String text = metrics(f).text("node_temperature");
        Map<String, String> v = MetricText.values(text);
        assertEquals("°C", v.get("display.unit"));
        assertEquals("ipmi, temperature", v.get("tags"));
        assertEquals(
                "ipmi_temperature_celsius{instance=\"$instance\",name=~\"CPU.*\"}",
                v.get("metric"));
        Map<String, String> c = new LinkedHashMap<>();
        c.put("display.thresholds.warn", "75");
        c.put("display.thresholds.crit", "90");
        c.put("display.color", "");
        c.put("display.format.decimals", "1");
        c.put("tags", "ipmi, temperature, cpu");
        String changed = MetricText.withValues(text, c);
        assertEquals(
                "id: node_temperature\n"
                        + "name: CPU Temperature\n"
                        + "description: CPU temperature from IPMI/BMC\n"
                        + "metric: ipmi_temperature_celsius{instance=\"$instance\",name=~\"CPU.*\"}\n"
                        + "display:\n"
                        + "  unit: °C\n"
                        + "  chart_type: line\n"
                        + "  thresholds:\n"
                        + "    warn: 75\n"
                        + "    crit: 90\n"
                        + "  format:\n"
                        + "    decimals: 1\n"
                        + "category: hardware\n"
                        + "tags: [ipmi, temperature, cpu]",
                changed);
        metrics(f).set("node_temperature", changed);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        MetricDefinition m = after.metrics().get("node_temperature");
        assertEquals(75.0, m.display().warn());
        assertEquals(1, m.display().format().decimals());
        assertThrows(
                EditRefused.class,
                () -> MetricText.withValues(text, Map.of("display.chart_type", "pie")));
    }

    @Test
    void aMetricListedByTemplatesIsRenamedInThemAndOneAloneInItsFileIsDeletedWithIt()
            throws Exception {
        EditFixture f = EditFixture.example("homelab", dir);
        List<String> users =
                LibraryEdits.usedBy(f.before, LibraryEdits.Library.METRIC, "node_temperature");
        assertFalse(users.isEmpty());
        metrics(f).rename("node_temperature", "cpu_temperature");
        Path alone = f.root.resolve("metrics/library/inlet.yaml");
        Files.writeString(
                alone,
                "# one metric, alone\nid: inlet_temp\nname: Inlet\nmetric: inlet{rack_id=\"$rack_id\"}\n");
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals(
                users, LibraryEdits.usedBy(after, LibraryEdits.Library.METRIC, "cpu_temperature"));
        EditFixture g = EditFixture.copyOf(f.root, dir.resolve("g"));
        assertEquals(
                "# one metric, alone\nid: inlet_temp\nname: Inlet\nmetric: inlet{rack_id=\"$rack_id\"}\n",
                metrics(g).text("inlet_temp"));
        metrics(g)
                .set(
                        "inlet_temp",
                        MetricText.withValues(
                                metrics(g).text("inlet_temp"), Map.of("display.unit", "°C")));
        assertEquals(
                "# one metric, alone\nid: inlet_temp\nname: Inlet\nmetric:"
                        + " inlet{rack_id=\"$rack_id\"}\ndisplay:\n  unit: °C\n",
                g.session.text(g.root.resolve("metrics/library/inlet.yaml")).orElseThrow());
        metrics(g).delete("inlet_temp");
        EditRefused used =
                assertThrows(EditRefused.class, () -> metrics(g).delete("cpu_temperature"));
        assertTrue(
                used.getMessage().startsWith("metric 'cpu_temperature' is listed by"),
                used.getMessage());
        RackscopeConfig last = g.saveAndLoad();
        assertFalse(Files.exists(g.root.resolve("metrics/library/inlet.yaml")));
        assertFalse(last.metrics().containsKey("inlet_temp"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"homelab", "small-cluster", "hpc-cluster", "full-datacenter", "simple-room"})
    void everyMetricOfEveryExampleWrittenBackAsReadChangesNoByte(String example) {
        EditFixture f = EditFixture.example(example, dir);
        for (String id : f.before.metrics().keySet()) {
            String text = metrics(f).text(id);
            assertEquals(text, MetricText.withValues(text, MetricText.values(text)), id);
            metrics(f).set(id, text);
        }
        assertEquals("", f.session.diff());
    }
}
