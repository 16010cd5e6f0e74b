package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code telemetry.tls_cert_file} / {@code tls_key_file}: the app reaches a real Prometheus behind
 * a real nginx that requires a client certificate, and says plainly what is wrong without one.
 */
class ClientCertificateIT {
    static TestExporter exporter;
    static PrometheusServer prometheus;
    static NginxClientCertProxy nginx;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        exporter = new TestExporter();
        exporter.set("up{instance=\"n1\"} 1\nup{instance=\"n2\"} 0\n");
        prometheus = PrometheusServer.start(exporter.address(), null);
        prometheus.awaitSample("up{instance=\"n2\"}");
        nginx = NginxClientCertProxy.start(prometheus.url());
        dir = Files.createTempDirectory("rackscope-client-cert");
        ConfigFixture.write(
                dir.resolve("topology.yaml"),
                """
                sites:
                  - id: lab
                    rooms:
                      - id: r1
                        aisles:
                          - id: a1
                            racks:
                              - {id: rk1, devices: [{id: c1, template_id: srv, u_position: 1, instance: n1}, {id: c2, template_id: srv, u_position: 2, instance: n2}]}
                """);
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                "templates:\n  - {id: srv, u_height: 1, checks: [node_up]}\n");
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    rules: [{op: "==", value: 0, severity: CRIT}]
                """);
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    private static CliRun snapshotWith(String tls) {
        ConfigFixture.write(
                dir.resolve("app.yaml"),
                "telemetry:\n  prometheus_url: " + nginx.url() + "\n" + tls);
        return CliRun.of("snapshot", "--config", dir.toString(), "--json");
    }

    @Test
    void withItsClientCertificateTheAppReadsPrometheusThroughTheProxy() throws Exception {
        CliRun r =
                snapshotWith(
                        "  tls_ca_file: %s\n  tls_cert_file: %s\n  tls_key_file: %s\n"
                                .formatted(nginx.ca(), nginx.clientCert(), nginx.clientKey()));
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("OK", doc.get("nodes").get("n1").asText());
        assertEquals("CRIT", doc.get("nodes").get("n2").asText());
    }

    @Test
    void withoutOneTheProblemIsSaidPlainly() throws Exception {
        CliRun r = snapshotWith("  tls_ca_file: %s\n".formatted(nginx.ca()));
        String all = r.out() + r.err();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("UNKNOWN", doc.get("nodes").get("n2").asText(), "nothing is known: " + all);
        assertTrue(
                all.contains("requires a client certificate")
                        && all.contains("tls_cert_file")
                        && all.contains("CREDENTIALS"),
                all);
        assertFalse(all.contains("<html"), "no raw HTML page: " + all);
    }

    @Test
    void anEstateIsDiscoveredThroughTheCertificateAndItsConfigurationKeepsIt() throws Exception {
        Path out = Files.createTempDirectory("rackscope-discover-tls");
        Files.delete(out);
        CliRun none =
                CliRun.of(
                        "discover",
                        "--prometheus",
                        nginx.url(),
                        "--rack",
                        "=rk1",
                        "--out",
                        out.toString());
        assertEquals(1, none.code(), none.out());
        assertTrue(none.err().contains("certificate"), none.err());
        CliRun r =
                CliRun.of(
                        "discover",
                        "--prometheus",
                        nginx.url(),
                        "--tls-ca",
                        nginx.ca().toString(),
                        "--tls-cert",
                        nginx.clientCert().toString(),
                        "--tls-key",
                        nginx.clientKey().toString(),
                        "--rack",
                        "=rk1",
                        "--out",
                        out.toString());
        assertEquals(0, r.code(), r.err());
        String app = Files.readString(out.resolve("app.yaml"));
        assertTrue(app.contains("  tls_ca_file: " + nginx.ca().toAbsolutePath() + "\n"), app);
        assertTrue(
                app.contains("  tls_cert_file: " + nginx.clientCert().toAbsolutePath() + "\n"),
                app);
        CliRun snapshot = CliRun.of("snapshot", "--config", out.toString(), "--json");
        assertEquals(0, snapshot.code(), snapshot.err());
    }
}
