package io.rackscope.desktop.edit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The settings of {@code app.yaml} the settings editor offers, by group: where each is written (a
 * dotted path), what kind of value it takes, its default and what it does.
 */
public final class SettingsCatalog {
    /** The kinds of value, each written and checked its own way. */
    public enum Type {
        TEXT,
        INTEGER,
        NUMBER,
        /** true or false; empty: the default. */
        BOOL,
        CHOICE,
        /** Never shown once written; replaced only when typed. */
        SECRET,
        /** A path, relative to the configuration directory. */
        FILE,
        /** A list written as {@code [a, b]}, typed separated by commas. */
        LIST
    }

    /** One setting. */
    public record Setting(
            String group,
            String path,
            Type type,
            String fallback,
            List<String> choices,
            String help) {
        public Setting {
            choices = List.copyOf(choices);
        }

        /** {@code v} as YAML for this setting; refused, naming it, when it is not one. */
        public String render(String v) {
            String bad = null;
            String out =
                    switch (type) {
                        case INTEGER -> {
                            if (!v.matches("-?[0-9]+")) {
                                bad = "a whole number";
                            }
                            yield v;
                        }
                        case NUMBER -> {
                            if (!v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                                bad = "a number";
                            }
                            yield v;
                        }
                        case BOOL -> {
                            if (!v.equals("true") && !v.equals("false")) {
                                bad = "true or false";
                            }
                            yield v;
                        }
                        case CHOICE -> {
                            if (!choices.contains(v)) {
                                bad = "one of " + String.join(", ", choices);
                            }
                            yield v;
                        }
                        case LIST ->
                                Item.list(
                                                Arrays.stream(v.split(","))
                                                        .map(String::strip)
                                                        .filter(x -> !x.isEmpty())
                                                        .map(Scalars::text)
                                                        .toList())
                                        .flow();
                        default -> Scalars.text(v);
                    };
            if (bad != null) {
                throw new EditRefused(path + " is " + bad + ", not '" + v + "'");
            }
            return out;
        }

        /** The key's own name (the last part of the path). */
        public String key() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    public static final String TELEMETRY = "Telemetry";
    public static final String ALERTMANAGER = "Alertmanager";

    private static final List<Setting> ALL =
            List.of(
                    s(
                            TELEMETRY,
                            "telemetry.prometheus_url",
                            Type.TEXT,
                            "",
                            "The Prometheus (or compatible) the checks ask, e.g. http://prometheus:9090"),
                    s(
                            TELEMETRY,
                            "telemetry.identity_label",
                            Type.TEXT,
                            "instance",
                            "The label whose values are the topology's node instances"),
                    s(
                            TELEMETRY,
                            "telemetry.chassis_label",
                            Type.TEXT,
                            "chassis_id",
                            "The label of device (chassis) scope checks"),
                    s(
                            TELEMETRY,
                            "telemetry.rack_label",
                            Type.TEXT,
                            "rack_id",
                            "The label of rack scope checks"),
                    s(
                            TELEMETRY,
                            "telemetry.job_regex",
                            Type.TEXT,
                            "",
                            "What $jobs stands for in expressions"),
                    s(
                            TELEMETRY,
                            "telemetry.basic_auth_user",
                            Type.TEXT,
                            "",
                            "User name for basic authentication"),
                    s(
                            TELEMETRY,
                            "telemetry.basic_auth_password",
                            Type.SECRET,
                            "",
                            "Password; ${ENV_VAR} reads it from the environment"),
                    s(
                            TELEMETRY,
                            "telemetry.basic_auth_password_file",
                            Type.FILE,
                            "",
                            "A file holding the password (instead of writing it here)"),
                    s(
                            TELEMETRY,
                            "telemetry.bearer_token",
                            Type.SECRET,
                            "",
                            "Bearer token; ${ENV_VAR} reads it from the environment"),
                    s(
                            TELEMETRY,
                            "telemetry.bearer_token_file",
                            Type.FILE,
                            "",
                            "A file holding the bearer token"),
                    s(
                            TELEMETRY,
                            "telemetry.tls_verify",
                            Type.BOOL,
                            "true",
                            "Verify the server's certificate"),
                    s(
                            TELEMETRY,
                            "telemetry.tls_ca_file",
                            Type.FILE,
                            "",
                            "CA certificate (PEM) the server's certificate is verified against"),
                    s(
                            TELEMETRY,
                            "telemetry.tls_cert_file",
                            Type.FILE,
                            "",
                            "Client certificate (PEM), for servers that ask for one"),
                    s(
                            TELEMETRY,
                            "telemetry.tls_key_file",
                            Type.FILE,
                            "",
                            "The client certificate's key (PEM)"),
                    s(
                            TELEMETRY,
                            "telemetry.timeout_seconds",
                            Type.NUMBER,
                            "15",
                            "How long one query may take"),
                    s(
                            TELEMETRY,
                            "telemetry.max_parallel_queries",
                            Type.INTEGER,
                            "4",
                            "Queries in flight at once"),
                    s(
                            TELEMETRY,
                            "telemetry.scrape_interval_seconds",
                            Type.INTEGER,
                            "15",
                            "The scrape interval, when the app cannot learn it"),
                    new Setting(
                            "Planner",
                            "planner.unknown_state",
                            Type.CHOICE,
                            "UNKNOWN",
                            List.of("UNKNOWN", "OK", "WARN", "CRIT"),
                            "The state of an entity no check has a sample for"),
                    s(
                            "Planner",
                            "planner.max_ids_per_query",
                            Type.INTEGER,
                            "200",
                            "Ids in one query's regex at most"),
                    s(
                            "Planner",
                            "planner.max_query_bytes",
                            Type.INTEGER,
                            "8192",
                            "Bytes of one query's text at most"),
                    s(
                            "Planner",
                            "planner.cycle_timeout_seconds",
                            Type.INTEGER,
                            "0",
                            "A cycle that takes longer is cut short"),
                    new Setting(
                            "Planner",
                            "planner.id_matcher",
                            Type.CHOICE,
                            "literal",
                            List.of("literal", "ranges"),
                            "How ids are written in queries: each one, or numbered ranges"),
                    s(
                            "Planner",
                            "refresh.room_state_seconds",
                            Type.INTEGER,
                            "60",
                            "Seconds between two cycles of the room's states"),
                    s(
                            "Planner",
                            "refresh.rack_state_seconds",
                            Type.INTEGER,
                            "60",
                            "Seconds between two cycles of the racks' states"),
                    s(
                            "Planner",
                            "cache.ttl_seconds",
                            Type.INTEGER,
                            "60",
                            "How long an answer is kept"),
                    s(
                            "Planner",
                            "cache.health_checks_ttl_seconds",
                            Type.INTEGER,
                            "30",
                            "How long a check's answer is kept"),
                    s(
                            "Planner",
                            "cache.metrics_ttl_seconds",
                            Type.INTEGER,
                            "120",
                            "How long a chart's answer is kept"),
                    s(
                            "Alerts",
                            "alerts.group_min_nodes",
                            Type.INTEGER,
                            "",
                            "Nodes failing together that make one incident"),
                    s(
                            "Alerts",
                            "alerts.group_fraction",
                            Type.NUMBER,
                            "",
                            "Share of a rack's nodes failing together that make one incident"),
                    s(
                            "Alerts",
                            "alerts.flap_transitions",
                            Type.INTEGER,
                            "",
                            "Changes within the flap window that make an entity flapping"),
                    s("Alerts", "alerts.flap_window", Type.TEXT, "", "The flap window, e.g. 30m"),
                    s(
                            "Alerts",
                            "alerts.journal_days",
                            Type.INTEGER,
                            "",
                            "Days the incident journal keeps"),
                    s(
                            "Alerts",
                            "alerts.unknown_as_incident",
                            Type.BOOL,
                            "",
                            "An UNKNOWN entity opens an incident"),
                    s(
                            "Alerts",
                            "history.max_hours",
                            Type.INTEGER,
                            "24",
                            "How far back the time control reaches"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.url",
                            Type.TEXT,
                            "",
                            "Where acknowledgements and maintenances are shared, e.g. http://alertmanager:9093"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.basic_auth_user",
                            Type.TEXT,
                            "",
                            "User name for basic authentication"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.basic_auth_password",
                            Type.SECRET,
                            "",
                            "Password; ${ENV_VAR} reads it from the environment"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.basic_auth_password_file",
                            Type.FILE,
                            "",
                            "A file holding the password"),
                    s(ALERTMANAGER, "alertmanager.bearer_token", Type.SECRET, "", "Bearer token"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.tls_verify",
                            Type.BOOL,
                            "true",
                            "Verify the server's certificate"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.tls_ca_file",
                            Type.FILE,
                            "",
                            "CA certificate (PEM)"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.tls_cert_file",
                            Type.FILE,
                            "",
                            "Client certificate (PEM)"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.tls_key_file",
                            Type.FILE,
                            "",
                            "The client certificate's key (PEM)"),
                    s(
                            ALERTMANAGER,
                            "alertmanager.timeout_seconds",
                            Type.INTEGER,
                            "10",
                            "How long one call may take"),
                    s(
                            "Kiosk",
                            "kiosk.screen",
                            Type.INTEGER,
                            "0",
                            "The monitor a wall display opens on"),
                    s(
                            "Kiosk",
                            "kiosk.exit_key",
                            Type.TEXT,
                            "Ctrl+Shift+Q",
                            "The key chord, pressed twice, that leaves the kiosk"),
                    s(
                            "Kiosk",
                            "kiosk.scale",
                            Type.NUMBER,
                            "",
                            "Size of text and cells on the wall (1 = as on a desk)"),
                    s(
                            "Kiosk",
                            "kiosk.hide_cursor_seconds",
                            Type.INTEGER,
                            "5",
                            "Idle seconds before the cursor hides"),
                    s(
                            "Kiosk",
                            "kiosk.jump_to_crit_seconds",
                            Type.INTEGER,
                            "60",
                            "How long a new CRIT is shown before the playlist goes on"),
                    s(
                            "Kiosk",
                            "playlist.interval_seconds",
                            Type.INTEGER,
                            "30",
                            "Seconds each view of the playlist is shown"),
                    s(
                            "Kiosk",
                            "playlist.views",
                            Type.LIST,
                            "",
                            "The views shown in turn (world, site:ID, room:SITE/ROOM, wallboard, alerts…)"),
                    s(
                            "Features",
                            "app.name",
                            Type.TEXT,
                            "Rackscope",
                            "The name in the window's title"),
                    s("Features", "app.description", Type.TEXT, "", "A line about this estate"),
                    s(
                            "Features",
                            "features.notifications",
                            Type.BOOL,
                            "true",
                            "Toasts for new incidents"),
                    s(
                            "Features",
                            "features.worldmap",
                            Type.BOOL,
                            "true",
                            "The world view as a map (else a list of sites)"),
                    s("Features", "map.center.lat", Type.NUMBER, "", "The map's centre: latitude"),
                    s("Features", "map.center.lon", Type.NUMBER, "", "The map's centre: longitude"),
                    s(
                            "Features",
                            "map.default_zoom",
                            Type.INTEGER,
                            "",
                            "The map's zoom when it opens"));

    private SettingsCatalog() {}

    public static List<Setting> all() {
        return ALL;
    }

    /** The groups, in the order they are shown. */
    public static List<String> groups() {
        return ALL.stream().map(Setting::group).distinct().toList();
    }

    public static Optional<Setting> at(String path) {
        return ALL.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    private static Setting s(String group, String path, Type type, String fallback, String help) {
        return new Setting(group, path, type, fallback, List.of(), help);
    }
}
