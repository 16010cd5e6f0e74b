package io.rackscope.desktop.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryStartTest {
    @Test
    void theOldestSampleIsReadAndAnEmptyDatabaseBeginsAfterTheMomentAsked() {
        Instant now = Instant.ofEpochSecond(1_796_532_628);
        assertEquals(
                Optional.of(Instant.ofEpochSecond(1_796_434_516)),
                HistoryStart.in(
                        "# TYPE prometheus_tsdb_lowest_timestamp_seconds gauge\n"
                                + "prometheus_tsdb_lowest_timestamp_seconds 1.796434516e+09\n",
                        now));
        assertEquals(
                Optional.of(now),
                HistoryStart.in(
                        "prometheus_tsdb_lowest_timestamp_seconds 9.223372036854776e+15\n", now),
                "what a database without samples says: its history begins after now");
        assertEquals(
                Optional.empty(), HistoryStart.in("up 1\n", now), "VictoriaMetrics says nothing");
    }
}
