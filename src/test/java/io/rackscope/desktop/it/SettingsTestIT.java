package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.SettingsTestService;
import io.rackscope.desktop.ui.SettingsTester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The settings editor's Test connection on real servers: a Prometheus direct, behind nginx with
 * basic authentication over TLS of a private CA (wrong password, no CA, all right), and an
 * Alertmanager alone and clustered; each answer said plainly, no secret in it.
 */
class SettingsTestIT {
    static final String PASSWORD = "pw-of-the-desk-42";
    static TestExporter exporter;
    static PrometheusServer prometheus;
    static NginxClientCertProxy nginx;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        exporter = new TestExporter();
        exporter.set("up{instance=\"n1\"} 1\nup{instance=\"n2\"} 0\nup{instance=\"n3\"} 1\n");
        prometheus = PrometheusServer.start(exporter.address(), null);
        prometheus.awaitSample("up{instance=\"n3\"}");
        nginx = NginxClientCertProxy.startWithBasicAuth(prometheus.url(), "desk", PASSWORD);
        dir = Files.createTempDirectory("rackscope-settings-test");
        Files.copy(nginx.ca(), dir.resolve("ca.pem"));
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

    static SettingsTester.Result prometheus(String appYaml) throws Exception {
        return new SettingsTestService(dir).prometheus(appYaml).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aPrometheusAnswersWithItsSeriesOfTheIdentityLabel() throws Exception {
        SettingsTester.Result r =
                prometheus("telemetry:\n  prometheus_url: " + prometheus.url() + "\n");
        assertTrue(r.ok(), r.lines().toString());
        assertTrue(
                r.lines().get(0).startsWith("Reached " + prometheus.url() + " in "),
                r.lines().get(0));
        assertTrue(r.lines().get(0).endsWith(" over plain HTTP; no credentials asked."));
        // the test's own scrape target (1) and the exporter's three nodes
        assertEquals(
                "4 series of up, 4 of them with the label instance (4 distinct values: the nodes"
                        + " the checks can find)",
                r.lines().get(1));
        SettingsTester.Result wrongLabel =
                prometheus(
                        "telemetry:\n  prometheus_url: "
                                + prometheus.url()
                                + "\n  identity_label: host\n");
        assertTrue(
                wrongLabel
                        .lines()
                        .contains(
                                "No series of up has the label host: the identity label is wrong,"
                                        + " or up is not scraped here."),
                wrongLabel.lines().toString());
    }

    @Test
    void behindNginxTheCredentialsAndTheCertificateAreEachSaidPlainly() throws Exception {
        String base = "telemetry:\n  prometheus_url: " + nginx.url() + "\n";
        SettingsTester.Result noCa =
                prometheus(
                        base
                                + "  basic_auth_user: desk\n  basic_auth_password: "
                                + PASSWORD
                                + "\n");
        assertFalse(noCa.ok());
        assertTrue(noCa.lines().get(0).contains("certificate"), noCa.lines().toString());
        SettingsTester.Result wrong =
                prometheus(
                        base
                                + "  tls_ca_file: ca.pem\n  basic_auth_user: desk\n"
                                + "  basic_auth_password: not-it\n");
        assertFalse(wrong.ok());
        assertTrue(wrong.lines().get(0).contains("401"), wrong.lines().toString());
        SettingsTester.Result right =
                prometheus(
                        base
                                + "  tls_ca_file: ca.pem\n  basic_auth_user: desk\n"
                                + "  basic_auth_password: "
                                + PASSWORD
                                + "\n");
        assertTrue(right.ok(), right.lines().toString());
        assertTrue(
                right.lines()
                        .get(0)
                        .endsWith(
                                " over TLS, its certificate verified against ca.pem; user desk was"
                                        + " accepted."),
                right.lines().get(0));
        for (SettingsTester.Result r : java.util.List.of(noCa, wrong, right)) {
            assertFalse(String.join("\n", r.lines()).contains(PASSWORD), r.lines().toString());
        }
    }

    @Test
    void aSiteIsTriedWithItsOwnCredentialsWhereItHasThemElseTheMainOnes() throws Exception {
        // the main Prometheus is open; the site's is behind nginx with a password of its own
        String yaml =
                "telemetry:\n  prometheus_url: "
                        + prometheus.url()
                        + "\n  sites:\n    fra1:\n      prometheus_url: "
                        + nginx.url()
                        + "\n      tls_ca_file: ca.pem\n      basic_auth_user: desk\n"
                        + "      basic_auth_password: "
                        + PASSWORD
                        + "\n";
        SettingsTestService service = new SettingsTestService(dir);
        SettingsTester.Result own = service.site(yaml, "fra1", "").get(60, TimeUnit.SECONDS);
        assertTrue(own.ok(), own.lines().toString());
        assertTrue(own.lines().get(0).contains("user desk was accepted"), own.lines().toString());
        // a site without a block of its own: the main settings, here no credentials (401)
        SettingsTester.Result main =
                service.site(yaml, "lon1", nginx.url()).get(60, TimeUnit.SECONDS);
        assertFalse(main.ok());
        assertFalse(String.join("\n", own.lines()).contains(PASSWORD), own.lines().toString());
    }

    @Test
    void aFederatingPrometheusWithoutHonorLabelsIsSaidAndBothServersOfAnHaSetAreTried()
            throws Exception {
        try (PrometheusServer renaming = PrometheusServer.federating(prometheus, false);
                PrometheusServer honouring = PrometheusServer.federating(prometheus, true)) {
            renaming.awaitSample("up{exported_instance=\"n3\"}");
            honouring.awaitSample("up{instance=\"n3\"}");
            SettingsTester.Result renamed =
                    prometheus("telemetry:\n  prometheus_url: " + renaming.url() + "\n");
            assertTrue(
                    String.join("\n", renamed.lines()).contains("without honor_labels"),
                    renamed.lines().toString());
            SettingsTester.Result pair =
                    prometheus(
                            "telemetry:\n  prometheus_url: ["
                                    + honouring.url()
                                    + ", http://127.0.0.1:"
                                    + PrometheusServer.freePort()
                                    + "]\n");
            assertTrue(pair.ok(), pair.lines().toString());
            assertTrue(
                    pair.lines().get(0).startsWith("Server 1 of 2: Reached"),
                    pair.lines().toString());
            assertFalse(
                    String.join("\n", pair.lines()).contains("honor_labels"),
                    pair.lines().toString());
            assertTrue(
                    pair.lines().stream()
                            .anyMatch(
                                    l ->
                                            l.startsWith(
                                                    "Server 2 of 2: Not answered: cannot connect")),
                    pair.lines().toString());
        }
    }

    @Test
    void anAlertmanagerAloneAndInAClusterAnswersWithItsPeers() throws Exception {
        try (AlertmanagerServer first = AlertmanagerServer.start();
                AlertmanagerServer second = AlertmanagerServer.start(first)) {
            SettingsTestService service = new SettingsTestService(dir);
            PrometheusServer.waitFor(
                    () -> {
                        try {
                            return service.alertmanager(
                                            "alertmanager:\n  url: " + first.url() + "\n")
                                    .get(30, TimeUnit.SECONDS)
                                    .lines()
                                    .get(0)
                                    .contains("a cluster of 2 peers, ready");
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    java.time.Duration.ofSeconds(30),
                    "the cluster settled");
            SettingsTester.Result r =
                    service.alertmanager("alertmanager:\n  url: " + first.url() + "\n")
                            .get(30, TimeUnit.SECONDS);
            assertTrue(r.ok());
            assertTrue(
                    r.lines().get(0).startsWith("Alertmanager 0.")
                            && r.lines().get(0).endsWith("; 0 silence(s) in force."),
                    r.lines().get(0));
            second.stop();
            first.stop();
            SettingsTester.Result down =
                    service.alertmanager("alertmanager:\n  url: " + first.url() + "\n")
                            .get(30, TimeUnit.SECONDS);
            assertFalse(down.ok());
            assertTrue(down.lines().get(0).contains("is not reachable"), down.lines().toString());
            SettingsTester.Result none =
                    service.alertmanager("telemetry: {}\n").get(30, TimeUnit.SECONDS);
            assertEquals(
                    "No Alertmanager URL is set: acknowledgements stay on this desk.",
                    none.lines().get(0));
        }
    }
}
