package io.rackscope.desktop.app;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.handling.AlertmanagerStore;
import io.rackscope.desktop.handling.StoreException;
import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.prometheus.ConnectionTest;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.ui.SettingsTester;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The servers of an app.yaml text tried as the app would ask them, off the FX thread. */
public final class SettingsTestService implements SettingsTester {
    private final Path root;

    public SettingsTestService(Path root) {
        this.root = root;
    }

    @Override
    public CompletableFuture<Result> prometheus(String appYaml) {
        return site(appYaml, null, "");
    }

    @Override
    public CompletableFuture<Result> site(String appYaml, String site, String url) {
        return CompletableFuture.supplyAsync(
                () -> {
                    ConfigLoader.Settings s = new ConfigLoader().settings(root, appYaml);
                    if (!s.errors().isEmpty()) {
                        return new Result(false, s.errors());
                    }
                    AppConfig.Telemetry t =
                            site == null
                                    ? s.app().telemetry()
                                    : s.sites().getOrDefault(site, s.app().telemetry());
                    String at = url.isBlank() ? t.prometheusUrl() : url.strip();
                    if (at == null || at.isBlank()) {
                        return new Result(false, List.of("No Prometheus URL is set."));
                    }
                    ConnectionTest.Report r =
                            ConnectionTest.prometheus(t.endpoint(at), t.identityLabel());
                    return new Result(r.reached(), r.lines());
                });
    }

    @Override
    public CompletableFuture<List<String>> slurmNodes(String appYaml, String metric, String label) {
        return CompletableFuture.supplyAsync(
                () -> {
                    ConfigLoader.Settings s = new ConfigLoader().settings(root, appYaml);
                    try (PrometheusClient client =
                            new PrometheusClient(
                                    s.app().telemetry().endpoint(), new QueryStats())) {
                        return client
                                .query("group by (" + label + ") (" + metric + ")", Instant.now())
                                .get(60, TimeUnit.SECONDS)
                                .series()
                                .stream()
                                .map(x -> x.labels().get(label))
                                .filter(java.util.Objects::nonNull)
                                .distinct()
                                .toList();
                    } catch (ExecutionException e) {
                        throw new CompletionException(e.getCause());
                    } catch (TimeoutException | InterruptedException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    @Override
    public CompletableFuture<Result> alertmanager(String appYaml) {
        return CompletableFuture.supplyAsync(
                () -> {
                    ConfigLoader.Settings s = new ConfigLoader().settings(root, appYaml);
                    List<String> lines = new ArrayList<>(s.errors());
                    Endpoint am = s.app().alertmanager();
                    if (am == null) {
                        lines.add(
                                "No Alertmanager URL is set: acknowledgements stay on this desk.");
                        return new Result(false, lines);
                    }
                    try {
                        lines.add(new AlertmanagerStore(am).status());
                        return new Result(s.errors().isEmpty(), lines);
                    } catch (StoreException e) {
                        lines.add(e.getMessage());
                        return new Result(false, lines);
                    }
                });
    }
}
