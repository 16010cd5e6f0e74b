package io.rackscope.desktop.handling;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.http.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where acknowledgements and maintenances are kept: Alertmanager when one is configured (or given
 * on the command line), else {@code maintenances.yaml} beside app.yaml (or, where that directory
 * cannot be written and holds none, beside the journal's directory).
 */
public final class Stores {
    private Stores() {}

    public static SilenceStore store(RackscopeConfig cfg, String alertmanagerUrl) {
        return store(cfg, alertmanagerUrl, Files::isWritable);
    }

    /**
     * {@code writable}: whether a directory can be written (as root every one can, so tests ask).
     */
    static SilenceStore store(
            RackscopeConfig cfg, String alertmanagerUrl, Predicate<Path> writable) {
        Endpoint am = cfg.app().alertmanager();
        if (alertmanagerUrl != null) {
            // --alertmanager URL, or the peers of a cluster separated by commas
            List<String> urls =
                    Arrays.stream(alertmanagerUrl.split(","))
                            .map(String::strip)
                            .filter(u -> !u.isEmpty())
                            .toList();
            Endpoint base =
                    am != null
                            ? am
                            : new Endpoint(
                                    urls.get(0),
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
            am = base.withUrls(urls);
        }
        if (am != null) {
            return new AlertmanagerStore(am, cfg.app().alerts().karmaAcks());
        }
        Path dir = cfg.paths().appYaml().toAbsolutePath().getParent();
        // an installed demo's configuration is read-only: keep them with the journal instead,
        // unless it holds some already (they are read there, never hidden by an empty file)
        boolean holds =
                Files.exists(dir.resolve(FileStore.MAINTENANCES))
                        || Files.exists(dir.resolve(FileStore.ACKNOWLEDGEMENTS));
        return new FileStore(
                holds || writable.test(dir) ? dir : Journal.defaultDirectory().getParent(),
                writable);
    }

    /**
     * Where Alertmanager's own alerts are read ({@code alerts.sources.alertmanager}): the
     * configured Alertmanager (or {@code alertmanagerUrl}), when there is one.
     */
    public static java.util.Optional<io.rackscope.desktop.telemetry.AlertFeed> feed(
            RackscopeConfig cfg, String alertmanagerUrl) {
        if (!cfg.app().alerts().rules().alertmanager()) {
            return java.util.Optional.empty();
        }
        SilenceStore s = store(cfg, alertmanagerUrl, Files::isWritable);
        return s instanceof AlertmanagerStore am
                ? java.util.Optional.of(am)
                : java.util.Optional.empty();
    }

    public static HandlingService service(
            RackscopeConfig cfg, String alertmanagerUrl, Clock clock) {
        return new HandlingService(
                store(cfg, alertmanagerUrl),
                new AlertLabels(cfg.topology(), cfg.app().telemetry().identityLabel()),
                clock);
    }

    /**
     * The app's: what is typed while the store is down is kept in {@code unsentDir} (beside the
     * journal) until sent, so closing the app loses none of it.
     */
    public static HandlingService service(RackscopeConfig cfg, Clock clock, Path unsentDir) {
        SilenceStore store = store(cfg, null);
        return new HandlingService(
                store,
                new AlertLabels(cfg.topology(), cfg.app().telemetry().identityLabel()),
                clock,
                UnsentFile.in(unsentDir, store.describe()));
    }
}
