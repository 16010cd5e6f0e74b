package io.rackscope.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void checkConfigJsonHasTheContractKeys() throws Exception {
        CliRun r = run("check-config", "--config", "config", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String key :
                List.of(
                        "sites",
                        "rooms",
                        "aisles",
                        "racks",
                        "devices",
                        "instances",
                        "checks",
                        "metrics")) {
            assertTrue(json.get(key).isInt(), key);
        }
        assertEquals(40, json.get("racks").asInt());
        assertEquals(1756, json.get("instances").asInt());
        assertTrue(json.get("errors").isArray() && json.get("warnings").isArray());
    }

    @Test
    void checkConfigExitsOneOnErrorsAndNamesFileAndLine() throws Exception {
        Path config = ConfigFixture.copyOfBundled(dir);
        Path checks = config.resolve("checks/library/rack.yaml");
        ConfigFixture.write(
                checks,
                ConfigFixture.read(checks).replace("severity: WARN}", "severity: SOMETIMES}"));
        CliRun r = run("check-config", "--config", config.toString(), "--json");
        assertEquals(1, r.code());
        JsonNode error = new ObjectMapper().readTree(r.out()).get("errors").get(0);
        assertTrue(error.get("file").asText().endsWith("rack.yaml"));
        assertTrue(error.get("line").asInt() > 0);
        assertTrue(error.get("message").asText().contains("SOMETIMES"));
        CliRun text = run("check-config", "--config", config.toString());
        assertEquals(1, text.code());
        assertTrue(
                text.out().contains("rack.yaml:" + error.get("line").asInt() + ": "), text.out());
    }

    @Test
    void secretsNeverReachTheJsonOutput() {
        Path config = ConfigFixture.copyOfBundled(dir);
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app)
                        .replace(
                                "  tls_verify: true\n",
                                "  tls_verify: true\n  basic_auth_user: noc\n  basic_auth_password: plain-secret-42\n  bearer_token: tok-secret-43\n"));
        CliRun r = run("check-config", "--config", config.toString(), "--json");
        assertFalse(r.out().contains("plain-secret-42") || r.out().contains("tok-secret-43"));
        assertFalse(r.err().contains("plain-secret-42"));
    }

    @Test
    void usageErrorsExitTwoWithUsageOnStderr() {
        CliRun unknown = run("--no-such-flag");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Usage:"), unknown.err());
        assertEquals(2, run("check-config", "--bogus").code());
        assertEquals(2, run("generate-topology", "--nodes", "0", "--out", dir.toString()).code());
    }

    @Test
    void helpAndVersion() {
        CliRun help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("check-config") && help.out().contains("generate-topology"));
        assertEquals(0, run("check-config", "--help").code());
        CliRun version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("rackscope-desktop"));
    }

    @Test
    void generatedTopologyIsValidAndExactlySized() {
        Path out = dir.resolve("gen");
        CliRun r =
                run(
                        "generate-topology",
                        "--nodes",
                        "1903",
                        "--sites",
                        "3",
                        "--out",
                        out.toString());
        assertEquals(0, r.code(), r.err());
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(out);
        assertEquals(List.of(), cfg.diagnostics().all());
        assertEquals(1903, cfg.topology().instances().size());
        assertEquals(3, cfg.topology().sites().size());
        assertTrue(cfg.topology().sites().stream().allMatch(s -> s.location() != null));
        assertEquals(4, cfg.checks().size());
    }

    @Test
    void everyToolHasHelp() {
        for (String cmd : io.rackscope.desktop.Main.commandLine().getSubcommands().keySet()) {
            CliRun r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: rackscope-desktop " + cmd), cmd + ": " + r.out());
        }
        String demo = run("demo", "--help").out().replaceAll("\\s+", " ");
        assertTrue(
                demo.contains("scenarios/demo.yaml, 'demo night shift'")
                        && demo.contains("prints the command that attaches an app"),
                "demo --help names the scenario it really plays: " + demo);
    }

    @Test
    void historyWritesOpenMetricsForPromtool() throws Exception {
        Path out = dir.resolve("h.om");
        CliRun r =
                run(
                        "history",
                        "--config",
                        "config",
                        "--hours",
                        "1",
                        "--step",
                        "10m",
                        "--out",
                        out.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(out);
        assertTrue(text.endsWith("# EOF\n"));
        assertTrue(text.contains("# TYPE up gauge\n"));
        long upSamples = text.lines().filter(l -> l.startsWith("up{")).count();
        assertEquals(1756L * 7, upSamples, "every instance, at 7 steps of 10 minutes");
        assertEquals(
                2,
                run(
                                "history",
                                "--config",
                                "config",
                                "--hours",
                                "1",
                                "--step",
                                "soon",
                                "--out",
                                out.toString())
                        .code());
    }

    @Test
    void aBrokenScenarioNamesFileAndLineAndExitsOne() throws Exception {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(
                scenario,
                "events:\n  - {event: node_down, target: cn0001}\n  - {event: meteor, target: cn0002}\n");
        CliRun r =
                run(
                        "history",
                        "--config",
                        "config",
                        "--hours",
                        "1",
                        "--scenario",
                        scenario.toString(),
                        "--out",
                        dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.yaml:3"), r.err());
    }

    @Test
    void renderRefusesAnAmbiguousRoomAndListsTheCandidates() {
        Path out = dir.resolve("gen");
        assertEquals(
                0,
                run("generate-topology", "--nodes", "200", "--sites", "2", "--out", out.toString())
                        .code());
        CliRun r =
                run(
                        "render",
                        "--config",
                        out.toString(),
                        "--view",
                        "room:room01",
                        "--out",
                        dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains("room:site01/room01") && r.err().contains("room:site02/room01"),
                r.err());
        assertEquals(
                2,
                run(
                                "render",
                                "--config",
                                "config",
                                "--view",
                                "galaxy:far",
                                "--out",
                                dir.resolve("x.png").toString())
                        .code());
        assertEquals(
                2,
                run(
                                "render",
                                "--config",
                                "config",
                                "--view",
                                "rack:nope",
                                "--out",
                                dir.resolve("x.png").toString())
                        .code());
    }

    /** A config whose app.yaml has {@code telemetry:} lines replaced as given. */
    Path configWith(String from, String to) throws Exception {
        Path config = ConfigFixture.copyOfBundled(Files.createTempDirectory(dir, "config"));
        Path app = config.resolve("app.yaml");
        String text = ConfigFixture.read(app);
        assertTrue(text.contains(from), "fixture line " + from);
        ConfigFixture.write(app, text.replace(from, to));
        return config;
    }

    @Test
    void aPrometheusThatRefusesEveryBatchIsDownNotDegraded() throws Exception {
        // the bundled estate: several batches per check, every one refused
        CliRun snap =
                run(
                        "snapshot",
                        "--config",
                        "config",
                        "--prometheus",
                        "http://127.0.0.1:1",
                        "--json");
        JsonNode doc = new ObjectMapper().readTree(snap.out());
        JsonNode stats = doc.get("stats");
        java.util.Set<String> checks = new java.util.HashSet<>();
        doc.get("cycle_errors").forEach(e -> checks.add(e.get("source").asText()));
        checks.remove("slurm");
        assertTrue(stats.get("batches").asInt() > checks.size(), stats.toString());
        assertEquals(stats.get("batches").asInt(), stats.get("failed_batches").asInt());
        assertEquals("DOWN", doc.get("status").get("level").asText(), doc.get("status").toString());
    }

    @Test
    void anUnusableCaFileIsNamedWithItsLineAndSnapshotStillWritesJson() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        for (String file : List.of("/nonexistent/ca.pem", notPem.toString())) {
            Path config =
                    configWith(
                            "  tls_verify: true\n",
                            "  tls_verify: true\n  tls_ca_file: " + file + "\n");
            CliRun check = run("check-config", "--config", config.toString(), "--json");
            assertEquals(1, check.code(), check.out());
            JsonNode error = new ObjectMapper().readTree(check.out()).get("errors").get(0);
            assertTrue(error.get("file").asText().endsWith("app.yaml"));
            assertTrue(error.get("line").asInt() > 1, error.toString());
            assertTrue(error.get("message").asText().contains("tls_ca_file"), error.toString());
            CliRun snap = run("snapshot", "--config", config.toString(), "--json");
            JsonNode doc = new ObjectMapper().readTree(snap.out());
            assertEquals("INVALID_SETTINGS", doc.get("cycle_errors").get(0).get("kind").asText());
            assertEquals("DOWN", doc.get("status").get("level").asText());
            assertFalse(snap.err().contains("Exception"), snap.err());
            assertFalse(snap.out().contains("Exception"), snap.out());
            JsonNode marker = doc.get("stale_nodes").elements().next();
            assertEquals("unevaluated", marker.get("state").asText());
            assertTrue(marker.get("reason").asText().contains("tls_ca_file"), marker.toString());
        }
    }

    @Test
    void aMalformedPrometheusUrlIsReportedOnceInJsonWithoutAStackTrace() throws Exception {
        Path config =
                configWith(
                        "prometheus_url: http://127.0.0.1:9090",
                        "prometheus_url: http://exa mple:9090/");
        CliRun check = run("check-config", "--config", config.toString(), "--json");
        assertEquals(1, check.code());
        assertTrue(check.out().contains("prometheus_url is not a valid"), check.out());
        CliRun snap = run("snapshot", "--config", config.toString(), "--json");
        assertEquals(1, snap.code());
        JsonNode doc = new ObjectMapper().readTree(snap.out());
        assertEquals("INVALID_SETTINGS", doc.get("cycle_errors").get(0).get("kind").asText());
        assertEquals(
                "The Prometheus settings cannot be used",
                doc.get("status").get("headline").asText());
        assertFalse(snap.err().contains("Exception") || snap.err().contains("\tat "), snap.err());
    }

    @Test
    void aMaintenanceIsRefusedWhenAppYamlIsBrokenAndNoStoreIsNamed(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path cfg = ConfigFixture.copyOfBundled(dir.resolve("cfg"));
        Files.writeString(
                cfg.resolve("app.yaml"),
                Files.readString(cfg.resolve("app.yaml")) + "\nalertmanager: [not, a, mapping\n");
        CliRun add =
                run(
                        "maintenance",
                        "add",
                        "--config",
                        cfg.toString(),
                        "--target",
                        "rack:fra1-a01-r05",
                        "--reason",
                        "PSU swap");
        assertEquals(1, add.code(), add.out() + add.err());
        assertTrue(add.err().contains("app.yaml has errors ("), add.err());
        assertFalse(
                Files.exists(cfg.resolve("maintenances.yaml")), "nothing kept where no one looks");
    }
}
