package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.checks.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Port: when each entity last had a sample of a check, looking back some time from a moment (an
 * entity without one then is left out): the "since when" of an UNKNOWN that says "no sample".
 */
@Port
public interface SampleTimes {
    /** When there is no Prometheus to ask: nothing is known. */
    SampleTimes NONE = (check, ids, at, within) -> CompletableFuture.completedFuture(Map.of());

    CompletableFuture<Map<String, Instant>> lastSampleAt(
            Check check, List<String> ids, Instant at, Duration within);
}
