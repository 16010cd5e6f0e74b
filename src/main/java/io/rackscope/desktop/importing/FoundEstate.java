package io.rackscope.desktop.importing;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditCheck;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.edit.Scalars;
import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.http.Secret;
import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An estate found in Prometheus and written as a configuration directory: the settings to reach
 * that Prometheus (a password in a file of its own, readable by its owner only, never in {@code
 * app.yaml}), a check that a node is up, templates by node count, and the estate through the import
 * path. The same for the {@code discover} command and the first-run wizard.
 */
public final class FoundEstate {
    /**
     * How to reach Prometheus; {@code user} and {@code password} empty or null: no basic auth;
     * {@code ca}, {@code cert}, {@code key} (PEM files) empty or null: the system's CAs, no client
     * certificate.
     */
    public record Connection(
            String url, String user, String password, String ca, String cert, String key) {
        public Connection {
            user = user == null ? "" : user.trim();
            password = password == null ? "" : password;
            ca = ca == null ? "" : ca.trim();
            cert = cert == null ? "" : cert.trim();
            key = key == null ? "" : key.trim();
        }

        public Connection(String url, String user, String password) {
            this(url, user, password, "", "", "");
        }

        /** The endpoint asked: this URL, basic auth and TLS files, TLS verified, 30 s a request. */
        public Endpoint endpoint() {
            return new Endpoint(
                    url,
                    user.isEmpty() ? null : user,
                    password.isEmpty() ? null : new Secret(password),
                    null,
                    true,
                    path(ca),
                    path(cert),
                    path(key),
                    Duration.ofSeconds(30),
                    4,
                    "telemetry");
        }

        private static java.nio.file.Path path(String file) {
            return file.isEmpty() ? null : java.nio.file.Path.of(file).toAbsolutePath();
        }
    }

    /** What to ask and how to place it. */
    public record Request(String metric, String identity, Discovery.Levels levels) {}

    /** What writing it did, or would do: what was found, imported, and the loader's verdict. */
    public record Outcome(
            Discovery.Found found, TopologyImport.Report report, EditCheck.Outcome written) {}

    private FoundEstate() {}

