package io.rackscope.desktop.handling;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.http.Endpoint;
import java.time.Clock;
import java.time.Duration;

/**
 * Where acknowledgements and maintenances are kept: Alertmanager when one is configured (or given
 * on the command line), else {@code maintenances.yaml} beside app.yaml.
 */
public final class Stores {
    private Stores() {}

    public static SilenceStore store(RackscopeConfig cfg, String alertmanagerUrl) {
        Endpoint am = cfg.app().alertmanager();
        if (alertmanagerUrl != null) {
            am =
                    am != null
                            ? am.withUrl(alertmanagerUrl)
                            : new Endpoint(
                                    alertmanagerUrl,
                                    null,
                                    null,
                                    null,
                                    true,
                                    null,
                                    null,
                                    null,
                                    Duration.ofSeconds(10),
                                    1,
                                    "alertmanager");
        }
        return am != null
                ? new AlertmanagerStore(am)
                : new FileStore(cfg.paths().appYaml().toAbsolutePath().getParent());
    }

    public static HandlingService service(
            RackscopeConfig cfg, String alertmanagerUrl, Clock clock) {
        return new HandlingService(
                store(cfg, alertmanagerUrl),
                new AlertLabels(cfg.topology(), cfg.app().telemetry().identityLabel()),
                clock);
    }
}
