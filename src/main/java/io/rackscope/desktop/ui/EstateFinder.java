package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Port of the first run: a Prometheus tried with its credentials, the estate its series describe
 * previewed, and written as a configuration directory. Everything runs off the FX thread.
 */
@Port
public interface EstateFinder {
    /**
     * How to reach Prometheus; user and password empty: no basic auth; the PEM files (CA, client
     * certificate and key) empty: the system's CAs, no client certificate.
     */
    record Connection(
            String url, String user, String password, String ca, String cert, String key) {}

    /** A label of the metric's series: its name, how many values it has, a few of them. */
    record Label(String name, int values, List<String> samples) {}

    /**
     * Where the nodes are: the metric and its identity label, and each level as {@code =VALUE},
     * {@code LABEL} or {@code LABEL:REGEX} (device empty: each node a device of its own).
     */
    record Placement(
            String metric,
            String identity,
            String site,
            String room,
            String aisle,
            String rack,
            String device) {}

    /** What the series make: a summary, a few of the devices placed, the nodes not placed. */
    record Preview(String summary, List<String> sample, List<String> notPlaced) {}

    /** "Prometheus answers: 1,757 series of up"; fails with what went wrong, said plainly. */
    CompletableFuture<String> test(Connection c, String metric);

    /** The labels the metric's series carry, most values first. */
    CompletableFuture<List<Label>> labels(Connection c, String metric);

    CompletableFuture<Preview> preview(Connection c, Placement p);

    /**
     * What importing {@code file} ({@code format} csv or netbox-csv) into {@code dir} would make,
     * nothing written.
     */
    CompletableFuture<Preview> previewImport(Connection c, String format, Path file, Path dir);

    /** Imports {@code file} into {@code dir}; completes with the directory written. */
    CompletableFuture<Path> writeImport(Connection c, String format, Path file, Path dir);

    /** Writes the estate into {@code dir}; completes with the directory written. */
    CompletableFuture<Path> write(Connection c, Placement p, Path dir);
}