    /** Asks {@code api} once for the nodes and the labels the request reads, and places them. */
    public static Discovery.Found find(PrometheusApi api, Request r)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Map<String, String>> series =
                api
                        .query(Discovery.query(r.metric(), r.identity(), r.levels()), Instant.now())
                        .get(60, TimeUnit.SECONDS)
                        .series()
                        .stream()
                        .map(Series::labels)
                        .toList();
        return Discovery.plan(series, r.identity(), r.levels());
    }

    /**
     * Writes {@code found} into {@code root} (made if missing; {@code write} false: nothing is
     * written, the diff tells what would be); refused, writing nothing, when the loader would find
     * an error in the result.
     */
    public static Outcome write(
            Path root, Connection c, Request r, Discovery.Found found, boolean write) {
        Map<String, TopologyImport.Proposal> templates = new LinkedHashMap<>();
        found.templates()
                .forEach(
                        (id, nodes) ->
                                templates.put(
                                        id,
                                        new TopologyImport.Proposal(
                                                "Discovered, "
                                                        + nodes
                                                        + (nodes == 1 ? " node" : " nodes"),
                                                1,
                                                nodes,
                                                List.of("node_up"))));
        return rows(root, c, r, found, found.rows(), List.of(), t -> templates, write);
    }

    /**
     * Writes the devices of a CSV or NetBox export ({@code read}) into {@code root} as {@link
     * #write} writes found ones: with an app.yaml for {@code c} and a {@code node_up} check when
     * the directory has none, and a template (its U height, one node per instance named, the check)
     * for each template id the export names and the directory lacks.
     */
    public static Outcome imported(
            Path root,
            Connection c,
            ImportRows.Read read,
            Map<String, String> types,
            boolean write) {
        Map<String, Integer> heights = new LinkedHashMap<>();
        read.types()
                .forEach(
                        (type, u) ->
                                heights.put(types.getOrDefault(type, ImportRows.slug(type)), u));
        Discovery.Found none = new Discovery.Found(read.rows(), Map.of(), 0, List.of());
        return rows(
                root,
                c,
                new Request("up", "instance", null),
                none,
                read.rows(),
                read.problems(),
                before -> {
                    Map<String, TopologyImport.Proposal> out = new LinkedHashMap<>();
                    for (DeviceRow row : read.rows()) {
                        if (before.templates().device(row.template()).isEmpty()) {
                            out.putIfAbsent(
                                    row.template(),
                                    new TopologyImport.Proposal(
                                            row.template(),
                                            heights.getOrDefault(row.template(), 1),
                                            Math.max(
                                                    1,
                                                    row.instance() == null
                                                            ? 1
                                                            : io.rackscope.desktop.config.Ids
                                                                    .expand(row.instance())
                                                                    .size()),
                                            List.of("node_up")));
                        }
                    }
                    return out;
                },
                write);
    }

    private static Outcome rows(
            Path root,
            Connection c,
            Request r,
            Discovery.Found found,
            List<DeviceRow> rows,
            List<String> readProblems,
            java.util.function.Function<RackscopeConfig, Map<String, TopologyImport.Proposal>>
                    templatesFor,
            boolean write) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dir = root.toAbsolutePath().normalize();
        RackscopeConfig before = new ConfigLoader().load(dir);
        EditSession session = new EditSession(dir);
        if (!Files.exists(dir.resolve("app.yaml"))) {
            session.write(dir.resolve("app.yaml"), appYaml(c, r));
            if (!c.password().isEmpty()) {
                session.write(dir.resolve(PASSWORD_FILE), c.password() + "\n");
            }
        }
        Path checks = dir.resolve("checks/library/discovered.yaml");
        if (before.check("node_up").isEmpty() && !Files.exists(checks)) {
            session.write(checks, check(r));
        }
        TopologyImport.Report report;
        try (TopologyImport im = new TopologyImport(session, before)) {
            report = im.apply(rows, readProblems, templatesFor.apply(before));
        }
        EditCheck.Outcome done = EditCheck.conclude(session, before, write);
        if (!done.written().isEmpty() && !c.password().isEmpty()) {
            ownerOnly(dir.resolve(PASSWORD_FILE));
        }
        return new Outcome(found, report, done);
    }

    static final String PASSWORD_FILE = "secrets/prometheus-password";

    private static void ownerOnly(Path f) {
        try {
            Files.setPosixFilePermissions(
                    f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own permissions guard it
        }
    }

    private static String appYaml(Connection c, Request r) {
        Discovery.Levels levels = r.levels();
        StringBuilder b =
                new StringBuilder(
                                levels == null
                                        ? "# Written by rackscope-desktop when it imported this"
                                                + " estate.\n"
                                        : "# Written by rackscope-desktop when it found this"
                                                + " estate in Prometheus.\n")
                        .append("telemetry:\n  prometheus_url: ")
                        .append(Scalars.text(c.url()))
                        .append("\n  identity_label: ")
                        .append(Scalars.id(r.identity()))
                        .append('\n');
        // an imported estate (no levels) keeps the default labels until Settings says otherwise
        if (levels != null && levels.rack().label() != null && levels.rack().pattern() == null) {
            b.append("  rack_label: ").append(Scalars.id(levels.rack().label())).append('\n');
        }
        Discovery.Source device = levels == null ? null : levels.device();
        if (device != null && device.label() != null && device.pattern() == null) {
            b.append("  chassis_label: ").append(Scalars.id(device.label())).append('\n');
        }
        if (!c.user().isEmpty()) {
            b.append("  basic_auth_user: ").append(Scalars.text(c.user())).append('\n');
        }
        if (!c.password().isEmpty()) {
            b.append("  basic_auth_password_file: ").append(PASSWORD_FILE).append('\n');
        }
        for (String[] tls :
                new String[][] {
                    {"tls_ca_file", c.ca()}, {"tls_cert_file", c.cert()}, {"tls_key_file", c.key()}
                }) {
            if (!tls[1].isEmpty()) {
                b.append("  ")
                        .append(tls[0])
                        .append(": ")
                        .append(
                                Scalars.text(
                                        java.nio.file.Path.of(tls[1]).toAbsolutePath().toString()))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String check(Request r) {
        return "# Written by rackscope-desktop: a node is CRIT when its "
                + r.metric()
                + " series says it is down.\n"
                + "checks:\n"
                + "  - id: node_up\n"
                + "    name: Node up\n"
                + "    scope: node\n"
                + "    expr: "
                + r.metric()
                + "{"
                + r.identity()
                + "=~\"$instances\"}\n"
                + "    output: bool\n"
                + "    rules:\n"
                + "      - {op: \"==\", value: 0, severity: CRIT}\n";
    }
}
