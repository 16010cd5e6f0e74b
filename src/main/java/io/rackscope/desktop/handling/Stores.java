package io.rackscope.desktop.handling;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.http.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Where acknowledgements and maintenances are kept: Alertmanager when one is configured (or given
 * on the command line), else {@code maintenances.yaml} beside app.yaml (or, where that directory
 * cannot be written, beside the journal's directory).
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
        if (am != null) {
            return new AlertmanagerStore(am);
        }
        Path dir = cfg.paths().appYaml().toAbsolutePath().getParent();
        // an installed demo's configuration is read-only: keep them with the journal instead
        return new FileStore(Files.isWritable(dir) ? dir : Journal.defaultDirectory().getParent());
    }

    public static HandlingService service(
            RackscopeConfig cfg, String alertmanagerUrl, Clock clock) {
        return new HandlingService(
                store(cfg, alertmanagerUrl),
                new AlertLabels(cfg.topology(), cfg.app().telemetry().identityLabel()),
                clock);
    }
}
