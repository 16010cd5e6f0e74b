package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An account that does not balance, read wider: only what it had not read is asked again. */
class TargetAccountTest {
    @TempDir Path dir;

    /** The target lost n03's two series at its last scrape; n01 (unsteady) did not move. */
    static QueryResult answer(String q) {
        List<Series> series = new ArrayList<>();
        if (q.startsWith("{__name__=~\"scrape_samples")) {
            series.addAll(ScrapeAccountTest.figures(new double[] {12, 12, 10}, new double[3]));
        } else if (q.contains("n01")) {
            series.add(
                    ScrapeAccountTest.scraped(
                            Map.of("__name__", "up", "instance", "n01"), 0, 1, 2));
        } else if (q.contains("n03")) {
            series.add(
                    ScrapeAccountTest.scraped(Map.of("__name__", "up", "instance", "n03"), 0, 1));
            series.add(
                    ScrapeAccountTest.scraped(Map.of("__name__", "temp", "instance", "n03"), 0, 1));
        }
        return new QueryResult("matrix", series, List.of(), List.of(), 0);
    }

    @Test
    void aWiderReadAsksOnlyTheNewNodesAndBalances() {
        RackscopeConfig config = VanishingSeriesTest.load(dir, "");
        List<String> sent = new ArrayList<>();
        TargetAccount first =
                TargetAccount.read(
                                config,
                                List.of(),
                                "sim:9100",
                                45,
                                Set.of("n01"),
                                Set.of(),
                                q -> {
                                    sent.add(q);
                                    return CompletableFuture.completedFuture(answer(q));
                                })
                        .join();
        assertEquals(2, sent.size(), "the figures and n01's series " + sent);
        assertNull(first.moved(), "n01 does not account for the two series lost");
        assertTrue(first.widens());
        sent.clear();
        TargetAccount wider = first.widened(Set.of("n01", "n03")).join();
        assertEquals(List.of("{instance=~\"n03\"}[45s]"), sent, "only n03 is asked");
        assertEquals(Set.of("n01", "n03"), wider.nodes());
        assertTrue(wider.moved().contains("n03"), "n03's series account for the loss");
    }
}
