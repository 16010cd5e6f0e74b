package io.rackscope.desktop.app;

import io.rackscope.desktop.importing.Discovery;
import io.rackscope.desktop.importing.FoundEstate;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.ui.EstateFinder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** The first run's questions to Prometheus and the directory written, off the FX thread. */
final class FirstRunService implements EstateFinder {
    @Override
    public CompletableFuture<String> test(Connection c, String metric) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (PrometheusClient client =
                            new PrometheusClient(connection(c).endpoint(), new QueryStats())) {
                        int n =
                                client
                                        .query("count(" + metric + ")", Instant.now())
                                        .get(30, TimeUnit.SECONDS)
                                        .series()
                                        .stream()
                                        .mapToInt(s -> (int) s.value())
                                        .sum();
                        return "Prometheus answers: "
                                + String.format("%,d", n)
                                + " series of "
                                + metric
                                + (n == 0 ? " (none: choose another metric)" : "");
                    } catch (Exception e) {
                        throw new CompletionException(plain(e));
                    }
                });
    }

    @Override
    public CompletableFuture<List<Label>> labels(Connection c, String metric) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (PrometheusClient client =
                            new PrometheusClient(connection(c).endpoint(), new QueryStats())) {
                        java.util.Map<String, java.util.SortedSet<String>> values =
                                new java.util.TreeMap<>();
                        for (var s :
                                client.query(metric, Instant.now())
                                        .get(30, TimeUnit.SECONDS)
                                        .series()) {
                            s.labels()
                                    .forEach(
                                            (k, v) -> {
                                                if (!k.equals("__name__")) {
                                                    values.computeIfAbsent(
                                                                    k,
                                                                    x -> new java.util.TreeSet<>())
                                                            .add(v);
                                                }
                                            });
                        }
                        return values.entrySet().stream()
                                .map(
                                        e ->
                                                new Label(
                                                        e.getKey(),
                                                        e.getValue().size(),
                                                        e.getValue().stream().limit(3).toList()))
                                .sorted(
                                        java.util.Comparator.comparingInt(Label::values)
                                                .reversed()
                                                .thenComparing(Label::name))
                                .toList();
                    } catch (Exception e) {
                        throw new CompletionException(plain(e));
                    }
                });
    }

    @Override
    public CompletableFuture<Preview> preview(Connection c, Placement p) {
        return CompletableFuture.supplyAsync(
                () -> {
                    Discovery.Found found = find(c, p);
                    long sites = found.rows().stream().map(r -> r.site()).distinct().count();
                    long rooms =
                            found.rows().stream()
                                    .map(r -> r.site() + "/" + r.room())
                                    .distinct()
                                    .count();
                    long aisles =
                            found.rows().stream()
                                    .map(r -> r.site() + "/" + r.room() + "/" + r.aisle())
                                    .distinct()
                                    .count();
                    long racks = found.rows().stream().map(r -> r.rack()).distinct().count();
                    String summary =
                            String.format(
                                    "%,d nodes: %d site(s), %d room(s), %d aisle(s), %d rack(s), %,d"
                                            + " device(s); %,d not placed",
                                    found.nodes(),
                                    sites,
                                    rooms,
                                    aisles,
                                    racks,
                                    found.rows().size(),
                                    found.problems().size());
                    return new Preview(
                            summary,
                            sample(found.rows()),
                            found.problems().stream().limit(8).toList());
                });
    }

    @Override
    public CompletableFuture<Path> write(Connection c, Placement p, Path dir) {
        return CompletableFuture.supplyAsync(
                () -> {
                    Discovery.Found found = find(c, p);
                    if (found.rows().isEmpty()) {
                        throw new CompletionException(
                                new IllegalStateException("no node placed: nothing to write"));
                    }
                    FoundEstate.Outcome o =
                            FoundEstate.write(dir, connection(c), request(p), found, true);
                    if (!o.written().errors().isEmpty()) {
                        throw new CompletionException(
                                new IllegalStateException(
                                        "not written: "
                                                + String.join(
                                                        "; ",
                                                        o.written().errors().stream()
                                                                .map(Object::toString)
                                                                .toList())));
                    }
                    return dir;
                });
    }

    @Override
    public CompletableFuture<Preview> previewImport(
            Connection c, String format, Path file, Path dir) {
        return CompletableFuture.supplyAsync(
                () -> {
                    FoundEstate.Outcome o = imported(c, format, file, dir, false);
                    List<String> problems = new java.util.ArrayList<>(o.report().problems());
                    o.written().errors().forEach(e -> problems.add(e.toString()));
                    return new Preview(
                            o.report().summary(),
                            sample(o.found().rows()),
                            problems.stream().limit(8).toList());
                });
    }

    @Override
    public CompletableFuture<Path> writeImport(Connection c, String format, Path file, Path dir) {
        return CompletableFuture.supplyAsync(
                () -> {
                    FoundEstate.Outcome o = imported(c, format, file, dir, true);
                    if (o.written().written().isEmpty()) {
                        throw new CompletionException(
                                new IllegalStateException(
                                        "not written: "
                                                + (o.written().errors().isEmpty()
                                                        ? "nothing to import"
                                                        : o.written().errors().get(0).toString())));
                    }
                    return dir;
                });
    }

    private static FoundEstate.Outcome imported(
            Connection c, String format, Path file, Path dir, boolean write) {
        try (java.io.Reader in =
                java.nio.file.Files.newBufferedReader(
                        file, java.nio.charset.StandardCharsets.UTF_8)) {
            io.rackscope.desktop.importing.ImportRows.Read read =
                    format.equals("netbox-csv")
                            ? io.rackscope.desktop.importing.ImportRows.netbox(
                                    in, java.util.Map.of())
                            : io.rackscope.desktop.importing.ImportRows.csv(in);
            return FoundEstate.imported(dir, connection(c), read, java.util.Map.of(), write);
        } catch (java.io.IOException e) {
            throw new CompletionException(
                    new IllegalStateException("cannot read " + file + ": " + e.getMessage()));
        }
    }

    /** A few devices as they will be placed: "site / room / aisle / rack U3: id (nodes)". */
    private static List<String> sample(List<io.rackscope.desktop.importing.DeviceRow> rows) {
        return rows.stream()
                .limit(8)
                .map(
                        r ->
                                r.site()
                                        + " / "
                                        + r.room()
                                        + " / "
                                        + r.aisle()
                                        + " / "
                                        + r.rack()
                                        + " U"
                                        + r.u()
                                        + ": "
                                        + r.id()
                                        + " ("
                                        + nodes(r.instance())
                                        + ")")
                .toList();
    }

    /** "cn01, cn02, cn03 … 16 nodes" for a long list. */
    private static String nodes(String list) {
        String[] n = list.split(",");
        return n.length <= 3
                ? String.join(", ", n)
                : n[0] + ", " + n[1] + ", " + n[2] + " … " + n.length + " nodes";
    }

    private static Discovery.Found find(Connection c, Placement p) {
        try (PrometheusClient client =
                new PrometheusClient(connection(c).endpoint(), new QueryStats())) {
            return FoundEstate.find(client, request(p));
        } catch (Exception e) {
            throw new CompletionException(plain(e));
        }
    }

    private static FoundEstate.Connection connection(Connection c) {
        return new FoundEstate.Connection(
                c.url(), c.user(), c.password(), c.ca(), c.cert(), c.key());
    }

    private static FoundEstate.Request request(Placement p) {
        return new FoundEstate.Request(
                p.metric(),
                p.identity(),
                new Discovery.Levels(
                        Discovery.Source.parse(p.site()),
                        Discovery.Source.parse(p.room()),
                        Discovery.Source.parse(p.aisle()),
                        Discovery.Source.parse(p.rack()),
                        p.device() == null || p.device().isBlank()
                                ? null
                                : Discovery.Source.parse(p.device())));
    }

    /** The cause people can read: the client's own message, not the wrappers'. */
    private static Exception plain(Exception e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException
                        || t instanceof CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof Exception x ? x : new RuntimeException(t);
    }
}
