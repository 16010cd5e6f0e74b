package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import java.time.Instant;

/** What the planner shows of itself to monitors, read from other threads without waiting. */
public interface PlannerState {
    /** The counters as they are now. */
    CycleStats stats();

    /** The newest snapshot. */
    HealthSnapshot latest();

    /** When a cycle last brought data (null: never); the age of what is shown grows from it. */
    Instant lastGoodAt();

    /** Whether cycles are still coming. */
    Liveness liveness();
}
