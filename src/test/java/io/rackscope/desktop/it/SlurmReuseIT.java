package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Slurm's two queries read every node's series: while Prometheus' scrape figures vouch that no
 * series vanished or appeared, its last answer stands and they are not sent; a status that changes
 * (a new series) is read in the next cycle.
 */
class SlurmReuseIT {
    static String metrics(int step, String n03Status) {
        StringBuilder b = new StringBuilder("rackscope_it_step " + step + "\n");
        for (int i = 1; i <= 6; i++) {
            String n = "n0" + i;
            b.append("node_ok{instance=\"%s\"} 1\n".formatted(n));
            b.append("temp_celsius{instance=\"%s\"} %d\n".formatted(n, 40 + step));
            b.append("memory_pressure_percent{instance=\"%s\"} 50\n".formatted(n));
            b.append(
                    "slurm_node_status{node=\"%s\",status=\"%s\",partition=\"p\"} 1\n"
                            .formatted(n, n.equals("n03") ? n03Status : "allocated"));
        }
        return b.toString();
    }

    /**
     * A planner cycling every 5 s through {@code client}, each query's text kept in {@code asked}.
     */
    static TelemetryPlanner recorded(
            RackscopeConfig config, PrometheusClient client, List<String> asked) {
        TelemetryPlanner planner =
                new TelemetryPlanner(
                        config,
                        new RecordingApi(client, asked),
                        EvaluationMode.FILTERED,
                        Clock.systemUTC());
        planner.setCycleInterval(Duration.ofSeconds(5));
        return planner;
    }

    /** Six nodes with Slurm on, scraped every second. */
    static RackscopeConfig slurmEstate(String name) throws Exception {
        PrometheusServer.requireBinary("prometheus");
        return ConfigFixture.sixNodes(
                Files.createTempDirectory(name),
                """
                telemetry: {scrape_interval_seconds: 1}
                plugins:
                  slurm: {enabled: true, metric: slurm_node_status}
                """,
                VanishingSeriesIT.CHECKS);
    }

    @Test
    void slurmIsAskedAgainOnlyWhenAScrapeChangedItsSeries() throws Exception {
        RackscopeConfig config = slurmEstate("rackscope-slurm-reuse-it");
        try (TestExporter exporter = new TestExporter()) {
            exporter.set(metrics(0, "idle"));
            try (PrometheusServer prometheus = PrometheusServer.start(exporter.address(), null);
                    PrometheusClient client =
                            new PrometheusClient(
                                    config.app().telemetry().endpoint(prometheus.url()),
                                    new QueryStats())) {
                prometheus.awaitSample("rackscope_it_step == 0");
                List<String> asked = new CopyOnWriteArrayList<>();
                TelemetryPlanner planner = recorded(config, client, asked);
                String[] n03 = {"idle", "idle", "idle", "idle", "drain", "drain", "drain"};
                boolean[] slurmAsked = new boolean[n03.length];
                HealthSnapshot[] snapshots = new HealthSnapshot[n03.length];
                for (int i = 0; i < n03.length; i++) {
                    Instant at = show(prometheus, exporter, i, n03[i]);
                    asked.clear();
                    snapshots[i] = planner.refreshAt(at);
                    slurmAsked[i] = asked.contains("slurm_node_status");
                    assertEquals(6, snapshots[i].slurm().nodes().size(), "cycle " + i);
                }
                String seen = java.util.Arrays.toString(slurmAsked);
                assertTrue(slurmAsked[0], "the first cycle reads Slurm " + seen);
                // the scrape figures vouch from the third cycle on (two to compare)
                assertTrue(!slurmAsked[2] && !slurmAsked[3], "nothing changed: not asked " + seen);
                assertEquals("idle", snapshots[3].slurm().nodes().get("n03").status());
                assertTrue(slurmAsked[4], "n03's new status is a new series: asked " + seen);
                assertEquals(SlurmState.WARN, snapshots[4].slurm().state("n03"));
                assertEquals("drained", snapshots[4].slurm().nodes().get("n03").status());
                // the figures' window reaches one scrape back over the last cycle: the change is
                // still in it in the next cycle
                assertTrue(!slurmAsked[6], "still again once the change is read " + seen);
                assertEquals(SlurmState.WARN, snapshots[6].slurm().state("n03"));
            }
        }
    }

