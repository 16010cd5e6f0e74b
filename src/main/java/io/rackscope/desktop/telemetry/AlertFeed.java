package io.rackscope.desktop.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alerts held by another part of the site's alerting (its Alertmanager), read once a live cycle
 * beside the checks: each with its labels, when it started, and whether Alertmanager inhibits it.
 */
public interface AlertFeed {
    record Fed(Map<String, String> labels, Instant startsAt, boolean inhibited) {
        public Fed {
            labels = Map.copyOf(labels);
        }
    }

    /** The alerts active now; throws when they cannot be read (said, and the last kept). */
    List<Fed> alerts() throws Exception;
}
