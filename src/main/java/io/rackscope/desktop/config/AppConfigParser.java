package io.rackscope.desktop.config;

import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.checks.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code app.yaml}: every key with its default, unknown keys as warnings, secrets resolved
 * but never shown.
 */
final class AppConfigParser {
    static final String DEFAULT_PROMETHEUS_URL = "http://127.0.0.1:9090";

    private static final Map<String, Set<String>> KNOWN =
            Map.ofEntries(
                    Map.entry("app", Set.of("name", "description")),
                    Map.entry("paths", Set.of("topology", "templates", "checks", "metrics")),
                    Map.entry("refresh", Set.of("room_state_seconds", "rack_state_seconds")),
                    Map.entry(
                            "cache",
                            Set.of(
                                    "ttl_seconds",
                                    "service_ttl_seconds",
                                    "health_checks_ttl_seconds",
                                    "metrics_ttl_seconds")),
                    Map.entry(
                            "telemetry",
                            Set.of(
                                    "prometheus_url",
                                    "headers",
                                    "query_params",
                                    "identity_label",
                                    "rack_label",
                                    "chassis_label",
                                    "job_regex",
                                    "basic_auth_user",
                                    "basic_auth_password",
                                    "basic_auth_password_file",
                                    "bearer_token",
                                    "bearer_token_file",
                                    "tls_verify",
                                    "tls_ca_file",
                                    "tls_cert_file",
                                    "tls_key_file",
                                    "prometheus_heartbeat_seconds",
                                    "prometheus_latency_window",
                                    "debug_stats",
                                    "timeout_seconds",
                                    "max_parallel_queries",
                                    "scrape_interval_seconds",
                                    "prometheus_timeout_seconds",
                                    "sites")),
                    Map.entry(
                            "planner",
                            Set.of(
                                    "unknown_state",
                                    "cache_ttl_seconds",
                                    "max_ids_per_query",
                                    "max_query_bytes",
                                    "max_entities_per_query",
                                    "presence_refresh_seconds",
                                    "max_series_per_query",
                                    "max_answer_megabytes",
                                    "cycle_timeout_seconds",
                                    "id_matcher",
                                    "presence_from_scrapes",
                                    "forecast")),
                    Map.entry(
                            "features",
                            Set.of(
                                    "notifications",
                                    "notifications_max_visible",
                                    "playlist",
                                    "offline",
                                    "wizard",
                                    "worldmap",
                                    "dev_tools",
                                    "demo",
                                    "maintenances",
                                    "show_logs")),
                    Map.entry(
                            "map",
                            Set.of(
                                    "default_view",
                                    "default_zoom",
                                    "min_zoom",
                                    "max_zoom",
                                    "center",
                                    "zoom_controls")),
                    Map.entry("playlist", Set.of("interval_seconds", "views")),
                    Map.entry("self_monitoring", Set.of("enabled", "listen")),
                    Map.entry("history", Set.of("max_hours")),
                    Map.entry(
                            "alerts",
                            Set.of(
                                    "group_min_nodes",
                                    "group_fraction",
                                    "flap_transitions",
                                    "flap_window",
                                    "since_lookback",
                                    "journal_days",
                                    "unknown_as_incident",
                                    "unknown_severity",
                                    "handling_refresh_seconds",
                                    "escalate_after",
                                    "sources",
                                    "notify")),
                    Map.entry("plugins", Set.of()),
                    Map.entry("slurm", Set.of()),
                    Map.entry("links", Set.of()),
                    Map.entry(
                            "simulator",
                            Set.of(
                                    "enabled",
                                    "update_interval_seconds",
                                    "seed",
                                    "scenario",
                                    "scale_factor",
                                    "incident_rates",
                                    "incident_durations",
                                    "overrides_path",
                                    "default_ttl_seconds",
                                    "metrics_catalog_path",
                                    "metrics_catalogs")),
                    Map.entry(
                            "alertmanager",
                            Set.of(
                                    "url",
                                    "basic_auth_user",
                                    "basic_auth_password",
                                    "basic_auth_password_file",
                                    "bearer_token",
                                    "bearer_token_file",
                                    "tls_verify",
                                    "tls_ca_file",
                                    "tls_cert_file",
                                    "tls_key_file",
                                    "timeout_seconds",
                                    "ack_style")),
                    Map.entry("auth", Set.of()),
                    Map.entry(
                            "kiosk",
                            Set.of(
                                    "screen",
                                    "exit_key",
                                    "hide_cursor_seconds",
                                    "jump_to_crit_seconds",
                                    "scale",
                                    "recent_change_minutes",
                                    "stale_after_seconds",
                                    "palette",
                                    "min_cell_px",
                                    "page_seconds",
                                    "screens",
                                    "jump_screen")));