    /**
     * As in a real deployment, Slurm's series come from their own exporter (a target of their own),
     * while another's series come and go every cycle (pods, jobs, a flapping exporter): the figures
     * of Slurm's target vouch for its answer where the whole server's cannot.
     */
    @Test
    void slurmsOwnTargetVouchesForItWhileOtherTargetsChurn() throws Exception {
        RackscopeConfig config = slurmEstate("rackscope-slurm-target-it");
        try (TestExporter nodes = new TestExporter();
                TestExporter slurmExporter = new TestExporter()) {
            String[] n03 = {"idle", "idle", "idle", "idle", "drain", "drain", "drain"};
            nodes.set(churning(0));
            slurmExporter.set(slurmOnly(0, n03[0]));
            try (PrometheusServer prometheus =
                            PrometheusServer.scraping(
                                    List.of(nodes.address(), slurmExporter.address()));
                    PrometheusClient client =
                            new PrometheusClient(
                                    config.app().telemetry().endpoint(prometheus.url()),
                                    new QueryStats())) {
                prometheus.awaitSample("rackscope_it_slurm_step == 0");
                List<String> asked = new CopyOnWriteArrayList<>();
                TelemetryPlanner planner = recorded(config, client, asked);
                boolean[] slurmAsked = new boolean[n03.length];
                boolean[] churned = new boolean[n03.length];
                HealthSnapshot[] snapshots = new HealthSnapshot[n03.length];
                for (int i = 0; i < n03.length; i++) {
                    nodes.set(churning(i));
                    slurmExporter.set(slurmOnly(i, n03[i]));
                    prometheus.awaitSample("rackscope_it_step == " + i);
                    prometheus.awaitSample("rackscope_it_slurm_step == " + i);
                    Instant at = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
                    prometheus.awaitSample(
                            "min(timestamp({__name__=~\"rackscope_it_(slurm_)?step\"})) > "
                                    + (at.getEpochSecond() + 1));
                    asked.clear();
                    snapshots[i] = planner.refreshAt(at);
                    slurmAsked[i] = asked.contains("slurm_node_status");
                    churned[i] = asked.stream().anyMatch(q -> q.contains("rackscope_probe"));
                    assertEquals(6, snapshots[i].slurm().nodes().size(), "cycle " + i);
                }
                String seen = java.util.Arrays.toString(slurmAsked);
                assertTrue(slurmAsked[0], "the first cycle reads Slurm " + seen);
                assertTrue(
                        churned[2] && churned[3],
                        "the other exporter's series churn: the server's figures vouch for nothing, the"
                                + " for: checks are probed "
                                + java.util.Arrays.toString(churned));
                assertTrue(
                        !slurmAsked[2] && !slurmAsked[3],
                        "Slurm's own target stood still: not asked " + seen);
                assertTrue(slurmAsked[4], "n03's new status is a new series on it: asked " + seen);
                assertEquals(SlurmState.WARN, snapshots[4].slurm().state("n03"));
                assertTrue(!slurmAsked[6], "still again once the change is read " + seen);
                assertEquals("drained", snapshots[6].slurm().nodes().get("n03").status());
            }
        }
    }

    /** The nodes' exporter at {@code step}: the checks' series, and one that is new every step. */
    static String churning(int step) {
        String all = metrics(step, "idle");
        StringBuilder b = new StringBuilder();
        for (String line : all.split("\n")) {
            if (!line.startsWith("slurm_")) {
                b.append(line).append('\n');
            }
        }
        return b.append("rackscope_it_churn{step=\"").append(step).append("\"} 1\n").toString();
    }

    /** Slurm's exporter at {@code step}: the six nodes' status, n03's {@code n03}. */
    static String slurmOnly(int step, String n03) {
        StringBuilder b = new StringBuilder("rackscope_it_slurm_step " + step + "\n");
        for (String line : metrics(step, n03).split("\n")) {
            if (line.startsWith("slurm_")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    /** As {@link VanishingSeriesIT#show}: a moment at which Prometheus holds step {@code step}. */
    static Instant show(PrometheusServer prometheus, TestExporter exporter, int step, String n03)
            throws Exception {
        exporter.set(metrics(step, n03));
        prometheus.awaitSample("rackscope_it_step == " + step);
        Instant at = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
        prometheus.awaitSample("timestamp(rackscope_it_step) > " + (at.getEpochSecond() + 1));
        return at;
    }
}
