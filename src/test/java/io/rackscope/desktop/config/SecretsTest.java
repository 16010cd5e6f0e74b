package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir Path dir;

    private RackscopeConfig withTelemetry(String telemetry, Map<String, String> env) {
        Path config = ConfigFixture.copyOfBundled(dir);
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app)
                        .replace("  tls_verify: true\n", "  tls_verify: true\n" + telemetry));
        return new ConfigLoader(env).load(config);
    }

    @Test
    void passwordFromEnvironmentVariable() {
        RackscopeConfig cfg =
                withTelemetry(
                        "  basic_auth_user: noc\n  basic_auth_password: ${PROM_PASS}\n",
                        Map.of("PROM_PASS", "s3cr3t-value"));
        assertEquals("s3cr3t-value", cfg.app().telemetry().basicAuthPassword().reveal());
        assertFalse(
                cfg.app().toString().contains("s3cr3t-value"),
                "toString of the settings must not show the secret");
        assertTrue(cfg.diagnostics().all().isEmpty());
    }

    @Test
    void missingVariableIsNamedButNoValueShown() {
        RackscopeConfig cfg =
                withTelemetry("  basic_auth_password: ${NOT_SET_ANYWHERE}\n", Map.of());
        assertTrue(cfg.diagnostics().errors().get(0).message().contains("NOT_SET_ANYWHERE"));
    }

    @Test
    void tokenAndPasswordFromFiles() {
        ConfigFixture.write(dir.resolve("token.txt"), "tok-123456\n");
        ConfigFixture.write(dir.resolve("pass.txt"), "pw-987654\n");
        RackscopeConfig cfg =
                withTelemetry(
                        "  bearer_token_file: token.txt\n  basic_auth_password_file: pass.txt\n",
                        Map.of());
        assertEquals("tok-123456", cfg.app().telemetry().bearerToken().reveal());
        assertEquals("pw-987654", cfg.app().telemetry().basicAuthPassword().reveal());
    }

    @Test
    void urlWithCredentialsIsNotEchoedInErrors() {
        Path config = ConfigFixture.copyOfBundled(dir);
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app)
                        .replace("http://127.0.0.1:9090", "ftp://admin:hunter2@prom"));
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(config);
        assertEquals(1, cfg.diagnostics().errors().size());
        assertFalse(cfg.diagnostics().errors().get(0).toString().contains("hunter2"));
    }
}