    private final Diagnostics diagnostics;
    private final Values values;
    private final EndpointSettings endpoints;

    AppConfigParser(Diagnostics diagnostics, Map<String, String> environment) {
        this.diagnostics = diagnostics;
        this.values = new Values(diagnostics);
        this.endpoints = new EndpointSettings(diagnostics, values, environment);
    }

    AppConfig parse(YamlNode.Mapping root, Path configDir) {
        warnUnknownKeys(root);
        YamlNode.Mapping app = section(root, "app");
        YamlNode.Mapping refresh = section(root, "refresh");
        YamlNode.Mapping cache = section(root, "cache");
        YamlNode.Mapping planner = section(root, "planner");
        YamlNode.Mapping playlist = section(root, "playlist");
        YamlNode.Mapping self = section(root, "self_monitoring");
        YamlNode.Mapping kiosk = section(root, "kiosk");
        YamlNode.Mapping history = section(root, "history");
        YamlNode.Mapping alerts = section(root, "alerts");
        return new AppConfig(
                app.text("name", "Rackscope"),
                app.text("description", ""),
                new AppConfig.Refresh(
                        values.integer(
                                refresh, "room_state_seconds", "refresh.room_state_seconds", 60),
                        values.integer(
                                refresh, "rack_state_seconds", "refresh.rack_state_seconds", 60)),
                new AppConfig.Cache(
                        values.integer(cache, "ttl_seconds", "cache.ttl_seconds", 60),
                        values.integer(
                                cache, "service_ttl_seconds", "cache.service_ttl_seconds", 5),
                        values.integer(
                                cache,
                                "health_checks_ttl_seconds",
                                "cache.health_checks_ttl_seconds",
                                30),
                        values.integer(
                                cache, "metrics_ttl_seconds", "cache.metrics_ttl_seconds", 120)),
                endpoints.checked(section(root, "telemetry"), configDir, "telemetry"),
                new AppConfig.Planner(
                        planner.text("unknown_state", "UNKNOWN"),
                        values.integer(
                                planner, "cache_ttl_seconds", "planner.cache_ttl_seconds", 60),
                        positive(planner, "max_ids_per_query", 200),
                        positive(planner, "max_query_bytes", 8192),
                        positive(planner, "max_entities_per_query", 5000),
                        positive(planner, "presence_refresh_seconds", 1800),
                        positive(planner, "max_series_per_query", 200_000),
                        positive(planner, "max_answer_megabytes", 256),
                        values.integer(
                                planner,
                                "cycle_timeout_seconds",
                                "planner.cycle_timeout_seconds",
                                0),
                        rangeIds(planner),
                        values.bool(
                                planner,
                                "presence_from_scrapes",
                                "planner.presence_from_scrapes",
                                true),
                        forecast(planner)),
                new AppConfig.Playlist(
                        values.integer(
                                playlist, "interval_seconds", "playlist.interval_seconds", 30),
                        playlistEntries(playlist)),
                kiosk(kiosk),
                new AppConfig.SelfMonitoring(
                        values.bool(self, "enabled", "self_monitoring.enabled", false),
                        self.text("listen", "127.0.0.1:9464")),
                new AppConfig.History(hours(history)),
                alerts(alerts, section(root, "alertmanager")),
                features(section(root, "features")),
                worldMap(section(root, "map")),
                plugins(root),
                endpoints.alertmanager(section(root, "alertmanager"), configDir),
                links(root));
    }

