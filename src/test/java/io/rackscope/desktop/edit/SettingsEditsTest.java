package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** app.yaml's settings written key by key, read back by the loader; secrets never read out. */
class SettingsEditsTest {
    @TempDir Path dir;

    static SettingsEdits settings(EditFixture f) {
        return new EstateEdits(f.session, f.before).settings();
    }

    static Map<String, String> changes(String... pathsAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            out.put(pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return out;
    }

    @Test
    void settingsAreChangedAddedAndTakenOutLineByLine() {
        EditFixture f = EditFixture.example("homelab", dir);
        assertEquals(
                "http://prometheus:9090", settings(f).values().get("telemetry.prometheus_url"));
        String diff =
                f.diff(
                        e ->
                                e.settings()
                                        .set(
                                                changes(
                                                        "telemetry.prometheus_url",
                                                        "https://prom.example:9090",
                                                        "refresh.rack_state_seconds",
                                                        "",
                                                        "telemetry.tls_verify",
                                                        "false",
                                                        "alertmanager.url",
                                                        "http://am:9093",
                                                        "playlist.views",
                                                        "world, alerts")));
        List<String> changed = diff.lines().filter(l -> l.matches("[-+][^-+].*")).toList();
        assertEquals(
                List.of(
                        "-  rack_state_seconds: 60",
                        "-  prometheus_url: http://prometheus:9090",
                        "+  prometheus_url: https://prom.example:9090",
                        "+  tls_verify: false",
                        "+alertmanager:",
                        "+  url: http://am:9093",
                        "+playlist:"),
                changed.stream().filter(l -> !l.contains("views")).toList(),
                diff);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals("https://prom.example:9090", after.app().telemetry().prometheusUrl());
        assertFalse(after.app().telemetry().tlsVerify());
        assertTrue(f.read("app.yaml").startsWith("# Rackscope — app.yaml for example: homelab\n"));
        assertEquals("world, alerts", SettingsEdits.read(f.read("app.yaml")).get("playlist.views"));
        assertTrue(f.read("app.yaml").contains("\nrefresh:\n  room_state_seconds: 60\n\ncache:"));
    }

    @Test
    void aSecretIsWrittenButNeverReadBackNorShownInTheDiff() {
        EditFixture f = EditFixture.example("homelab", dir);
        String diff =
                f.diff(
                        e ->
                                e.settings()
                                        .set(
                                                changes(
                                                        "telemetry.basic_auth_user",
                                                        "rackscope",
                                                        "telemetry.basic_auth_password",
                                                        "s3cret-Value")));
        assertFalse(diff.contains("s3cret-Value"), diff);
        assertTrue(diff.contains("+  basic_auth_password: ******"), diff);
        SettingsEdits.Values v = settings(f).values();
        assertTrue(v.secretsSet().contains("telemetry.basic_auth_password"));
        assertFalse(v.values().containsValue("s3cret-Value"));
        RackscopeConfig after = f.saveAndLoad();
        assertEquals("s3cret-Value", after.app().telemetry().basicAuthPassword().reveal());
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingTheSetting() {
        EditFixture f = EditFixture.example("homelab", dir);
        EditRefused e =
                assertThrows(
                        EditRefused.class,
                        () -> settings(f).set(changes("refresh.room_state_seconds", "soon")));
        assertEquals("refresh.room_state_seconds is a whole number, not 'soon'", e.getMessage());
        assertThrows(
                EditRefused.class,
                () -> settings(f).set(changes("planner.unknown_state", "MAYBE")));
        assertEquals(0, f.session.touched().size());
    }

    @Test
    void aDirectoryWithoutAppYamlGetsOneAndABlockEmptiedGoes() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        EditFixture f = EditFixture.copyOf(dir.resolve("empty"), dir.resolve("copy"));
        settings(f).set(changes("telemetry.prometheus_url", "http://127.0.0.1:9090"));
        settings(f).set(changes("telemetry.identity_label", "host"));
        assertEquals(
                "telemetry:\n  prometheus_url: http://127.0.0.1:9090\n  identity_label: host\n",
                f.session.text(f.root.resolve("app.yaml")).orElseThrow());
        settings(f).set(changes("alertmanager.url", "http://am:9093"));
        settings(f).set(changes("alertmanager.url", ""));
        assertEquals(
                "telemetry:\n  prometheus_url: http://127.0.0.1:9090\n  identity_label: host\n",
                f.session.text(f.root.resolve("app.yaml")).orElseThrow());
        RackscopeConfig after = f.saveAndLoad();
        assertEquals("host", after.app().telemetry().identityLabel());
    }

    @Test
    void linksAreWrittenAsAListOfNameAndUrlAndTakenOutWhenNoneIsLeft() {
        EditFixture f = EditFixture.example("homelab", dir);
        List<SettingsEdits.Link> links =
                List.of(
                        new SettingsEdits.Link(
                                "Grafana", "https://grafana/d/n?var-node={instance}"),
                        new SettingsEdits.Link("Rack sheet", "https://wiki/racks/{rack}"));
        settings(f).setLinks(links);
        assertEquals(links, settings(f).links());
        String text = f.session.text(f.root.resolve("app.yaml")).orElseThrow();
        assertTrue(
                text.contains(
                                "links:\n"
                                        + "  - {name: Grafana, url: \"https://grafana/d/n?var-node={instance}\"}\n"
                                        + "  - {name: Rack sheet, url: \"https://wiki/racks/{rack}\"}\n")
                        || text.endsWith(
                                "links:\n"
                                        + "  - {name: Grafana, url: \"https://grafana/d/n?var-node={instance}\"}\n"
                                        + "  - {name: Rack sheet, url: \"https://wiki/racks/{rack}\"}"),
                text);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals(2, after.app().links().size());
        EditFixture g = EditFixture.copyOf(f.root, dir.resolve("g"));
        settings(g).setLinks(List.of());
        assertFalse(g.session.text(g.root.resolve("app.yaml")).orElseThrow().contains("links:"));
    }

    @Test
    void aSiteGetsItsOwnPrometheusAndLosesItAgain() {
        EditFixture f = EditFixture.example("homelab", dir);
        String site = f.before.topology().sites().get(0).id();
        settings(f).setSiteUrls(Map.of(site, "http://10.0.0.9:9090"));
        assertEquals(Map.of(site, "http://10.0.0.9:9090"), settings(f).siteUrls());
        String text = f.session.text(f.root.resolve("app.yaml")).orElseThrow();
        assertTrue(
                text.contains(
                        "  sites:\n    "
                                + site
                                + ":\n      prometheus_url: http://10.0.0.9:9090\n"),
                text);
        RackscopeConfig after = f.saveAndLoad();
        assertFalse(after.hasErrors(), after.diagnostics().errors().toString());
        assertEquals("http://10.0.0.9:9090", after.siteTelemetry().get(site).prometheusUrl());
        EditFixture g = EditFixture.copyOf(f.root, dir.resolve("g"));
        settings(g).setSiteUrls(Map.of(site, ""));
        assertFalse(
                g.session.text(g.root.resolve("app.yaml")).orElseThrow().contains("sites:"),
                "the block goes with its last site");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"homelab", "small-cluster", "hpc-cluster", "full-datacenter", "simple-room"})
    void everyExamplesSettingsWrittenBackAsReadChangeNoByte(String example) {
        EditFixture f = EditFixture.example(example, dir);
        SettingsEdits s = settings(f);
        s.set(s.values().values());
        s.setLinks(s.links());
        s.setSiteUrls(s.siteUrls());
        SlurmEdits slurm = new EstateEdits(f.session, f.before).slurm();
        slurm.set(slurm.values().values());
        slurm.setMapping(slurm.mapping());
        assertEquals("", f.session.diff());
    }
}
