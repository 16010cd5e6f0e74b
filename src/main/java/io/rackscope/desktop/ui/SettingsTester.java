package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Port of the settings editor's "Test connection": the servers an app.yaml text names, tried with
 * its credentials and TLS before anything is written. Runs off the FX thread.
 */
@Port
public interface SettingsTester {
    /** Whether the server answered, and what was found, one sentence a line. */
    record Result(boolean ok, List<String> lines) {
        public Result {
            lines = List.copyOf(lines);
        }
    }

    /** The Prometheus of {@code appYaml}'s telemetry. */
    CompletableFuture<Result> prometheus(String appYaml);

    /**
     * The Prometheus of {@code site} at {@code url} (blank: as written), with the site's own
     * credentials and TLS where {@code telemetry.sites} gives them, else the main ones.
     */
    CompletableFuture<Result> site(String appYaml, String site, String url);

    /**
     * The Slurm node names of {@code metric}'s {@code label} on the Prometheus of {@code appYaml}.
     */
    CompletableFuture<List<String>> slurmNodes(String appYaml, String metric, String label);

    /** The Alertmanager of {@code appYaml}. */
    CompletableFuture<Result> alertmanager(String appYaml);
}