    /**
     * Playlist views: a text each, or {@code {path: ..., duration: ...}} (also {@code view} or
     * {@code url}; {@code duration_seconds}, {@code seconds}), the duration in seconds or as {@code
     * 45s}, {@code 2m}.
     */
    private List<AppConfig.Playlist.Entry> playlistEntries(YamlNode.Mapping playlist) {
        return playlistEntries(playlist.list("views"));
    }

    private List<AppConfig.Playlist.Entry> playlistEntries(List<YamlNode> views) {
        List<AppConfig.Playlist.Entry> out = new java.util.ArrayList<>();
        for (YamlNode n : views) {
            if (n instanceof YamlNode.Scalar s && !s.isNull()) {
                out.add(new AppConfig.Playlist.Entry(s.value().trim(), 0, s.file(), s.line()));
            } else if (n instanceof YamlNode.Mapping m) {
                String view = m.text("path", m.text("view", m.text("url", null)));
                if (view == null) {
                    diagnostics.error(m, "a playlist entry needs a path (the view to show)");
                    continue;
                }
                String d = m.text("duration", m.text("duration_seconds", m.text("seconds", null)));
                int seconds = 0;
                if (d != null) {
                    Optional<Duration> parsed =
                            d.trim().matches("\\d+")
                                    ? Optional.of(Duration.ofSeconds(Long.parseLong(d.trim())))
                                    : Durations.parse(d);
                    if (parsed.isEmpty() || parsed.get().toSeconds() < 1) {
                        diagnostics.error(
                                m.at("duration"),
                                "the playlist entry '"
                                        + view
                                        + "' has the duration '"
                                        + d
                                        + "'; write seconds (30) or 45s, 2m");
                    } else {
                        seconds = (int) parsed.get().toSeconds();
                    }
                }
                out.add(new AppConfig.Playlist.Entry(view.trim(), seconds, m.file(), m.line()));
            } else {
                diagnostics.error(n, "a playlist entry should be a view's path");
            }
        }
        return out;
    }

    /** {@code links: [{name, url}]}; an entry without both is an error and left out. */
    private List<AppConfig.Link> links(YamlNode.Mapping root) {
        List<AppConfig.Link> out = new java.util.ArrayList<>();
        for (YamlNode n : root.list("links")) {
            if (n instanceof YamlNode.Mapping m
                    && m.text("name", null) != null
                    && m.text("url", null) != null) {
                out.add(new AppConfig.Link(m.text("name", ""), m.text("url", "")));
            } else {
                diagnostics.error(n, "each of links: needs a name and a url; this one was skipped");
            }
        }
        return out;
    }

    private AppConfig.Features features(YamlNode.Mapping f) {
        return new AppConfig.Features(
                values.bool(f, "notifications", "features.notifications", true),
                values.bool(f, "worldmap", "features.worldmap", true),
                scalars(f));
    }

    private AppConfig.WorldMap worldMap(YamlNode.Mapping m) {
        YamlNode.Mapping center = m.mapping("center").orElse(YamlNode.Mapping.empty(m.file()));
        Double lat = values.number(center, "lat", "map.center.lat");
        Double lon = values.number(center, "lon", "map.center.lon");
        if (lat != null && Math.abs(lat) > 90 || lon != null && Math.abs(lon) > 180) {
            diagnostics.error(
                    m.at("center"), "map.center is off the globe; the sites' middle is used");
            lat = null;
            lon = null;
        }
        int min = zoom(m, "min_zoom", 2);
        int max = zoom(m, "max_zoom", 7);
        if (min > max) {
            diagnostics.error(
                    m.at("min_zoom"),
                    "map.min_zoom ("
                            + min
                            + ") is above map.max_zoom ("
                            + max
                            + "); 2 and 7 are used");
            min = 2;
            max = 7;
        }
        Integer initial = m.has("default_zoom") ? zoom(m, "default_zoom", min) : null;
        return new AppConfig.WorldMap(
                lat,
                lon,
                initial == null ? null : Math.max(min, Math.min(max, initial)),
                min,
                max,
                values.bool(m, "zoom_controls", "map.zoom_controls", true));
    }

