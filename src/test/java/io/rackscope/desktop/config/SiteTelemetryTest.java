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

    @Test
    void anHaSetHeadersAndParametersAreReadPerSiteTooAndTheHeadersAreSecrets(@TempDir Path dir) {
        ConfigFixture.write(
                dir.resolve("app.yaml"),
                """
                telemetry:
                  prometheus_url: [http://a:9090, "http://b:9090"]
                  headers: {X-Scope-OrgID: "${TENANT}"}
                  query_params: {dedup: true, timeout: 3s}
                  sites:
                    ams: {prometheus_url: "http://ams:9090", headers: {X-Scope-OrgID: ams}}
                alertmanager:
                  url: [http://am1:9093, http://am2:9093]
                """);
        RackscopeConfig cfg = new ConfigLoader(Map.of("TENANT", "team-7")).load(dir);
        AppConfig.Telemetry t = cfg.app().telemetry();
        assertEquals(List.of("http://a:9090", "http://b:9090"), t.endpoint().urls());
        assertEquals("team-7", t.headers().get("X-Scope-OrgID").reveal());
        assertEquals(Map.of("dedup", "true"), t.queryParams());
        assertTrue(
                cfg.diagnostics().errors().stream()
                        .anyMatch(
                                d ->
                                        d.message()
                                                .contains(
                                                        "query_params.timeout is set by the app")),
                cfg.diagnostics().errors().toString());
        assertEquals("ams", cfg.siteTelemetry().get("ams").headers().get("X-Scope-OrgID").reveal());
        assertEquals(List.of("http://ams:9090"), cfg.siteTelemetry().get("ams").endpoint().urls());
        assertEquals(
                List.of("http://am1:9093", "http://am2:9093"), cfg.app().alertmanager().urls());
        assertTrue(!t.headers().toString().contains("team-7"), t.headers().toString());
        // a URL given on the command line asks that one server alone
        assertEquals(List.of("http://c:9090"), t.endpoint("http://c:9090").urls());
    }
}
