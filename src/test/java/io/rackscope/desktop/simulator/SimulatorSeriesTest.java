package io.rackscope.desktop.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The series the simulator serves for the bundled configuration, read from its exposition. */
class SimulatorSeriesTest {
    static final RackscopeConfig CONFIG = new ConfigLoader().load(Path.of("config"));

    /** cn0165 down from the start. */
    static final Scenario CN0165_DOWN =
            new Scenario(
                    "one down",
                    java.util.List.of(
                            new Scenario.Event(
                                    Scenario.Kind.NODE_DOWN,
                                    "cn0165",
                                    java.time.Duration.ZERO,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null)));

    static double sample(String exposition, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$")
                        .matcher(exposition);
        assertTrue(m.find(), "no sample of " + series);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theNetworkCountersTheBundledDefinitionsChartAreServedAndOnlyGrow() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        EstateSimulator sim = new EstateSimulator(CONFIG, Scenario.NONE, 7, t0);
        String before = sim.exposition(t0.plusSeconds(60));
        String after = sim.exposition(t0.plusSeconds(120));
        for (String metric :
                new String[] {
                    "node_network_receive_bytes_total", "node_network_transmit_bytes_total"
                }) {
            Matcher m =
                    Pattern.compile("(?m)^(" + metric + "\\{[^}]*instance=\"cn0002\"[^}]*}) ")
                            .matcher(before);
            assertTrue(m.find(), metric + " is not served for cn0002");
            String series = m.group(1);
            assertTrue(
                    sample(after, series) > sample(before, series), metric + " grows: " + series);
        }
    }

    /** A rack drawing near its budget: a degradation of its PDUs' power, half as much again. */
    @Test
    void aDegradationOnARackMovesItsOwnPowerSeries() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        Scenario rising =
                new Scenario(
                        "rack near budget",
                        java.util.List.of(
                                new Scenario.Event(
                                        Scenario.Kind.DEGRADATION,
                                        "fra1-a01-r07",
                                        java.time.Duration.ZERO,
                                        null,
                                        io.rackscope.desktop.checks.Severity.CRIT,
                                        "pdu_power_watts",
                                        null,
                                        java.time.Duration.ofMinutes(30))));
        double calm = power(new EstateSimulator(CONFIG, Scenario.NONE, 7, t0), t0, "fra1-a01-r07");
        double drawn =
                power(
                        new EstateSimulator(CONFIG, rising, 7, t0),
                        t0.plusSeconds(1800),
                        "fra1-a01-r07");
        double other =
                power(
                        new EstateSimulator(CONFIG, rising, 7, t0),
                        t0.plusSeconds(1800),
                        "fra1-a01-r06");
        assertTrue(drawn > calm * 1.4, calm + " -> " + drawn);
        assertTrue(other < calm * 1.2, "the rack beside it keeps its power: " + other);
    }

    static double power(EstateSimulator sim, Instant t, String rack) {
        Matcher m =
                Pattern.compile("pdu_power_watts\\{[^}]*rack_id=\"" + rack + "\"[^}]*} (\\S+)")
                        .matcher(sim.exposition(t));
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    /**
     * Served as an estate with an exporter per node: each node's text holds its own series and no
     * {@code up} (Prometheus makes it); a node down has no text (its exporter does not answer); the
     * racks' and Slurm's series are the facility's; no series is lost or doubled.
     */
    @Test
    void byTargetEachNodeServesItsOwnSeries() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        EstateSimulator sim = new EstateSimulator(CONFIG, CN0165_DOWN, 7, t0);
        java.util.Map<String, String> byTarget = sim.expositionByTarget(t0.plusSeconds(60));
        assertTrue(sim.nodeTargets().contains("cn0165"));
        assertTrue(!byTarget.containsKey("cn0165"), "a node down: its exporter does not answer");
        String cn0002 = byTarget.get("cn0002");
        assertTrue(cn0002.contains("instance=\"cn0002\""), cn0002);
        assertTrue(!cn0002.contains("instance=\"cn0003\""));
        assertTrue(!cn0002.contains("\nup{") && !cn0002.startsWith("up{"), "up is Prometheus'");
        String facility = byTarget.get(EstateSimulator.FACILITY);
        assertTrue(facility.contains("pdu_power_watts{"), "the racks' series");
        assertTrue(facility.contains("slurm_"), "Slurm's");
        long whole =
                sim.exposition(t0.plusSeconds(60))
                        .lines()
                        .filter(l -> !l.startsWith("#") && !l.startsWith("up{"))
                        .count();
        long split =
                byTarget.values().stream()
                        .mapToLong(t -> t.lines().filter(l -> !l.startsWith("#")).count())
                        .sum();
        assertEquals(whole, split, "every series once (the node down's are gone from both)");
    }

    /** The series (name and labels, no value) of the exposition that name {@code node}. */
    static java.util.Set<String> seriesOf(String exposition, String node) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        exposition
                .lines()
                .filter(l -> l.contains("instance=\"" + node + "\""))
                .forEach(l -> out.add(l.substring(0, l.lastIndexOf(' '))));
        return out;
    }

    @Test
    void aNodeWithoutSamplesLeavesTheNextNodesSeriesAsTheyAre() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        String calm =
                new EstateSimulator(CONFIG, Scenario.NONE, 7, t0).exposition(t0.plusSeconds(60));
        String withDown =
                new EstateSimulator(CONFIG, CN0165_DOWN, 7, t0).exposition(t0.plusSeconds(60));
        assertTrue(
                withDown.lines().noneMatch(l -> l.startsWith("null")),
                "an absent sample writes nothing, not \"null\" before the next series' name");
        assertTrue(seriesOf(withDown, "cn0165").stream().allMatch(l -> l.startsWith("up{")));
        assertEquals(seriesOf(calm, "cn0166"), seriesOf(withDown, "cn0166"));
    }
}
