package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage that used to lose things without a word: each now gets a diagnostic with file and line.
 */
class SilentBreakageTest {
    static final String RACK =
            "topology/datacenters/fra1/rooms/hall-a/aisles/a01/racks/fra1-a01-r01.yaml";
    @TempDir Path dir;
    Path config;

    @BeforeEach
    void copy() {
        config = ConfigFixture.copyOfBundled(dir);
    }

    void edit(String relative, String from, String to) {
        Path file = config.resolve(relative);
        String text = ConfigFixture.read(file);
        assertTrue(text.contains(from), relative + " holds " + from);
        ConfigFixture.write(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    static Diagnostic find(RackscopeConfig cfg, String relative, Predicate<String> message) {
        List<Diagnostic> all = cfg.diagnostics().all();
        return all.stream()
                .filter(d -> d.file() != null && d.file().endsWith(relative))
                .filter(d -> message.test(d.message()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing about " + relative + ": " + all));
    }

    @Test
    void anEmptyRackFileIsSaid() {
        ConfigFixture.write(config.resolve(RACK), "");
        RackscopeConfig cfg = new ConfigLoader().load(config);
        find(cfg, RACK, m -> m.contains("the file is empty"));
    }

    @Test
    void anEmptyAppYamlIsSaid() {
        ConfigFixture.write(config.resolve("app.yaml"), "\n");
        RackscopeConfig cfg = new ConfigLoader().load(config);
        find(cfg, "app.yaml", m -> m.contains("the file is empty"));
    }

    @Test
    void templateChecksWrittenAsTextAreReadAsNamesWithAWarning() {
        String file = "templates/devices/storage.yaml";
        edit(
                file,
                "checks: [node_up, node_temperature, storage_capacity, storage_disks]",
                "checks: node_up, node_temperature, storage_capacity, storage_disks");
        RackscopeConfig cfg = new ConfigLoader().load(config);
        Diagnostic d = find(cfg, file, m -> m.contains("should be a list such as"));
        assertEquals(7, d.line());
        assertEquals(
                List.of("node_up", "node_temperature", "storage_capacity", "storage_disks"),
                cfg.templates().device("nw-2u-storage-head").orElseThrow().checks());
    }

    @Test
    void aTemplateCheckThatIsNotANameIsReported() {
        String file = "templates/devices/storage.yaml";
        edit(file, "checks: [node_up, storage_disks]", "checks: [node_up, {id: storage_disks}]");
        RackscopeConfig cfg = new ConfigLoader().load(config);
        Diagnostic d = find(cfg, file, m -> m.contains("entry 2 of the checks of device template"));
        assertTrue(d.line() > 0);
    }

    @Test
    void aListTypedSecretIsAnErrorThatDoesNotEchoIt() {
        edit(
                "app.yaml",
                "  tls_verify: true\n",
                "  tls_verify: true\n  bearer_token: [s3cret, b]\n");
        RackscopeConfig cfg = new ConfigLoader().load(config);
        Diagnostic d = find(cfg, "app.yaml", m -> m.contains("telemetry.bearer_token"));
        assertTrue(d.message().contains("should be a single value, not a list"), d.message());
        assertTrue(!d.message().contains("s3cret"));
        assertTrue(d.line() > 1);
    }

    @Test
    void aTemplateNamingARejectedCheckPointsAtWhyItWasRejected() {
        edit(
                "checks/library/storage_network.yaml",
                "{op: \">\", value: 0.85, severity: WARN}",
                "{op: \"=>\", value: 0.85, severity: WARN}");
        RackscopeConfig cfg = new ConfigLoader().load(config);
        Diagnostic d =
                find(cfg, "templates/devices/storage.yaml", m -> m.contains("'storage_capacity'"));
        assertTrue(
                d.message().contains("which was rejected (see storage_network.yaml:"), d.message());
    }

    @Test
    void twoKindsOfCredentialsSaySoAndWhichWins() {
        edit(
                "app.yaml",
                "  tls_verify: true\n",
                "  tls_verify: true\n  basic_auth_user: ops\n  bearer_token: t0ken\n");
        RackscopeConfig cfg = new ConfigLoader().load(config);
        Diagnostic d = find(cfg, "app.yaml", m -> m.contains("both set"));
        assertTrue(d.message().contains("the bearer token is sent, basic auth is not"));
        assertTrue(!d.message().contains("t0ken"));
    }
}
