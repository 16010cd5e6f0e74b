package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.cli.SnapshotCommand;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real estate's shape: every node its own target, labelled with its instance, beside a target
 * that is no node (a PDU's exporter). On a real Prometheus, a {@code for:} check's presence probe
 * is spared while only other targets change, and asks only of the node whose target changed when
 * one does; every cycle's states are a fresh planner's at the same moment.
 */
class TargetChangesIT {
    static final String PDU = "pdu-1";
    static final Map<String, TestExporter> EXPORTERS = new LinkedHashMap<>();
    static final Map<String, String> ADDRESSES = new LinkedHashMap<>();
    static Path dir;
    static RackscopeConfig config;
    static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-targets-it");
        config = VanishingSeriesIT.sixNodes(dir, TargetPerNodeIT.CHECKS);
        Map<String, String> addresses = ADDRESSES;
        for (String id : targets()) {
            TestExporter e = new TestExporter();
            EXPORTERS.put(id, e);
            addresses.put(id, e.address());
        }
        show(0, (n, m) -> true, 1);
        prometheus = PrometheusServer.scrapingTargets(addresses);
        prometheus.awaitSample("count(rackscope_it_step == 0) == " + EXPORTERS.size());
    }

    static List<String> targets() {
        List<String> out = new ArrayList<>(VanishingSeriesIT.NODES);
        out.add(PDU);
        return out;
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        EXPORTERS.values().forEach(TestExporter::close);
    }

    /**
     * Each node's exporter keeps the series {@code has} keeps; the PDU's serves {@code outlets}.
     */
    interface Has {
        boolean series(String node, String metric);
    }

    static void show(int step, Has has, int outlets) {
        EXPORTERS.forEach(
                (id, e) -> {
                    StringBuilder b = new StringBuilder("rackscope_it_step " + step + "\n");
                    if (id.equals(PDU)) {
                        for (int o = 1; o <= outlets; o++) {
                            b.append("pdu_outlet_watts{outlet=\"").append(o).append("\"} 120\n");
                        }
                    } else if (!has.series(id, "exporter")) {
                        e.set(null);
                        return;
                    } else {
                        if (has.series(id, "node_ok")) {
                            b.append("node_ok 1\n");
                        }
                        if (has.series(id, "temp")) {
                            b.append("temp_celsius 40\n");
                        }
                        if (has.series(id, "mem")) {
                            b.append("memory_pressure_percent 50\n");
                        }
                    }
                    e.set(b.toString());
                });
    }

    /**
     * Shows step {@code step} on the {@code live} targets and returns a moment at which Prometheus
     * holds it and every scrape up to it is stored.
     */
    static Instant showAndWait(int step, Has has, int outlets, int live, String gone)
            throws Exception {
        show(step, has, outlets);
        prometheus.awaitSample("count(rackscope_it_step == " + step + ") == " + live);
        if (gone != null) {
            // a failed scrape, or a target removed (a couple of scrapes later), marks it stale
            prometheus.awaitSample("absent(" + gone + ")");
        }
        Instant at = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
        prometheus.awaitSample(
                "min(timestamp(rackscope_it_step == " + step + ")) > " + (at.getEpochSecond() + 1));
        return at;
    }

    static HealthSnapshot fresh(Instant at) {
        return VanishingSeriesIT.fresh(config, prometheus.url(), at);
    }

    @Test
    void aProbeAsksOnlyOfTheTargetsThatChanged() throws Exception {
        // n04's exporter answers without any series a check reads: nothing tells the app that its
        // target keeps samples, so its up is read every cycle
        Has all = (n, m) -> !n.equals("n04") || m.equals("exporter");
        Has n02WithoutTemp = (n, m) -> all.series(n, m) && !(n.equals("n02") && m.equals("temp"));
        Has n05Down = (n, m) -> n02WithoutTemp.series(n, m) && !n.equals("n05");
        Object[][] steps = {
            // warm-up: discovery, then two cycles with nothing changed
            {all, 1, 7, null},
            {all, 1, 7, null},
            {all, 1, 7, null},
            // the PDU's exporter grows an outlet: no node's target moved
            {all, 2, 7, null},
            // n02's temperature stops, its node up
            {n02WithoutTemp, 2, 7, "temp_celsius{instance=\"n02\"}"},
            // n05's exporter goes down: every series of its target goes
            {n05Down, 2, 6, "node_ok{instance=\"n05\"}"},
            // n06's target leaves the configuration: its series go without a figure of their own
            {n05Down, 2, 5, "node_ok{instance=\"n06\"}"},
        };
        List<List<String>> tempQueries = new ArrayList<>();
        List<List<String>> upQueries = new ArrayList<>();
        List<HealthSnapshot> seen = new ArrayList<>();
        try (LivePlanner live = LivePlanner.of(config, prometheus.url(), Duration.ofSeconds(5))) {
            TelemetryPlanner running = live.planner();
            for (int i = 0; i < steps.length; i++) {
                if (i == steps.length - 1) {
                    Map<String, String> without = new LinkedHashMap<>(ADDRESSES);
                    without.remove("n06");
                    prometheus.rescrape(without);
                }
                Instant at =
                        showAndWait(
                                10 + i,
                                (Has) steps[i][0],
                                (int) steps[i][1],
                                (int) steps[i][2],
                                (String) steps[i][3]);
                int before = prometheus.loggedQueries();
                HealthSnapshot s = running.refreshAt(at);
                tempQueries.add(
                        prometheus.queriesFrom(before).stream()
                                .filter(q -> q.contains("temp_celsius"))
                                .toList());
                upQueries.add(
                        prometheus.queriesFrom(before).stream()
                                .filter(q -> q.contains("up{"))
                                .toList());
                assertTrue(s.errors().isEmpty(), s.errors().toString());
                assertEquals(states(fresh(at)), states(s), "cycle " + i);
                seen.add(s);
            }
        }
        assertEquals(List.of(), tempQueries.get(2), "nothing changed: the probe is spared");
        assertEquals(
                List.of(),
                tempQueries.get(3),
                "only the PDU's target changed: no node's series can have gone");
        assertEquals("no_sample", reason(seen.get(4), "n02", "temp"));
        assertFalse(tempQueries.get(4).isEmpty(), "n02's target changed: its probe is sent");
        assertTrue(
                tempQueries.get(4).stream().allMatch(onlyAbout("n02")),
                tempQueries.get(4).toString());
        assertEquals("no_sample", reason(seen.get(5), "n05", "temp"));
        // n02's change may fall in this cycle's window too (from a scrape before the last cycle)
        assertTrue(
                tempQueries.get(5).stream().allMatch(onlyAbout("n05", "n02")),
                tempQueries.get(5).toString());
        assertEquals("ok", reason(seen.get(5), "n03", "temp"));
        // node_up reads Prometheus' up: a target's outcome moves only with its figures
        assertEquals(1, upQueries.get(2).size(), upQueries.get(2).toString());
        assertTrue(
                upQueries.get(2).stream().allMatch(onlyAbout("n04")),
                "nothing changed: every node keeps its up but n04 " + upQueries.get(2));
        assertTrue(
                upQueries.get(3).stream().allMatch(onlyAbout("n04")),
                "only the PDU's target changed " + upQueries.get(3));
        assertTrue(
                upQueries.get(4).stream().anyMatch(q -> q.contains("n02"))
                        && upQueries.get(4).stream().allMatch(onlyAbout("n02", "n04")),
                upQueries.get(4).toString());
        assertEquals("failing", reason(seen.get(5), "n05", "node_up"));
        assertTrue(
                !upQueries.get(5).isEmpty()
                        && upQueries.get(5).stream().allMatch(onlyAbout("n05", "n02", "n04")),
                upQueries.get(5).toString());
        assertTrue(
                upQueries.get(6).stream().anyMatch(q -> q.contains("n01") && q.contains("n06")),
                "a target gone: up is read in full " + upQueries.get(6));
        assertEquals("no_sample", reason(seen.get(6), "n06", "temp"));
        // node_up, read every cycle, would see n06 go too; the probe must not rely on it
        assertTrue(
                tempQueries.get(6).stream()
                        .anyMatch(q -> q.contains("rackscope_probe") && q.contains("n06")),
                "a target gone: every probe is sent in full " + tempQueries.get(6));
    }

    /** A logged query that names {@code node} and no other node but {@code also}. */
    static Predicate<String> onlyAbout(String node, String... also) {
        List<String> allowed = new ArrayList<>(List.of(also));
        allowed.add(node);
        return q ->
                q.contains(node)
                        && VanishingSeriesIT.NODES.stream()
                                .filter(n -> !allowed.contains(n))
                                .noneMatch(q::contains);
    }

    static Object states(HealthSnapshot s) {
        return SnapshotCommand.checkStates(s, config);
    }

    static String reason(HealthSnapshot s, String entity, String check) {
        return VanishingSeriesIT.reason(states(s), entity, check);
    }
}