    private int zoom(YamlNode.Mapping m, String key, int fallback) {
        int z = values.integer(m, key, "map." + key, fallback);
        if (z < 1 || z > 18) {
            diagnostics.error(
                    m.at(key),
                    "map." + key + " must be between 1 and 18; " + fallback + " is used");
            return fallback;
        }
        return z;
    }

    /**
     * {@code plugins:}, with the original's older top-level {@code slurm:} and {@code simulator:}
     * blocks read as {@code plugins.slurm} and {@code plugins.simulator} settings (a {@code slurm:}
     * block turns Slurm on unless {@code plugins.slurm.enabled} says otherwise).
     */
    private Map<String, Object> plugins(YamlNode.Mapping root) {
        Map<String, Object> out = new LinkedHashMap<>(plain(section(root, "plugins")));
        for (String legacy : List.of("slurm", "simulator")) {
            YamlNode.Mapping block = section(root, legacy);
            if (block.entries().isEmpty()) {
                continue;
            }
            Map<String, Object> merged = new LinkedHashMap<>(plain(block));
            if (legacy.equals("slurm")) {
                merged.putIfAbsent("enabled", "true");
            }
            if (out.get(legacy) instanceof Map<?, ?> given) {
                given.forEach((k, v) -> merged.put(String.valueOf(k), v));
            }
            out.put(legacy, merged);
        }
        return out;
    }

    private AppConfig.Kiosk kiosk(YamlNode.Mapping k) {
        Double scale = values.number(k, "scale", "kiosk.scale");
        if (scale != null && (scale < 0.5 || scale > 4)) {
            diagnostics.error(k.at("scale"), "kiosk.scale must be between 0.5 and 4; using 1");
            scale = null;
        }
        List<AppConfig.WallScreen> screens = screens(k);
        return new AppConfig.Kiosk(
                values.integer(k, "screen", "kiosk.screen", 0),
                k.text("exit_key", "Ctrl+Shift+Q"),
                values.integer(k, "hide_cursor_seconds", "kiosk.hide_cursor_seconds", 5),
                values.integer(k, "jump_to_crit_seconds", "kiosk.jump_to_crit_seconds", 60),
                scale == null ? 1 : scale,
                values.integer(k, "recent_change_minutes", "kiosk.recent_change_minutes", 10),
                values.integer(k, "stale_after_seconds", "kiosk.stale_after_seconds", 120),
                palette(k),
                Math.max(
                        0, Math.min(200, values.integer(k, "min_cell_px", "kiosk.min_cell_px", 0))),
                Math.max(3, values.integer(k, "page_seconds", "kiosk.page_seconds", 15)),
                screens,
                values.integer(
                        k,
                        "jump_screen",
                        "kiosk.jump_screen",
                        screens.isEmpty() ? 0 : screens.get(0).screen()));
    }

    /**
     * {@code kiosk.screens}: {@code [{screen: 1, playlist: [...]}, {screen: 2, view: V}, ...]}, one
     * full-screen window per monitor from one planner; each may set its {@code scale}.
     */
    private List<AppConfig.WallScreen> screens(YamlNode.Mapping k) {
        List<AppConfig.WallScreen> out = new java.util.ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (YamlNode n : k.list("screens")) {
            if (!(n instanceof YamlNode.Mapping m) || !m.has("screen")) {
                diagnostics.error(
                        n, "each of kiosk.screens is {screen: N, playlist: [...] or view: V}");
                continue;
            }
            int screen = values.integer(m, "screen", "kiosk.screens.screen", 0);
            if (!seen.add(screen)) {
                diagnostics.error(
                        m.at("screen"),
                        "kiosk.screens: screen " + screen + " is listed twice; the first is used");
                continue;
            }
            List<AppConfig.Playlist.Entry> views =
                    m.has("view")
                            ? List.of(
                                    new AppConfig.Playlist.Entry(
                                            m.text("view", "").strip(), 0, m.file(), m.line()))
                            : playlistEntries(m.list("playlist"));
            Double scale = values.number(m, "scale", "kiosk.screens.scale");
            out.add(new AppConfig.WallScreen(screen, views, scale == null ? 0 : scale));
        }
        return out;
    }

