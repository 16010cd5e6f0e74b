package io.rackscope.desktop.simulator;

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
}
