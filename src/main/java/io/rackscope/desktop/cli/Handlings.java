package io.rackscope.desktop.cli;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Stores;
import io.rackscope.desktop.health.HealthSnapshot;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;

/** Acknowledgements and maintenances applied to the commands' snapshots. */
public final class Handlings {
    private Handlings() {}

    /** {@code s} with what is acknowledged or under maintenance; a store it cannot read is said. */
    public static HealthSnapshot applied(
            RackscopeConfig cfg,
            String alertmanagerUrl,
            HealthSnapshot s,
            Instant at,
            PrintWriter err) {
        HandlingService h = Stores.service(cfg, alertmanagerUrl, Clock.systemUTC());
        h.refresh();
        h.problem().ifPresent(p -> err.println("warning: " + p));
        return h.apply(s, at == null ? Instant.now() : at, false);
    }
}
