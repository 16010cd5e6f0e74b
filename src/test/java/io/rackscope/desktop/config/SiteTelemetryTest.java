package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site may name its own Prometheus, in app.yaml or in its entry of sites.yaml. */
class SiteTelemetryTest {
    @Test
    void siteBlocksInheritTheMainSettingsAndOverrideThem(@TempDir Path dir) {
        ConfigFixture.write(
                dir.resolve("app.yaml"),
                """
                telemetry:
                  prometheus_url: http://main:9090
                  timeout_seconds: 7
                  basic_auth_user: ops
                  sites:
                    ams: {prometheus_url: "http://ams:9090", bearer_token: t0ken}
                """);
        ConfigFixture.write(
                dir.resolve("topology/sites.yaml"),
                """
                sites:
                  - id: ams
                  - id: fra
                    telemetry: {prometheus_url: "http://fra:9090", typo_key: 1}
                  - id: lon
                """);
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(dir);
        assertEquals(List.of(), cfg.diagnostics().errors());
        Map<String, AppConfig.Telemetry> sites = cfg.siteTelemetry();
        assertEquals("http://ams:9090", sites.get("ams").prometheusUrl());
        assertEquals("Bearer t0ken", sites.get("ams").endpoint().authorization());
        assertEquals("http://fra:9090", sites.get("fra").prometheusUrl());
        assertEquals(7, sites.get("fra").timeoutSeconds(), "inherited");
        assertEquals("ops", sites.get("fra").basicAuthUser(), "inherited");
        assertEquals(2, sites.size(), "lon uses the default Prometheus");
        assertTrue(
                cfg.diagnostics().warnings().stream()
                        .anyMatch(d -> d.message().contains("typo_key") && d.line() == 4),
                cfg.diagnostics().warnings().toString());
    }
}
