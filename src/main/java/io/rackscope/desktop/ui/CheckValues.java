package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Check;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Port: the current values of a check for some entities, healthy ones included (the cycle itself
 * only brings back the failing ones).
 */
public interface CheckValues {
    CompletableFuture<Map<String, Double>> currentValues(Check check, List<String> ids);
}
