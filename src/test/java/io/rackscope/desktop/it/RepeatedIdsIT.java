package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.config.ConfigFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three sites that reuse their room, rack and device ids (every site has room {@code hall} with
 * racks {@code r01} and {@code r02}, each with devices {@code c01} and {@code c02}), on a real
 * Prometheus. Node ids are each site's own.
 */
class RepeatedIdsIT {
    static final List<String> SITES = List.of("paris", "lyon", "nice");
    static Path dir;
    static TestExporter exporter;
    static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        dir = Files.createTempDirectory("rackscope-repeated-ids");
        StringBuilder sites = new StringBuilder("sites:\n");
        for (String site : SITES) {
            sites.append(
                    """
                      - id: %s
                        rooms:
                          - id: hall
                            aisles:
                              - id: a1
                                racks:
                    """
                            .formatted(site));
            int node = 1;
            for (String rack : List.of("r01", "r02")) {
                sites.append(
                        "                  - {id: %s, template_id: rk, devices: [".formatted(rack));
                for (String device : List.of("c01", "c02")) {
                    sites.append(
                            "{id: %s, template_id: srv, u_position: %d, nodes: {1: %s-n%d, 2: %s-n%d}}, "
                                    .formatted(device, node, site, node, site, node + 1));
                    node += 2;
                }
                sites.append("]}\n");
            }
        }
        ConfigFixture.write(dir.resolve("topology.yaml"), sites.toString());
        ConfigFixture.write(
                dir.resolve("templates/t.yaml"),
                """
                templates:
                  - {id: srv, u_height: 1, checks: [node_up, psu]}
                rack_templates:
                  - {id: rk, u_height: 42, checks: [rack_power]}
                """);
        ConfigFixture.write(
                dir.resolve("checks/library/c.yaml"),
                """
                checks:
                  - id: node_up
                    expr: up{instance=~"$instances"}
                    rules: [{op: "==", value: 0, severity: CRIT}]
                  - id: psu
                    scope: chassis
                    expr: psu_ok{chassis_id=~"$chassis"}
                    rules: [{op: "==", value: 0, severity: WARN}]
                  - id: rack_power
                    scope: rack
                    expr: rack_power_watts{rack_id=~"$racks"}
                    rules: [{op: ">", value: 9000, severity: WARN}]
                """);
        exporter = new TestExporter();
        exporter.set(metrics(Map.of()));
        prometheus = PrometheusServer.start(exporter.address(), null);
        waitForScrape("rack_power_watts{rack_id=\"r01\"} < 9000");
    }

    /** Every node up except lyon-n3 and nice-n6; the racks' power from {@code power}. */
    static String metrics(Map<String, Integer> power) {
        StringBuilder b = new StringBuilder();
        for (String site : SITES) {
            for (int n = 1; n <= 8; n++) {
                String id = site + "-n" + n;
                boolean down = id.equals("lyon-n3") || id.equals("nice-n6");
                b.append("up{instance=\"%s\"} %d\n".formatted(id, down ? 0 : 1));
            }
        }
        for (String c : List.of("c01", "c02")) {
            b.append("psu_ok{chassis_id=\"%s\"} 1\n".formatted(c));
        }
        for (String r : List.of("r01", "r02")) {
            b.append(
                    "rack_power_watts{rack_id=\"%s\"} %d\n"
                            .formatted(r, power.getOrDefault(r, 4000)));
        }
        return b.toString();
    }

    static void waitForScrape(String expr) throws InterruptedException {
        prometheus.awaitSample(expr);
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    static JsonNode snapshot() throws Exception {
        CliRun r =
                CliRun.of(
                        "snapshot",
                        "--config",
                        dir.toString(),
                        "--prometheus",
                        prometheus.url(),
                        "--json");
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void everyCopyIsKeptAndCheckConfigOnlyWarns() {
        CliRun r = CliRun.of("check-config", "--config", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String all = r.out() + r.err();
        assertTrue(all.matches("(?s).*racks\\s+6\\b.*"), all);
        assertTrue(all.contains("0 error(s)"), all);
        assertTrue(
                all.contains("the rack id 'r01' is used by 3 racks: paris/hall/r01 (")
                        && all.contains("lyon/hall/r01 (")
                        && all.contains("and nice/hall/r01 ("),
                all);
        assertEquals(1, all.split("the rack id 'r01'", -1).length - 1, "one warning per id");
        assertTrue(all.contains("the device id 'c01' is used by 6 devices"), all);
    }

    @Test
    void plantedFailuresInTheSecondAndThirdCopiesAreFoundAndNothingElseTurnsRed() throws Exception {
        JsonNode doc = snapshot();
        Map<String, String> paths = new TreeMap<>();
        doc.get("rack_paths")
                .fields()
                .forEachRemaining(e -> paths.put(e.getKey(), e.getValue().asText()));
        assertEquals(
                Map.of(
                        "lyon/hall/r01", "CRIT",
                        "lyon/hall/r02", "OK",
                        "nice/hall/r01", "OK",
                        "nice/hall/r02", "CRIT",
                        "paris/hall/r01", "OK",
                        "paris/hall/r02", "OK"),
                paths);
        assertEquals("CRIT", doc.get("racks").get("r01").asText(), "the worst r01");
        assertEquals("CRIT", doc.get("rooms").get("lyon/hall").asText());
        assertEquals("OK", doc.get("rooms").get("paris/hall").asText());
        assertEquals("OK", doc.get("sites").get("paris").asText());
        List<String> alerts = new ArrayList<>();
        doc.get("alerts")
                .forEach(
                        a -> alerts.add(a.get("entity").asText() + " @ " + a.get("path").asText()));
        assertEquals(
                List.of(
                        "lyon-n3 @ lyon / hall / a1 / r01 / c02 / lyon-n3",
                        "nice-n6 @ nice / hall / a1 / r02 / c01 / nice-n6"),
                alerts.stream().sorted().toList());
    }

    @Test
    void aRackSeriesCarriesOnlyTheIdSoItFailsEveryRackWithThatId() throws Exception {
        exporter.set(metrics(Map.of("r02", 12000)));
        waitForScrape("rack_power_watts{rack_id=\"r02\"} > 9000");
        try {
            JsonNode doc = snapshot();
            List<String> power = new ArrayList<>();
            doc.get("alerts")
                    .forEach(
                            a -> {
                                if (a.get("check").asText().equals("rack_power")) {
                                    power.add(a.get("entity").asText());
                                }
                            });
            assertEquals(
                    List.of("lyon/hall/r02", "nice/hall/r02", "paris/hall/r02"),
                    power.stream().sorted().toList());
            assertEquals("WARN", doc.get("rack_paths").get("paris/hall/r02").asText());
            assertEquals("OK", doc.get("rack_paths").get("paris/hall/r01").asText());
        } finally {
            exporter.set(metrics(Map.of()));
            waitForScrape("rack_power_watts{rack_id=\"r02\"} < 9000");
        }
    }
}