    /** {@code kiosk.palette}: standard, safe or quiet (this app's extension). */
    private String palette(YamlNode.Mapping k) {
        String p = k.text("palette", "standard").strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("standard", "safe", "quiet").contains(p)) {
            diagnostics.error(
                    k.at("palette"),
                    "kiosk.palette is standard, safe or quiet, not '" + p + "'; using standard");
            return "standard";
        }
        return p;
    }

    private AppConfig.Alerts alerts(YamlNode.Mapping a, YamlNode.Mapping alertmanager) {
        AppConfig.Alerts d = AppConfig.Alerts.DEFAULTS;
        int min = values.integer(a, "group_min_nodes", "alerts.group_min_nodes", d.groupMinNodes());
        Double fraction = values.number(a, "group_fraction", "alerts.group_fraction");
        if (fraction != null && (fraction <= 0 || fraction > 1)) {
            diagnostics.error(
                    a.at("group_fraction"),
                    "alerts.group_fraction must be above 0 and at most 1; using "
                            + d.groupFraction());
            fraction = null;
        }
        int flaps =
                values.integer(
                        a, "flap_transitions", "alerts.flap_transitions", d.flapTransitions());
        return new AppConfig.Alerts(
                Math.max(1, min),
                fraction == null ? d.groupFraction() : fraction,
                flaps,
                duration(a, "flap_window", d.flapWindow()),
                duration(a, "since_lookback", d.sinceLookback()),
                Math.max(
                        1,
                        values.integer(a, "journal_days", "alerts.journal_days", d.journalDays())),
                values.bool(
                        a,
                        "unknown_as_incident",
                        "alerts.unknown_as_incident",
                        d.unknownAsIncident()),
                unknownSeverity(a, d.unknownSeverity()),
                Math.max(
                        1,
                        values.integer(
                                a,
                                "handling_refresh_seconds",
                                "alerts.handling_refresh_seconds",
                                d.handlingRefreshSeconds())),
                escalateAfter(a),
                notify(a),
                ruleAlerts(a),
                karmaAcks(alertmanager));
    }

    /** {@code alertmanager.ack_style}: rackscope (the default) or karma ({@code ACK!} comments). */
    private boolean karmaAcks(YamlNode.Mapping am) {
        String style = am.text("ack_style", "rackscope").strip().toLowerCase(java.util.Locale.ROOT);
        if (!style.equals("rackscope") && !style.equals("karma")) {
            diagnostics.error(
                    am.at("ack_style"),
                    "alertmanager.ack_style is rackscope or karma, not '"
                            + style
                            + "'; using rackscope");
        }
        return style.equals("karma");
    }

    /**
     * {@code alerts.sources}: {@code prometheus_rules} (on when the block is there, unless {@code
     * enabled: false}) and {@code alertmanager} (likewise); the label and severity maps of the
     * first serve both.
     */
    private AppConfig.RuleAlerts ruleAlerts(YamlNode.Mapping a) {
        AppConfig.RuleAlerts d = AppConfig.RuleAlerts.OFF;
        YamlNode.Mapping sources = a.mapping("sources").orElse(null);
        if (sources == null) {
            return d;
        }
        boolean alertmanager =
                sources.mapping("alertmanager")
                        .map(
                                m ->
                                        values.bool(
                                                m,
                                                "enabled",
                                                "alerts.sources.alertmanager.enabled",
                                                true))
                        .orElse(false);
        YamlNode.Mapping r = sources.mapping("prometheus_rules").orElse(null);
        if (r == null) {
            return alertmanager ? d.withAlertmanager() : d;
        }
        String where = "alerts.sources.prometheus_rules.";
        Map<String, List<String>> labels = new java.util.HashMap<>();
        r.mapping("label_map")
                .ifPresent(
                        m ->
                                m.entries()
                                        .keySet()
                                        .forEach(
                                                scope -> {
                                                    if (List.of("node", "chassis", "rack")
                                                            .contains(scope)) {
                                                        labels.put(scope, m.texts(scope));
                                                    } else {
                                                        diagnostics.error(
                                                                m.at(scope),
                                                                where
                                                                        + "label_map has node,"
                                                                        + " chassis and rack, not '"
                                                                        + scope
                                                                        + "'");
                                                    }
                                                }));
        Map<String, Severity> severities = new java.util.HashMap<>(d.severities());
        for (var e : r.mapping("severity_map").map(m -> m.entries().keySet()).orElse(Set.of())) {
            YamlNode.Mapping m = r.mapping("severity_map").orElseThrow();
            Severity s = Severity.parse(m.text(e, "")).orElse(null);
            if (s == null) {
                diagnostics.error(
                        m.at(e),
                        where + "severity_map: '" + m.text(e, "") + "' is not OK, WARN or CRIT");
            } else {
                severities.put(e.toLowerCase(java.util.Locale.ROOT), s);
            }
        }
        return new AppConfig.RuleAlerts(
                values.bool(r, "enabled", where + "enabled", true),
                values.bool(r, "pending", where + "pending", d.pending()),
                labels,
                severities,
                Severity.parse(r.text("unmapped_severity", "")).orElse(d.unmapped()),
                alertmanager);
    }

    /** {@code alerts.escalate_after}: a CRIT nobody answers is announced again after it; or off. */
    private Duration escalateAfter(YamlNode.Mapping a) {
        String text = a.text("escalate_after", null);
        if (text == null || text.isBlank() || text.strip().equals("off")) {
            return null;
        }
        Duration d = Durations.parse(text).filter(x -> !x.isZero()).orElse(null);
        if (d == null) {
            diagnostics.error(
                    a.at("escalate_after"),
                    "alerts.escalate_after '"
                            + text
                            + "' is not a duration (10m, 1h); no escalation");
        }
        return d;
    }

    /**
     * {@code alerts.notify}: webhooks, each {@code {url, when}}; a bad one is said and left out.
     */
    private List<AppConfig.Notify> notify(YamlNode.Mapping a) {
        List<AppConfig.Notify> out = new ArrayList<>();
        for (YamlNode n : a.list("notify")) {
            if (!(n instanceof YamlNode.Mapping m) || m.text("url", "").isBlank()) {
                diagnostics.error(
                        n,
                        "alerts.notify: each entry is {url: ..., when: [escalated, unanswered]}");
                continue;
            }
            String url = m.text("url", "").strip();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                // the URL may hold a token: not repeated
                diagnostics.error(m.at("url"), "alerts.notify: a url starts with http(s)://");
                continue;
            }
            List<String> when =
                    m.has("when") ? m.texts("when") : List.of("escalated", "unanswered");
            List<String> unknown =
                    when.stream().filter(w -> !AppConfig.Notify.MOMENTS.contains(w)).toList();
            if (!unknown.isEmpty()) {
                diagnostics.error(
                        m.at("when"),
                        "alerts.notify.when: "
                                + unknown
                                + " unknown; the moments are new, escalated, unanswered");
            }
            out.add(
                    new AppConfig.Notify(
                            new io.rackscope.desktop.http.Secret(url),
                            java.util.Set.copyOf(
                                    when.stream()
                                            .filter(AppConfig.Notify.MOMENTS::contains)
                                            .toList())));
        }
        return out;
    }

    /** {@code alerts.unknown_severity}: WARN or CRIT, what a "no data" alert counts as. */
    private Severity unknownSeverity(YamlNode.Mapping a, Severity fallback) {
        String text = values.text(a, "unknown_severity", "alerts.unknown_severity", null);
        if (text == null) {
            return fallback;
        }
        Severity s = Severity.parse(text.strip()).orElse(null);
        if (s != Severity.WARN && s != Severity.CRIT) {
            diagnostics.error(
                    a.at("unknown_severity"),
                    "alerts.unknown_severity must be WARN or CRIT, not '"
                            + text.strip()
                            + "'; using "
                            + fallback);
            return fallback;
        }
        return s;
    }

    private Duration duration(YamlNode.Mapping a, String key, Duration fallback) {
        return duration(a, key, "alerts." + key, fallback);
    }

    private Duration duration(YamlNode.Mapping a, String key, String name, Duration fallback) {
        String text = a.text(key, null);
        if (text == null) {
            return fallback;
        }
        return Durations.parse(text)
                .filter(x -> !x.isZero())
                .orElseGet(
                        () -> {
                            diagnostics.error(
                                    a.at(key),
                                    name
                                            + " '"
                                            + text
                                            + "' is not a duration (15m, 24h); using "
                                            + Durations.format(fallback));
                            return fallback;
                        });
    }

    private static final Set<String> FORECAST_KEYS =
            Set.of(
                    "enabled",
                    "window",
                    "horizon",
                    "margin_percent",
                    "min_points",
                    "min_fit",
                    "announce",
                    "announce_within");

    /** {@code planner.forecast}; see {@link AppConfig.Forecast}. */
    private AppConfig.Forecast forecast(YamlNode.Mapping planner) {
        AppConfig.Forecast d = AppConfig.Forecast.DEFAULTS;
        YamlNode.Mapping f = planner.mapping("forecast").orElse(null);
        if (f == null) {
            return d;
        }
        String p = "planner.forecast.";
        warnUnknown(f, p, FORECAST_KEYS);
        Double margin = values.number(f, "margin_percent", p + "margin_percent");
        if (margin != null && (margin < 0 || margin > 100)) {
            diagnostics.error(
                    f.at("margin_percent"),
                    p + "margin_percent must be between 0 and 100; using " + d.margin() * 100);
            margin = null;
        }
        Double fit = values.number(f, "min_fit", p + "min_fit");
        if (fit != null && (fit < 0 || fit > 1)) {
            diagnostics.error(
                    f.at("min_fit"), p + "min_fit must be between 0 and 1; using " + d.minFit());
            fit = null;
        }
        int points = values.integer(f, "min_points", p + "min_points", d.minPoints());
        if (points < 3) {
            diagnostics.error(
                    f.at("min_points"),
                    p + "min_points must be at least 3; using " + d.minPoints());
            points = d.minPoints();
        }
        return new AppConfig.Forecast(
                values.bool(f, "enabled", p + "enabled", true),
                duration(f, "window", p + "window", d.window()),
                duration(f, "horizon", p + "horizon", d.horizon()),
                margin == null ? d.margin() : margin / 100,
                points,
                fit == null ? d.minFit() : fit,
                values.bool(f, "announce", p + "announce", false),
                duration(f, "announce_within", p + "announce_within", d.announceWithin()));
    }

    private boolean rangeIds(YamlNode.Mapping planner) {
        String form = planner.text("id_matcher", "literal");
        if (!form.equals("literal") && !form.equals("ranges")) {
            diagnostics.error(
                    planner.at("id_matcher"),
                    "planner.id_matcher must be literal or ranges, not '"
                            + form
                            + "'; using literal");
            return false;
        }
        return form.equals("ranges");
    }

    private int hours(YamlNode.Mapping history) {
        int h = values.integer(history, "max_hours", "history.max_hours", 24);
        if (h < 1 || h > 24 * 90) {
            diagnostics.error(
                    history.at("max_hours"),
                    "history.max_hours must be between 1 and 2160 (90 days); using 24");
            return 24;
        }
        return h;
    }

    private int positive(YamlNode.Mapping map, String key, int fallback) {
        int v = values.integer(map, key, "planner." + key, fallback);
        if (v < 1) {
            diagnostics.error(
                    map.at(key), "planner." + key + " must be at least 1; using " + fallback);
            return fallback;
        }
        return v;
    }

    /**
     * The Prometheus of each site that names its own ({@code telemetry.sites.SITE} here, or a
     * {@code telemetry} block in the site's entry of {@code sites.yaml}, given as {@code
     * fromTopology}): the main {@code telemetry} settings with the site's on top.
     */
    Map<String, AppConfig.Telemetry> siteTelemetry(
            YamlNode.Mapping root, Map<String, YamlNode.Mapping> fromTopology, Path configDir) {
        YamlNode.Mapping main = section(root, "telemetry");
        Map<String, YamlNode.Mapping> blocks = new LinkedHashMap<>(fromTopology);
        main.mapping("sites")
                .ifPresent(
                        sites ->
                                sites.entries()
                                        .forEach(
                                                (site, block) -> {
                                                    if (block instanceof YamlNode.Mapping m) {
                                                        blocks.put(site, m);
                                                    } else {
                                                        diagnostics.error(
                                                                block,
                                                                "telemetry.sites."
                                                                        + site
                                                                        + " should be a block of"
                                                                        + " settings (prometheus_url"
                                                                        + " and credentials)");
                                                    }
                                                }));
        Map<String, AppConfig.Telemetry> out = new LinkedHashMap<>();
        blocks.forEach(
                (site, block) -> {
                    block.entries()
                            .forEach(
                                    (key, node) -> {
                                        if (!KNOWN.get("telemetry").contains(key)
                                                || key.equals("sites")) {
                                            diagnostics.warning(
                                                    node,
                                                    "unknown setting '"
                                                            + key
                                                            + "' in the telemetry of site '"
                                                            + site
                                                            + "' is ignored");
                                        }
                                    });
                    Map<String, YamlNode> merged = new LinkedHashMap<>(main.entries());
                    merged.remove("sites");
                    merged.putAll(block.entries());
                    out.put(
                            site,
                            endpoints.checked(
                                    new YamlNode.Mapping(block.file(), block.line(), merged),
                                    configDir,
                                    "telemetry.sites." + site));
                });
        return out;
    }

    private void warnUnknownKeys(YamlNode.Mapping root) {
        root.entries()
                .forEach(
                        (key, node) -> {
                            Set<String> known = KNOWN.get(key);
                            if (known == null) {
                                diagnostics.warning(
                                        node,
                                        "unknown setting '"
                                                + key
                                                + "' in app.yaml is ignored"
                                                + guess(key, KNOWN.keySet()));
                            } else if (!known.isEmpty() && node instanceof YamlNode.Mapping m) {
                                warnUnknown(m, key + ".", known);
                            }
                        });
    }

    /** Warns of each key of {@code m} not in {@code known}, named {@code prefix} + key. */
    private void warnUnknown(YamlNode.Mapping m, String prefix, Set<String> known) {
        m.entries()
                .forEach(
                        (key, node) -> {
                            if (!known.contains(key)) {
                                diagnostics.warning(
                                        node,
                                        "unknown setting '"
                                                + prefix
                                                + key
                                                + "' in app.yaml is ignored"
                                                + guess(key, known));
                            }
                        });
    }

    private static String guess(String key, Set<String> known) {
        return KnownKeys.nearest(key, known).map(k -> "; did you mean " + k + "?").orElse("");
    }

    private YamlNode.Mapping section(YamlNode.Mapping root, String key) {
        YamlNode node = root.entries().get(key);
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        if (node != null && !(node instanceof YamlNode.Scalar s && s.isNull())) {
            diagnostics.error(
                    node,
                    "'"
                            + key
                            + "' in app.yaml should be a block of settings; its defaults are used");
        }
        return YamlNode.Mapping.empty(root.file());
    }

    private static Map<String, String> scalars(YamlNode.Mapping m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.entries()
                .forEach(
                        (k, v) -> {
                            if (v instanceof YamlNode.Scalar s && !s.isNull()) {
                                out.put(k, s.value());
                            }
                        });
        return out;
    }

    /**
     * A plain Java view (maps, lists, strings) of a YAML subtree, for plugin settings read later.
     */
    static Object plainValue(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            return plain(m);
        }
        if (node instanceof YamlNode.Sequence s) {
            return s.items().stream().map(AppConfigParser::plainValue).toList();
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return s.isNull() ? "" : s.value();
    }

    private static Map<String, Object> plain(YamlNode.Mapping m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, plainValue(v)));
        return out;
    }
}
