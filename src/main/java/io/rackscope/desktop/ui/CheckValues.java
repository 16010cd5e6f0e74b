package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.checks.Check;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Port: the values of a check at a moment for some entities, healthy ones included (the cycle
 * itself only brings back the failing ones).
 */
@Port
public interface CheckValues {
    /** The values at {@code at} (now, or the past moment shown). */
    CompletableFuture<Map<String, Double>> valuesAt(Check check, List<String> ids, Instant at);
}
